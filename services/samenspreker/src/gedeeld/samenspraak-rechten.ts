import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal, Rol, TafelRol } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import type { Deelnemer } from '../tafel/deelnemer.entity';
import type { Tafel } from '../tafel/tafel.service';
import type { Vraagstuk } from '../vraagstuk/vraagstuk.entity';

/** Gemeente staff who may run the rounds of any vraagstuk of their gemeente without a seat at its table. */
const RONDE_STAF: readonly Rol[] = ['gemeentebeheerder', 'ambtenaar'];
/** Table roles that lead the table's work. */
const RONDE_LEIDERS: readonly TafelRol[] = ['voorzitter', 'initiatiefnemer'];

/** Opening and closing rounds: the voorzitter or initiatiefnemer at the table, or gemeente staff. */
export async function vereisRondeLeiding(tafel: Tafel, em: EntityManager, vraagstuk: Vraagstuk, actor: Principal): Promise<void> {
  if (actor.rollen.some((rol) => RONDE_STAF.includes(rol))) return;
  const rol = await tafel.rolVan(em, vraagstuk.id, actor.accountId);
  if (rol && RONDE_LEIDERS.includes(rol)) return;
  throw new DomainError('FORBIDDEN', 'Alleen de voorzitter of initiatiefnemer aan tafel, of een ambtenaar of gemeentebeheerder, opent en sluit rondes.');
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
