import { SYSTEEM_ACTOR, VERWERKINGEN_MAX_LIMIET, type Principal } from '@samen/contracts';
import { DomainError } from '@samen/platform';

export const VERWERKINGEN_STANDAARD_LIMIET = 25;

/** Position in the log, newest first: (tijdstip, id) breaks ties between entries of one moment. */
export interface Positie {
  tijdstip: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The opaque cursor of a page: base64url of `<epoch ms>.<id>`, so a client cannot build meaning into it. */
export function maakCursor(positie: Positie): string {
  return Buffer.from(`${positie.tijdstip.getTime()}.${positie.id}`, 'utf8').toString('base64url');
}

/** Reads a cursor back; a cursor that was not ours is a 400 on `na`, never a 500. */
export function leesCursor(cursor: string): Positie {
  const tekst = Buffer.from(cursor, 'base64url').toString('utf8');
  const [ms, id] = tekst.split('.', 2);
  const tijdstip = new Date(Number(ms));
  if (!/^\d{1,15}$/.test(ms ?? '') || Number.isNaN(tijdstip.getTime()) || !UUID.test(id ?? '')) {
    throw DomainError.validation([{ name: 'na', code: 'cursor', reason: 'na moet een cursor uit een vorig antwoord zijn' }]);
  }
  return { tijdstip, id };
}

export function limietVan(gevraagd: number | undefined): number {
  return Math.min(Math.max(gevraagd ?? VERWERKINGEN_STANDAARD_LIMIET, 1), VERWERKINGEN_MAX_LIMIET);
}

/**
 * Which gemeente's log a caller may read through `verwerkingen.list`: a gemeentebeheerder reads
 * that of the gemeente its token is for, and no other (the token's gemeente, not a header).
 */
export function gemeenteVanBeheerder(principal: Principal | undefined): string {
  if (!principal) throw new DomainError('UNAUTHENTICATED', 'Log in om het verwerkingenlogboek te lezen.');
  if (!principal.rollen.includes('gemeentebeheerder') || !principal.gemeente) {
    throw new DomainError('FORBIDDEN', 'Alleen een gemeentebeheerder leest het verwerkingenlogboek van de gemeente.');
  }
  return principal.gemeente;
}

/** The actor of a processing: the acting account, or `systeem` when no person started it. */
export function actorVan(principal: Pick<Principal, 'accountId'> | undefined): string {
  return principal?.accountId ?? SYSTEEM_ACTOR;
}
