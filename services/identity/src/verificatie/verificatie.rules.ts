import type { Principal } from '@samen/contracts';

/** Wrong codes an account may try per window before it must wait (guessing 60 bits stays hopeless). */
export const MAX_MISLUKTE_POGINGEN = 5;
export const POGING_VENSTER_MS = 60 * 60 * 1000;

/**
 * Whether an account may try another code, given the moments of its recent wrong attempts.
 * A sliding window: the oldest failure must leave the window before a new try is allowed.
 */
export function pogingToegestaan(mislukt: readonly Date[], nu: Date, limiet = MAX_MISLUKTE_POGINGEN, vensterMs = POGING_VENSTER_MS): boolean {
  const sinds = nu.getTime() - vensterMs;
  return mislukt.filter((t) => t.getTime() > sinds).length < limiet;
}

/** How long until the next try is allowed again: until enough recent failures have left the window. */
export function wachttijdMs(mislukt: readonly Date[], nu: Date, limiet = MAX_MISLUKTE_POGINGEN, vensterMs = POGING_VENSTER_MS): number {
  const sinds = nu.getTime() - vensterMs;
  const recent = mislukt.map((t) => t.getTime()).filter((t) => t > sinds).sort((a, b) => a - b);
  if (recent.length < limiet) return 0;
  // The (n - limiet + 1)-th oldest leaving the window brings the count below the limit.
  return (recent[recent.length - limiet] as number) + vensterMs - nu.getTime();
}

/** Codes are issued by the gemeente's own staff: its beheerder or an ambtenaar, in that gemeente. */
export function magCodesAanmaken(actor: Principal, gemeente: string): boolean {
  return actor.gemeente === gemeente && actor.rollen.some((rol) => rol === 'gemeentebeheerder' || rol === 'ambtenaar');
}

/** In-person verification (ID checked at the desk) is an ambtenaar's act, in their own gemeente. */
export function magPersoonlijkVerifieren(actor: Principal, gemeente: string): boolean {
  return actor.gemeente === gemeente && actor.rollen.includes('ambtenaar');
}
