import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '@samen/platform';
import { vereisFase } from '../gedeeld/toegang';
import type { Vraagstuk } from '../vraagstuk/vraagstuk.entity';
import { Ronde } from './ronde.entity';

/**
 * The round in which an oplossing is submitted or weighed: it must exist, the vraagstuk must be in
 * the phase oplossingen, and the round must still be open. Call it with the vraagstuk locked.
 */
export async function vereisOpenRonde(em: EntityManager, vraagstuk: Vraagstuk, ronde: { nummer: number } | { id: string }, wat: string): Promise<Ronde> {
  const gevonden = await em.findOne(Ronde, { vraagstukId: vraagstuk.id, ...ronde });
  if (!gevonden) throw DomainError.notFound('Deze ronde');
  // Rounds belong to the phase oplossingen: outside it nothing is submitted or weighed.
  vereisFase(vraagstuk, 'oplossingen', wat);
  if (gevonden.status !== 'open') throw new DomainError('CONFLICT', `Ronde ${gevonden.nummer} is gesloten; u kunt alleen in een open ronde ${wat}.`);
  return gevonden;
}
