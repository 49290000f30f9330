/**
 * The rules of refresh-token rotation, free of the database. Every login starts a family; every
 * refresh spends the presented token and issues its successor in the same family. A spent token
 * presented again means it was copied: the whole family is revoked, so that both the thief and
 * the rightful holder must log in again (OAuth 2.0 Security BCP, §4.14.2).
 */
export interface RefreshTokenStaat {
  verlooptTijdstip: Date;
  vervangenTijdstip?: Date | null;
  ingetrokkenTijdstip?: Date | null;
}

export type Vernieuwingsoordeel = 'geldig' | 'onbekend' | 'verlopen' | 'ingetrokken' | 'hergebruikt';

export function beoordeelVernieuwing(token: RefreshTokenStaat | null | undefined, nu: Date): Vernieuwingsoordeel {
  if (!token) return 'onbekend';
  if (token.ingetrokkenTijdstip) return 'ingetrokken';
  // Reuse is checked before expiry: a spent token is a sign of theft whenever it shows up.
  if (token.vervangenTijdstip) return 'hergebruikt';
  if (token.verlooptTijdstip.getTime() <= nu.getTime()) return 'verlopen';
  return 'geldig';
}

/** Whether the answer must revoke the token's whole family. */
export function trekFamilieIn(oordeel: Vernieuwingsoordeel): boolean {
  return oordeel === 'hergebruikt';
}

/** A refresh token lives 14 days from its issue; every rotation gives a fresh 14 days. */
export const REFRESH_LEVENSDUUR_MS = 14 * 24 * 60 * 60 * 1000;
/** A family ends 30 days after the login, however often it was refreshed: then log in again. */
export const FAMILIE_LEVENSDUUR_MS = 30 * 24 * 60 * 60 * 1000;

export function verloopVanOpvolger(nu: Date, familieBegin: Date): Date {
  return new Date(Math.min(nu.getTime() + REFRESH_LEVENSDUUR_MS, familieBegin.getTime() + FAMILIE_LEVENSDUUR_MS));
}
