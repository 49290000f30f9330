import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Min, ValidateNested } from 'class-validator';
import { eventSubject, requestSubject } from '../subjects';

/**
 * Besluiten (issue 4, fase besluitvorming): who decided what, on which solutions, with which
 * motivation. Published at once and never changed: a mistake is corrected by a new besluit that
 * names the one it corrects.
 */
export const BESLUIT_SUBJECTS = {
  /** Besluitvormer at the table or gemeente staff, in fase besluitvorming. Request {@link NieuwBesluit}; reply {@link BesluitView}. */
  create: requestSubject('samenspreker', 'besluiten', 'create'),
  /** Public. Request {@link VraagstukVerwijzing}; reply {@link BesluitList}. */
  list: requestSubject('samenspreker', 'besluiten', 'list'),
  /** Public. Request {@link BesluitId}; reply {@link BesluitView}. */
  get: requestSubject('samenspreker', 'besluiten', 'get'),
};

export const BESLUIT_EVENTS = {
  /** CloudEvents type `nl.samen.samenspreker.besluit.gepubliceerd.v1`; data {@link BesluitGepubliceerd}. */
  gepubliceerd: eventSubject('samenspreker', 'besluit-gepubliceerd'),
};

/** The body that decided: the college of B&W, the gemeenteraad, the table itself, or an organisation. */
export const BESLUIT_ORGANEN = ['college', 'raad', 'tafel', 'organisatie'] as const;
export type BesluitOrgaan = (typeof BESLUIT_ORGANEN)[number];

export const DATUM_PATROON = /^\d{4}-\d{2}-\d{2}$/;

/** The vraagstuk a besluit, actie or evaluatie request is about. */
export class VraagstukVerwijzing {
  @IsUUID()
  vraagstukId: string;
}

/** A version of an oplossing the besluit is about (oplossingen keep numbered versions). */
export class OplossingVersieRef {
  @IsUUID()
  oplossingId: string;

  @IsInt()
  @Min(1)
  versie: number;
}

/** What the caller writes; the gateway's body is exactly this. */
export class BesluitInvoer {
  @IsIn(BESLUIT_ORGANEN)
  orgaan: BesluitOrgaan;

  /** Id of the organisation that decided; required when, and only when, `orgaan` is `organisatie`. */
  @IsOptional()
  @IsUUID()
  organisatie?: string;

  @IsString()
  @Length(1, 20000)
  tekst: string;

  @IsString()
  @Length(1, 20000)
  motivatie: string;

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OplossingVersieRef)
  oplossingVersies: OplossingVersieRef[];

  /** Ids of the stemmingen (polls) whose results informed the besluit. */
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  stemmingen: string[];

  /** The day it was decided (YYYY-MM-DD), not in the future. */
  @Matches(DATUM_PATROON, { message: 'datum moet een datum zijn (JJJJ-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'datum moet een bestaande datum zijn' })
  datum: string;

  /** An earlier besluit of the same vraagstuk that this one corrects. */
  @IsOptional()
  @IsUUID()
  corrigeert?: string;
}

export class NieuwBesluit extends BesluitInvoer {
  @IsUUID()
  vraagstukId: string;
}

export class BesluitId extends VraagstukVerwijzing {
  @IsUUID()
  besluitId: string;
}

export interface BesluitView {
  id: string;
  vraagstukId: string;
  orgaan: BesluitOrgaan;
  organisatie?: string;
  tekst: string;
  motivatie: string;
  oplossingVersies: Array<{ oplossingId: string; versie: number }>;
  stemmingen: string[];
  /** YYYY-MM-DD. */
  datum: string;
  corrigeert?: string;
  /** The besluit that corrects this one, if any (computed when read). */
  gecorrigeerdDoor?: string;
  /** UTC date-time. */
  gepubliceerdTijdstip: string;
}

export interface BesluitList {
  /** Oldest first. */
  items: BesluitView[];
}

/** Payload of `evt.samenspreker.v1.besluit-gepubliceerd`: the besluit, without who entered it. */
export interface BesluitGepubliceerd {
  id: string;
  vraagstukId: string;
  gemeente: string;
  orgaan: BesluitOrgaan;
  organisatie?: string;
  oplossingVersies: Array<{ oplossingId: string; versie: number }>;
  stemmingen: string[];
  datum: string;
  corrigeert?: string;
  /** UTC date-time. */
  gepubliceerdTijdstip: string;
}
