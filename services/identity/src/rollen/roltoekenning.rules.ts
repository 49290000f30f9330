import { type Principal, type Rol, TOEKENBARE_ROLLEN, type ToekenbareRol } from '@samen/contracts';

function isToekenbaar(rol: Rol | string): rol is ToekenbareRol {
  return (TOEKENBARE_ROLLEN as readonly string[]).includes(rol);
}

/**
 * Who may grant (or revoke) which role in which gemeente:
 * - the gemeentebeheerder of that gemeente: ambtenaar, moderator and gemeentebeheerder;
 * - a platformbeheerder: gemeentebeheerder only, to hand a new gemeente to its own beheer
 *   (need-to-know, BIO 8.03.02: the platform does not staff the gemeente's own work);
 * - nobody: platformbeheerder (that is an operator's act outside the API) or inwoner (everyone is one).
 */
export function magRolToekennen(actor: Principal, rol: Rol, doelGemeente: string): boolean {
  if (!isToekenbaar(rol)) return false;
  if (actor.rollen.includes('gemeentebeheerder') && actor.gemeente === doelGemeente) return true;
  return actor.rollen.includes('platformbeheerder') && rol === 'gemeentebeheerder';
}

/**
 * Revoking follows the same matrix, except that a gemeentebeheerder cannot take that role from
 * themselves: a gemeente must not lose its beheer by a slip (another beheerder or the platform can).
 */
export function magRolIntrekken(actor: Principal, rol: Rol, doelGemeente: string, doelAccountId: string): boolean {
  if (rol === 'gemeentebeheerder' && actor.accountId === doelAccountId) return false;
  return magRolToekennen(actor, rol, doelGemeente);
}

/** The roles after granting or revoking, in the contract's order, without duplicates. */
export function nieuweRollen(huidig: readonly Rol[], rol: ToekenbareRol, toekennen: boolean): Rol[] {
  const set = new Set<Rol>(huidig);
  if (toekennen) set.add(rol);
  else set.delete(rol);
  const volgorde: readonly Rol[] = ['platformbeheerder', 'gemeentebeheerder', 'ambtenaar', 'moderator', 'inwoner'];
  return volgorde.filter((r) => set.has(r));
}
