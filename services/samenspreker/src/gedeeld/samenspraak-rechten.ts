import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal, TafelRol } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import type { Deelnemer } from '../tafel/deelnemer.entity';
import type { Tafel } from '../tafel/tafel.service';
import type { Vraagstuk } from '../vraagstuk/vraagstuk.entity';
import { STAF_OMSCHRIJVING, vereisStafOfTafelRol } from './toegang';

/** Table roles that lead the table's work. */
const RONDE_LEIDERS: readonly TafelRol[] = ['voorzitter', 'initiatiefnemer'];

/** Opening and closing rounds: the voorzitter or initiatiefnemer at the table, or gemeente staff. */
export function vereisRondeLeiding(tafel: Tafel, em: EntityManager, vraagstuk: Vraagstuk, actor: Principal): Promise<void> {
  return vereisStafOfTafelRol(em, tafel, vraagstuk.id, actor, RONDE_LEIDERS, `de voorzitter of initiatiefnemer aan tafel, of ${STAF_OMSCHRIJVING} (rondes openen en sluiten)`);
}

/**
 * Oplossingen and posities come from the table itself: an active deelnemer in any role but
 * waarnemer (who may read and react, not weigh in).
 */
export async function vereisMeesprekendeDeelnemer(tafel: Tafel, em: EntityManager, vraagstuk: Vraagstuk, actor: Principal, wat: string): Promise<Deelnemer> {
  const deelnemer = await tafel.actieveDeelnemer(em, vraagstuk.id, actor.accountId);
  if (!deelnemer) throw new DomainError('FORBIDDEN', `Alleen deelnemers aan tafel kunnen ${wat}.`);
  if (deelnemer.rol === 'waarnemer') throw new DomainError('FORBIDDEN', `Een waarnemer leest en reageert mee, maar kan niet ${wat}.`);
  return deelnemer;
}
