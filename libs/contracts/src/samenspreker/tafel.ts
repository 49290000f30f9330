import type { Segment } from '../identity/rollen';

/**
 * The Samenspraaktafel of a vraagstuk (issue 4): who sits at it, in which role, for whom.
 * Table roles hold for one vraagstuk only; gemeente roles (ambtenaar …) come from the token.
 */
export const TAFEL_ROLLEN = ['initiatiefnemer', 'voorzitter', 'deelnemer', 'besluitvormer', 'uitvoerder', 'waarnemer'] as const;
export type TafelRol = (typeof TAFEL_ROLLEN)[number];

/** uitgenodigd: invited, not yet joined; actief: at the table; vertrokken: left (kept for the record). */
export const DEELNEMER_STATUSSEN = ['uitgenodigd', 'actief', 'vertrokken'] as const;
export type DeelnemerStatus = (typeof DEELNEMER_STATUSSEN)[number];

export interface DeelnemerView {
  id: string;
  vraagstukId: string;
  accountId: string;
  rol: TafelRol;
  /** The segment the deelnemer represents (inwoner for a resident speaking for themselves). */
  segment: Segment;
  /** The organisation represented, when the deelnemer sits for one. */
  organisatie?: string;
  status: DeelnemerStatus;
  /** UTC date-time of the invitation or of joining, whichever came first. */
  sinds: string;
}
