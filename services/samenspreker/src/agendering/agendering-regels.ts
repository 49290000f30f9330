import type { Principal, Segment, SteunNamens, VraagstukFase } from '@samen/contracts';
import { DomainError } from '@samen/platform';

/**
 * The plain rules of agendering (issue 4), without Nest or a database: when support puts a
 * vraagstuk on the agenda, when the gemeente's response is overdue, and for whom support counts.
 */

const DAG_MS = 24 * 60 * 60 * 1000;

/** The support reached the threshold: the vraagstuk goes on the agenda by itself. */
export function drempelBereikt(aantal: number, drempel: number): boolean {
  return aantal >= drempel;
}

/** The promised response moment: so many times 24 hours after the vraagstuk was raised. */
export function reactieUiterlijk(aangemaakt: Date, reactietermijnDagen: number): Date {
  return new Date(aangemaakt.getTime() + reactietermijnDagen * DAG_MS);
}

/**
 * Overdue: still waiting in agendering after the promised moment. Once the phase changed, the
 * gemeente (or the steundrempel) has answered; a late answer stays visible on the timeline.
 */
export function termijnVerstreken(fase: VraagstukFase, uiterlijk: Date, nu: Date): boolean {
  return fase === 'agendering' && nu.getTime() > uiterlijk.getTime();
}

/** Whose support it is: one account for itself, or one organisation whichever member gives it. */
export interface SteunPartij {
  accountId: string;
  segment: Segment;
  organisatie?: string;
}

/**
 * For whom the caller supports. For the organisation only when the token names one (the caller
 * holds its mandate now); for themselves a member of an organisation speaks as an inwoner, not
 * with the organisation's segment.
 */
export function steunPartij(actor: Principal, namens: SteunNamens): SteunPartij {
  if (namens === 'organisatie') {
    if (!actor.organisatie) throw new DomainError('FORBIDDEN', 'U treedt nu niet op namens een organisatie; steun dan namens uzelf.');
    return { accountId: actor.accountId, segment: actor.segment, organisatie: actor.organisatie };
  }
  return { accountId: actor.accountId, segment: actor.organisatie ? 'inwoner' : actor.segment };
}

/**
 * The initiatiefnemer's own support, refused: raising a vraagstuk is not support from the
 * gemeente, and the steundrempel measures whether others share it. "Own" is the party that raised
 * it: the organisation when raised for one (no member of it may add its support), else the account.
 * The same person may still support for another party (themselves, when they raised it for their
 * organisation), which is someone else's backing.
 */
export function isEigenSteun(initiatiefnemer: { accountId: string; organisatie?: string }, partij: SteunPartij): boolean {
  if (initiatiefnemer.organisatie) return partij.organisatie === initiatiefnemer.organisatie;
  return !partij.organisatie && partij.accountId === initiatiefnemer.accountId;
}
