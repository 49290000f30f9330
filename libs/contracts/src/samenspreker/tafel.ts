import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { SEGMENTEN, type Segment } from '../identity/rollen';
import { eventSubject, requestSubject } from '../subjects';
import { VraagstukId } from './vraagstuk';

/**
 * The Samenspraaktafel of a vraagstuk (issue 4): who sits at it, in which role, for whom.
 * Table roles hold for one vraagstuk only; gemeente roles (ambtenaar …) come from the token.
 * Every request acts in the gemeente of its `Samen-Gemeente` header (else the token's).
 */
export const TAFEL_ROLLEN = ['initiatiefnemer', 'voorzitter', 'deelnemer', 'besluitvormer', 'uitvoerder', 'waarnemer'] as const;
export type TafelRol = (typeof TAFEL_ROLLEN)[number];

/** Every role but initiatiefnemer: that one is whoever raised the vraagstuk, nobody is made it later. */
export const TOEWIJSBARE_TAFEL_ROLLEN = TAFEL_ROLLEN.filter((r): r is Exclude<TafelRol, 'initiatiefnemer'> => r !== 'initiatiefnemer');
export type ToewijsbareTafelRol = (typeof TOEWIJSBARE_TAFEL_ROLLEN)[number];

/** Roles that steer the process; only gemeente staff or the voorzitter hand them out. */
export const STURENDE_TAFEL_ROLLEN: readonly TafelRol[] = ['voorzitter', 'besluitvormer', 'uitvoerder'];

/** uitgenodigd: invited, not yet joined; actief: at the table; vertrokken: left (kept for the record). */
export const DEELNEMER_STATUSSEN = ['uitgenodigd', 'actief', 'vertrokken'] as const;
export type DeelnemerStatus = (typeof DEELNEMER_STATUSSEN)[number];

/** For whom one joins an open table: oneself (as inwoner) or the organisation the token acts for. */
export const TAFEL_NAMENS = ['mijzelf', 'organisatie'] as const;
export type TafelNamens = (typeof TAFEL_NAMENS)[number];

export const TAFEL_SUBJECTS = {
  /** Public. Request {@link VraagstukId}; reply {@link TafelView}. */
  get: requestSubject('samenspreker', 'tafels', 'get'),
  /** Voorzitter or initiatiefnemer of this table, or gemeente staff. Request {@link TafelUitnodiging}; reply {@link DeelnemerView}. */
  uitnodigen: requestSubject('samenspreker', 'tafels', 'uitnodigen'),
  /** Logged in: accepts an invitation, or joins an open table as deelnemer. Request {@link TafelToetreding}; reply {@link DeelnemerView}. */
  toetreden: requestSubject('samenspreker', 'tafels', 'toetreden'),
  /** Logged in: leaves the table (or declines an invitation). Request {@link VraagstukId}; reply {@link DeelnemerView}. */
  verlaten: requestSubject('samenspreker', 'tafels', 'verlaten'),
  /** Voorzitter of this table or gemeente staff. Request {@link TafelRolWijziging}; reply {@link DeelnemerView}. */
  rolWijzigen: requestSubject('samenspreker', 'tafels', 'rol-wijzigen'),
};

export const TAFEL_EVENTS = {
  /** CloudEvents type `nl.samen.samenspreker.deelnemer.uitgenodigd.v1`; data {@link DeelnemerUitgenodigd}. */
  uitgenodigd: eventSubject('samenspreker', 'deelnemer-uitgenodigd'),
  /** CloudEvents type `nl.samen.samenspreker.deelnemer.toegetreden.v1`; data {@link DeelnemerToegetreden}. */
  toegetreden: eventSubject('samenspreker', 'deelnemer-toegetreden'),
  /** CloudEvents type `nl.samen.samenspreker.deelnemer.vertrokken.v1`; data {@link DeelnemerVertrokken}. */
  vertrokken: eventSubject('samenspreker', 'deelnemer-vertrokken'),
  /** CloudEvents type `nl.samen.samenspreker.deelnemer.rol-gewijzigd.v1`; data {@link DeelnemerRolGewijzigd}. */
  rolGewijzigd: eventSubject('samenspreker', 'deelnemer-rol-gewijzigd'),
};

