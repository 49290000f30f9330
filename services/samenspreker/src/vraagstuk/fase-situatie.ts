import type { EntityManager } from '@mikro-orm/postgresql';
import { OPEN_ACTIE_STATUSSEN } from '../actie/actie-regels';
import { Actie } from '../actie/actie.entity';
import { Besluit } from '../besluit/besluit.entity';
import { EvaluatieSamenvatting } from '../evaluatie/evaluatie.entity';
import { Ronde } from '../ronde/ronde.entity';
import type { FaseSituatie } from './fase-machine';
import type { Vraagstuk } from './vraagstuk.entity';

/**
 * What the phase machine needs to know, read in the caller's transaction (the vraagstuk row is
 * locked, so nothing changes between this answer and the transition). Besluit and summary count
 * only for the current pass: a vraagstuk that loops back to oplossingen must decide and evaluate
 * again. Both are matched on the faseSinds they were recorded under, not on clock comparisons.
 */
export async function situatieVan(em: EntityManager, vraagstuk: Vraagstuk): Promise<FaseSituatie> {
  // One after the other: they share the transaction's connection.
  const besluiten = vraagstuk.fase === 'besluitvorming' ? await em.count(Besluit, { vraagstukId: vraagstuk.id, besluitvormingSinds: vraagstuk.faseSinds }) : 0;
  const openRondes = vraagstuk.fase === 'oplossingen' ? await em.count(Ronde, { vraagstukId: vraagstuk.id, status: 'open' }) : 0;
  const openActies = await em.count(Actie, { vraagstukId: vraagstuk.id, status: { $in: [...OPEN_ACTIE_STATUSSEN] } });
  const samenvatting = vraagstuk.fase === 'evaluatie' ? await em.findOne(EvaluatieSamenvatting, { vraagstukId: vraagstuk.id, evaluatieSinds: vraagstuk.faseSinds }) : null;
  return { besluitGepubliceerd: besluiten > 0, openRondes, openActies, ...(samenvatting ? { evaluatieSamenvatting: samenvatting.samenvatting } : {}) };
}
