import type { LidmaatschapRol, OrganisatieSegment, Principal } from '@samen/contracts';
import { DomainError } from '@samen/platform';

/** One membership, as the rules need it (the entity satisfies this shape). */
export interface LidmaatschapFeit {
  organisatieId: string;
  accountId: string;
  rol: LidmaatschapRol;
}

/** Roles that may act on behalf of the organisation (speak for it, sign as it). */
const MANDAAT_ROLLEN: readonly LidmaatschapRol[] = ['vertegenwoordiger', 'beheerder'];

/**
 * Whether the account holds a mandate for the organisation, so it may act as that organisation
 * (segment and organisatie in its token). A plain `lid` belongs to it but does not speak for it.
 */
export function heeftMandaat(lidmaatschappen: readonly LidmaatschapFeit[], accountId: string, organisatieId: string): boolean {
  return lidmaatschappen.some((l) => l.accountId === accountId && l.organisatieId === organisatieId && MANDAAT_ROLLEN.includes(l.rol));
}

function rolVan(lidmaatschappen: readonly LidmaatschapFeit[], accountId: string): LidmaatschapRol | undefined {
  return lidmaatschappen.find((l) => l.accountId === accountId)?.rol;
}

/** Gemeentebeheer of the organisation's gemeente, or platformbeheer: they look after every organisation. */
function isBeheerVanGemeente(actor: Principal, gemeente: string): boolean {
  return actor.rollen.includes('platformbeheerder') || (actor.rollen.includes('gemeentebeheerder') && actor.gemeente === gemeente);
}

/**
 * Who may add and remove members and change their roles: a beheerder of the organisation, the
 * gemeentebeheer of its gemeente, platformbeheer. `lidmaatschappen` are those of this organisation.
 */
export function magLedenBeheren(actor: Principal, organisatie: { gemeente: string }, lidmaatschappen: readonly LidmaatschapFeit[]): boolean {
  if (isBeheerVanGemeente(actor, organisatie.gemeente)) return true;
  return actor.gemeente === organisatie.gemeente && rolVan(lidmaatschappen, actor.accountId) === 'beheerder';
}

/** Who may see the member list (personal data): its members, and those who may manage it. */
export function magLedenZien(actor: Principal, organisatie: { gemeente: string }, lidmaatschappen: readonly LidmaatschapFeit[]): boolean {
  if (isBeheerVanGemeente(actor, organisatie.gemeente)) return true;
  return actor.gemeente === organisatie.gemeente && rolVan(lidmaatschappen, actor.accountId) !== undefined;
}

/**
 * The segment `gemeente` is the municipality itself (and the police): only its staff may create
 * an organisation in it, or anyone could speak as the municipality.
 */
export function magOrganisatieAanmaken(actor: Principal, segment: OrganisatieSegment): boolean {
  if (segment !== 'gemeente') return true;
  return actor.rollen.some((rol) => rol === 'platformbeheerder' || rol === 'gemeentebeheerder' || rol === 'ambtenaar');
}

/**
 * Checks a change of one member's role (`nieuweRol` undefined = removal) against the rule that an
 * organisation always keeps a beheerder: otherwise nobody but the gemeente could manage it again.
 * `lidmaatschappen` are the current memberships of this organisation.
 */
export function controleerLidmaatschapWijziging(
  lidmaatschappen: readonly LidmaatschapFeit[],
  accountId: string,
  nieuweRol: LidmaatschapRol | undefined,
): void {
  const huidig = rolVan(lidmaatschappen, accountId);
  if (huidig !== 'beheerder' || nieuweRol === 'beheerder') return;
  const beheerders = lidmaatschappen.filter((l) => l.rol === 'beheerder').length;
  if (beheerders <= 1) {
    throw new DomainError('RULE_VIOLATED', 'Een organisatie houdt altijd minstens één beheerder; maak eerst iemand anders beheerder.');
  }
}

/** Removal: whoever may manage the members, and every member for themselves (leaving). */
export function magLidmaatschapVerwijderen(
  actor: Principal,
  organisatie: { gemeente: string },
  lidmaatschappen: readonly LidmaatschapFeit[],
  accountId: string,
): boolean {
  if (magLedenBeheren(actor, organisatie, lidmaatschappen)) return true;
  return actor.accountId === accountId && actor.gemeente === organisatie.gemeente;
}
