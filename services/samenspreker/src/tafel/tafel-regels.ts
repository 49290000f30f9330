import { type DeelnemerStatus, type Rol, SEGMENTEN, type Segment, STURENDE_TAFEL_ROLLEN, type TafelRol, type Vertegenwoordiging } from '@samen/contracts';
import { isGemeenteStaf } from '../gedeeld/toegang';

/**
 * The rules of the table as plain functions, so they can be read in one place and tested without
 * Nest or a database. "Staff" is defined once, in gedeeld/toegang.ts.
 */

/** Who asks, as far as the table's rules care: token roles and the seat at this table (if active). */
export interface TafelActor {
  rollen: readonly Rol[];
  tafelRol?: TafelRol;
}

/** Inviting: the voorzitter or initiatiefnemer of this table, or gemeente staff. */
export function magUitnodigen(actor: TafelActor): boolean {
  return isGemeenteStaf(actor.rollen) || actor.tafelRol === 'voorzitter' || actor.tafelRol === 'initiatiefnemer';
}

/** Handing out a role: the steering roles only by gemeente staff or the voorzitter; the others by whoever may invite. */
export function magRolGeven(actor: TafelActor, rol: TafelRol): boolean {
  if (STURENDE_TAFEL_ROLLEN.includes(rol)) return isGemeenteStaf(actor.rollen) || actor.tafelRol === 'voorzitter';
  return magUitnodigen(actor);
}

/**
 * Changing a role at the table: the voorzitter or gemeente staff. A table may be left without a
 * voorzitter (it starts without one, and gemeente staff can always appoint one), so demoting or
 * losing the last voorzitter is allowed.
 */
export function magRolWijzigen(actor: TafelActor): boolean {
  return isGemeenteStaf(actor.rollen) || actor.tafelRol === 'voorzitter';
}

/** Account ids are shown to those who work with them: deelnemers at the table and gemeente staff. */
export function magAccountIdsZien(actor: TafelActor | undefined): boolean {
  return actor !== undefined && (isGemeenteStaf(actor.rollen) || actor.tafelRol !== undefined);
}

/**
 * Active deelnemers per segment, and the segments nobody represents. A waarnemer only watches and
 * represents no one, and an invitation or a departed seat represents no one either.
 */
export function vertegenwoordiging(deelnemers: ReadonlyArray<{ rol: TafelRol; segment: Segment; status: DeelnemerStatus }>): Vertegenwoordiging {
  const aantallen = Object.fromEntries(SEGMENTEN.map((s) => [s, 0])) as Record<Segment, number>;
  for (const d of deelnemers) {
    if (d.status === 'actief' && d.rol !== 'waarnemer') aantallen[d.segment] += 1;
  }
  return { aantallen, ontbrekend: SEGMENTEN.filter((s) => aantallen[s] === 0) };
}
