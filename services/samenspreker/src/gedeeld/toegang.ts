import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal, Rol, TafelRol, VraagstukFase } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import type { Tafel } from '../tafel/tafel.service';
import type { Vraagstuk } from '../vraagstuk/vraagstuk.entity';

/**
 * Who may take a step on a vraagstuk: the gemeente's staff (from the token) always, otherwise a
 * deelnemer in one of the named table roles. And in which phase: a step of the wrong phase is a
 * state conflict (409), not a permission question.
 */
/** The gemeente's staff: they may act at every table of their gemeente (a moderator moderates, it does not steer). */
export const GEMEENTE_STAF: readonly Rol[] = ['gemeentebeheerder', 'ambtenaar'];
export const STAF_OMSCHRIJVING = 'een gemeentebeheerder of ambtenaar van de gemeente';

export function isGemeenteStaf(rollen: readonly Rol[]): boolean {
  return rollen.some((rol) => GEMEENTE_STAF.includes(rol));
}

/** Throws FORBIDDEN unless the actor is gemeente staff or sits at the table in one of `rollen`; `wie` names them in Dutch. */
export async function vereisStafOfTafelRol(em: EntityManager, tafel: Tafel, vraagstukId: string, actor: Principal, rollen: readonly TafelRol[], wie: string): Promise<void> {
  if (isGemeenteStaf(actor.rollen)) return;
  const rol = await tafel.rolVan(em, vraagstukId, actor.accountId);
  if (rol && rollen.includes(rol)) return;
  throw new DomainError('FORBIDDEN', `Dit mag alleen ${wie}.`);
}

/** Throws CONFLICT when the vraagstuk is not in `fase`; `wat` says in Dutch what was tried (e.g. "steun intrekken"). */
export function vereisFase(vraagstuk: Vraagstuk, fase: VraagstukFase, wat: string): void {
  if (vraagstuk.fase !== fase) {
    throw new DomainError('CONFLICT', `${wat.charAt(0).toUpperCase()}${wat.slice(1)} kan alleen in de fase ${fase}; dit vraagstuk is in de fase ${vraagstuk.fase}.`);
  }
}

/** The phases with no way out: the vraagstuk's record is closed (no joining, reacting or leaving). */
export const EINDFASEN: readonly VraagstukFase[] = ['afgerond', 'afgewezen'];
