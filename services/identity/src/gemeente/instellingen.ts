import type { GemeenteInstellingen, InstellingenWijziging, Principal } from '@samen/contracts';

/**
 * The settings a gemeente starts with, and that existing gemeenten got when settings were
 * introduced (the migration writes the same values as a column default).
 */
export function standaardInstellingen(): GemeenteInstellingen {
  return {
    steundrempel: 25,
    reactietermijnDagen: 20,
    peilingen: { maxAdviesvragen: 7, maxBindendeVragen: 3, bindendDrempelPercentage: 50, opkomstquorumPercentage: 30 },
  };
}

/**
 * Applies a partial change. Fields left out keep their value; the ranges were checked by the
 * contract's payload class, so only the combination is judged here. Returns a new object so the
 * caller can compare before and after.
 */
export function wijzigInstellingen(huidig: GemeenteInstellingen, wijziging: InstellingenWijziging): GemeenteInstellingen {
  const peilingen = { ...huidig.peilingen };
  for (const [key, value] of Object.entries(wijziging.peilingen ?? {})) {
    if (value !== undefined) peilingen[key as keyof typeof peilingen] = value as number;
  }
  return {
    steundrempel: wijziging.steundrempel ?? huidig.steundrempel,
    reactietermijnDagen: wijziging.reactietermijnDagen ?? huidig.reactietermijnDagen,
    peilingen,
  };
}

export function zelfdeInstellingen(a: GemeenteInstellingen, b: GemeenteInstellingen): boolean {
  return (
    a.steundrempel === b.steundrempel &&
    a.reactietermijnDagen === b.reactietermijnDagen &&
    a.peilingen.maxAdviesvragen === b.peilingen.maxAdviesvragen &&
    a.peilingen.maxBindendeVragen === b.peilingen.maxBindendeVragen &&
    a.peilingen.bindendDrempelPercentage === b.peilingen.bindendDrempelPercentage &&
    a.peilingen.opkomstquorumPercentage === b.peilingen.opkomstquorumPercentage
  );
}

/**
 * A gemeentebeheerder manages the settings of their own gemeente only; a platformbeheerder those
 * of every gemeente. The token's gemeente decides, not the header, so a beheerder of one gemeente
 * cannot reach another by naming it.
 */
export function magInstellingenWijzigen(actor: Principal | undefined, gemeenteCode: string): boolean {
  if (!actor) return false;
  if (actor.rollen.includes('platformbeheerder')) return true;
  return actor.rollen.includes('gemeentebeheerder') && actor.gemeente === gemeenteCode;
}
