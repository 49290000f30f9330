/**
 * What happens after failed logins (ASVS 5.0 V6.3.1, BIO: limit guessing): each failure makes the
 * answer slower, and the fifth failure in a row locks the account for a while. A correct login
 * resets the counter. Plain functions, so the schedule is tested without a database.
 */
export const SLOT_NA_MISLUKKINGEN = 5;
export const SLOT_DUUR_MS = 15 * 60 * 1000;
const STARTVERTRAGING_MS = 200;
const MAX_VERTRAGING_MS = 2000;

export interface NaMislukking {
  /** How long to hold the (failed) answer back. */
  vertragingMs: number;
  /** Until when the account refuses every login, if it is now locked. */
  geblokkeerdTot?: Date;
}

/** The consequence of failure number `mislukkingen` (1 for the first). */
export function naMislukking(mislukkingen: number, nu: Date): NaMislukking {
  if (mislukkingen >= SLOT_NA_MISLUKKINGEN) {
    return { vertragingMs: MAX_VERTRAGING_MS, geblokkeerdTot: new Date(nu.getTime() + SLOT_DUUR_MS) };
  }
  if (mislukkingen <= 1) return { vertragingMs: 0 };
  return { vertragingMs: Math.min(STARTVERTRAGING_MS * 2 ** (mislukkingen - 2), MAX_VERTRAGING_MS) };
}

export function isGeblokkeerd(geblokkeerdTot: Date | null | undefined, nu: Date): boolean {
  return !!geblokkeerdTot && geblokkeerdTot.getTime() > nu.getTime();
}

/** Whole minutes left, at least 1, for the message to the user. */
export function minutenTot(geblokkeerdTot: Date, nu: Date): number {
  return Math.max(1, Math.ceil((geblokkeerdTot.getTime() - nu.getTime()) / 60_000));
}

/** "1 minuut" or "15 minuten": the wait, in words for the message to the user. */
export function overMinuten(geblokkeerdTot: Date, nu: Date): string {
  const minuten = minutenTot(geblokkeerdTot, nu);
  return `${minuten} ${minuten === 1 ? 'minuut' : 'minuten'}`;
}
