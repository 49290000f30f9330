import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { eventSubject, requestSubject } from '../subjects';
import { DATUM_PATROON, VraagstukVerwijzing } from './besluit';

/**
 * Acties (issue 4, fase uitvoering): what is done after the besluit, by which organisation, by
 * when, and how far it got. An actie is afgerond (100%) or explicitly gesloten with a reason.
 */
export const ACTIE_SUBJECTS = {
  /** Besluitvormer or voorzitter at the table, or gemeente staff; fase uitvoering. Request {@link NieuweActie}; reply {@link ActieView}. */
  create: requestSubject('samenspreker', 'acties', 'create'),
  /** Uitvoerder at the table for the owning organisation, or gemeente staff; fase uitvoering. Request {@link ActieVoortgang}; reply {@link ActieView}. */
  voortgang: requestSubject('samenspreker', 'acties', 'voortgang'),
  /** Voorzitter or gemeente staff; fase uitvoering. Request {@link ActieSluiten}; reply {@link ActieView}. */
  sluit: requestSubject('samenspreker', 'acties', 'sluit'),
  /** Public. Request {@link VraagstukVerwijzing}; reply {@link ActieList}. */
  list: requestSubject('samenspreker', 'acties', 'list'),
};

export const ACTIE_EVENTS = {
  /** CloudEvents type `nl.samen.samenspreker.actie.aangemaakt.v1`; data {@link ActieAangemaakt}. */
  aangemaakt: eventSubject('samenspreker', 'actie-aangemaakt'),
  /** CloudEvents type `nl.samen.samenspreker.actie.voortgang.v1`; data {@link ActieVoortgangGemeld}. */
  voortgang: eventSubject('samenspreker', 'actie-voortgang'),
  /** CloudEvents type `nl.samen.samenspreker.actie.gesloten.v1`; data {@link ActieGesloten}. */
  gesloten: eventSubject('samenspreker', 'actie-gesloten'),
};

/** gepland → bezig → afgerond, or gesloten (stopped unfinished, with a reason) from gepland or bezig. */
export const ACTIE_STATUSSEN = ['gepland', 'bezig', 'afgerond', 'gesloten'] as const;
export type ActieStatus = (typeof ACTIE_STATUSSEN)[number];

/** The statuses a progress report may set. */
export const VOORTGANG_STATUSSEN = ['bezig', 'afgerond'] as const;
export type VoortgangStatus = (typeof VOORTGANG_STATUSSEN)[number];

export class ActieInvoer {
  @IsString()
  @Length(3, 200)
  titel: string;

  @IsString()
  @Length(1, 10000)
  omschrijving: string;

  /** Id of the organisation that carries it out. */
  @IsUUID()
  eigenaarOrganisatie: string;

  /** YYYY-MM-DD: the last day it may be finished on. */
  @Matches(DATUM_PATROON, { message: 'deadline moet een datum zijn (JJJJ-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'deadline moet een bestaande datum zijn' })
  deadline: string;
}

export class NieuweActie extends ActieInvoer {
  @IsUUID()
  vraagstukId: string;
}

export class ActieId extends VraagstukVerwijzing {
  @IsUUID()
  actieId: string;
}

export class VoortgangInvoer {
  /** Never lower than the previous report: progress is a public record of delivery, a setback is told in the toelichting. */
  @IsInt()
  @Min(0)
  @Max(100)
  percentage: number;

  @IsString()
  @Length(1, 5000)
  toelichting: string;

  /** Default bezig; afgerond needs 100%. */
  @IsOptional()
  @IsIn(VOORTGANG_STATUSSEN)
  status?: VoortgangStatus;
}

export class ActieVoortgang extends VoortgangInvoer {
  @IsUUID()
  vraagstukId: string;

  @IsUUID()
  actieId: string;
}

export class SluitInvoer {
  @IsString()
  @Length(1, 2000)
  reden: string;
}

export class ActieSluiten extends SluitInvoer {
  @IsUUID()
  vraagstukId: string;

  @IsUUID()
  actieId: string;
}

export interface VoortgangView {
  percentage: number;
  toelichting: string;
  status: VoortgangStatus;
  /** UTC date-time. */
  tijdstip: string;
}

export interface ActieView {
  id: string;
  vraagstukId: string;
  titel: string;
  omschrijving: string;
  eigenaarOrganisatie: string;
  /** YYYY-MM-DD. */
  deadline: string;
  status: ActieStatus;
  /** The latest reported percentage (0 before the first report). */
  percentage: number;
  /** The deadline has passed and the actie is neither afgerond nor gesloten. */
  teLaat: boolean;
  /** Why it was closed unfinished; only when gesloten. */
  geslotenReden?: string;
  /** Every progress report, oldest first. */
  voortgang: VoortgangView[];
  /** UTC date-time. */
  aangemaaktTijdstip: string;
}

export interface ActieList {
  /** Oldest first. */
  items: ActieView[];
}

/** Payload of `evt.samenspreker.v1.actie-aangemaakt`. */
export interface ActieAangemaakt {
  id: string;
  vraagstukId: string;
  gemeente: string;
  titel: string;
  eigenaarOrganisatie: string;
  deadline: string;
}

/** Payload of `evt.samenspreker.v1.actie-voortgang`. */
export interface ActieVoortgangGemeld {
  id: string;
  vraagstukId: string;
  gemeente: string;
  eigenaarOrganisatie: string;
  deadline: string;
  percentage: number;
  status: VoortgangStatus;
  /** UTC date-time. */
  tijdstip: string;
}

/** Payload of `evt.samenspreker.v1.actie-gesloten`. */
export interface ActieGesloten {
  id: string;
  vraagstukId: string;
  gemeente: string;
  eigenaarOrganisatie: string;
  deadline: string;
  percentage: number;
  reden: string;
  /** UTC date-time. */
  tijdstip: string;
}