export class TafelUitnodiging extends VraagstukId {
  /** The account invited (its id, as the invitee can read it from GET /mij). */
  @IsUUID()
  accountId: string;

  @IsIn(TOEWIJSBARE_TAFEL_ROLLEN)
  rol: ToewijsbareTafelRol;

  /** The segment the invitee will represent. */
  @IsIn(SEGMENTEN)
  segment: Segment;

  /** When named, the invitee joins only while acting for this organisation. */
  @IsOptional()
  @IsUUID()
  organisatie?: string;
}

export class TafelToetreding extends VraagstukId {
  /** Without it: as the token acts now (for its organisation, if it names one). */
  @IsOptional()
  @IsIn(TAFEL_NAMENS)
  namens?: TafelNamens;
}

export class TafelRolWijziging extends VraagstukId {
  @IsUUID()
  deelnemerId: string;

  @IsIn(TOEWIJSBARE_TAFEL_ROLLEN)
  rol: ToewijsbareTafelRol;
}

export interface DeelnemerView {
  id: string;
  vraagstukId: string;
  /**
   * Only for callers at the table (actief) and gemeente staff: the public sees who is represented
   * (rol, segment, organisatie), not which account sits there (AVG: data minimisation).
   */
  accountId?: string;
  /** The person's pseudonym within this vraagstuk, as on the timeline, positions and reacties; for everyone. */
  pseudoniem: string;
  rol: TafelRol;
  /** The segment the deelnemer represents (inwoner for a resident speaking for themselves). */
  segment: Segment;
  /** The organisation represented, when the deelnemer sits for one. */
  organisatie?: string;
  status: DeelnemerStatus;
  /** UTC date-time of the invitation or of joining, whichever came first. */
  sinds: string;
}

/** Who is represented at the table: active deelnemers per segment (waarnemers do not represent). */
export interface Vertegenwoordiging {
  aantallen: Record<Segment, number>;
  /** The segments nobody represents, in the order of SEGMENTEN. */
  ontbrekend: Segment[];
}

export interface TafelView {
  vraagstukId: string;
  /** Active and invited deelnemers, longest seated first; those who left are on the timeline only. */
  deelnemers: DeelnemerView[];
  vertegenwoordiging: Vertegenwoordiging;
}

/** Payload of every `evt.samenspreker.v1.deelnemer-*` event: whom the seat represents, no account id (AVG). */
export interface DeelnemerGebeurtenis {
  /** Id of the seat (deelnemer). */
  id: string;
  vraagstukId: string;
  gemeente: string;
  rol: TafelRol;
  segment: Segment;
  organisatie?: string;
  /** UTC date-time. */
  tijdstip: string;
}

/** Payload of `evt.samenspreker.v1.deelnemer-uitgenodigd`. */
export type DeelnemerUitgenodigd = DeelnemerGebeurtenis;

/** Payload of `evt.samenspreker.v1.deelnemer-toegetreden`. */
export interface DeelnemerToegetreden extends DeelnemerGebeurtenis {
  /** Accepted an invitation (true) or joined the open table (false). */
  uitgenodigd: boolean;
}

/** Payload of `evt.samenspreker.v1.deelnemer-rol-gewijzigd`. */
export interface DeelnemerRolGewijzigd extends DeelnemerGebeurtenis {
  vorigeRol: TafelRol;
}

/** Payload of `evt.samenspreker.v1.deelnemer-vertrokken`. */
export interface DeelnemerVertrokken extends DeelnemerGebeurtenis {
  /** uitgenodigd: the invitation was declined; actief: the deelnemer left the table. */
  vorigeStatus: Exclude<DeelnemerStatus, 'vertrokken'>;
}
