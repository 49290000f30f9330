import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { Segment } from '../identity/rollen';
import { eventSubject, requestSubject } from '../subjects';

/**
 * Vraagstukken (issue 4): a problem or opportunity carried through the five phases in public.
 * Every request acts in the gemeente of its `Samen-Gemeente` header (else the token's).
 */
export const VRAAGSTUK_SUBJECTS = {
  /** Logged in; the caller becomes initiatiefnemer. Reply: {@link VraagstukView}. */
  create: requestSubject('samenspreker', 'vraagstukken', 'create'),
  /** Public. Reply: {@link VraagstukView}. */
  get: requestSubject('samenspreker', 'vraagstukken', 'get'),
  /** Public. Request {@link VraagstukLijstVraag}; reply {@link VraagstukList}. */
  list: requestSubject('samenspreker', 'vraagstukken', 'list'),
  /** Per the phase machine (gemeente staff, or the table's voorzitter or besluitvormer). Request {@link FaseWijziging}; reply {@link VraagstukView}. */
  faseWijzigen: requestSubject('samenspreker', 'vraagstukken', 'fase-wijzigen'),
};

export const VRAAGSTUK_EVENTS = {
  /** CloudEvents type `nl.samen.samenspreker.vraagstuk.aangemaakt.v1`; data {@link VraagstukAangemaakt}. */
  aangemaakt: eventSubject('samenspreker', 'vraagstuk-aangemaakt'),
  /** CloudEvents type `nl.samen.samenspreker.vraagstuk.fase-gewijzigd.v1`; data {@link VraagstukFaseGewijzigd}. */
  faseGewijzigd: eventSubject('samenspreker', 'vraagstuk-fase-gewijzigd'),
};

export const VRAAGSTUK_FASEN = ['agendering', 'oplossingen', 'besluitvorming', 'uitvoering', 'evaluatie', 'afgerond', 'afgewezen'] as const;
export type VraagstukFase = (typeof VRAAGSTUK_FASEN)[number];

export const VRAAGSTUK_SOORTEN = ['probleem', 'kans'] as const;
export type VraagstukSoort = (typeof VRAAGSTUK_SOORTEN)[number];

/** A gebied as code and name: citycontent may be absent, so it is taken as given (DESIGN rule 5). */
export class GebiedRef {
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/, { message: 'gebied.code mag alleen letters, cijfers, punt, streep en liggend streepje bevatten (max. 40)' })
  code: string;

  @IsString()
  @Length(1, 200)
  naam: string;
}

export class NieuwVraagstuk {
  @IsIn(VRAAGSTUK_SOORTEN)
  soort: VraagstukSoort;

  @IsString()
  @Length(3, 200)
  titel: string;

  @IsString()
  @Length(1, 10000)
  omschrijving: string;

  @IsDefined({ message: 'gebied ontbreekt' })
  @ValidateNested()
  @Type(() => GebiedRef)
  gebied: GebiedRef;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  themas?: string[];
}

export class VraagstukId {
  @IsUUID('4')
  id: string;
}

export class FaseWijziging extends VraagstukId {
  @IsIn(VRAAGSTUK_FASEN)
  naar: VraagstukFase;

  @IsString()
  @Length(1, 2000)
  motivatie: string;
}

export const VRAAGSTUKKEN_MAX_LIMIET = 100;
export const VRAAGSTUKKEN_STANDAARD_LIMIET = 50;
export const VRAAGSTUKKEN_MAX_ZOEKTEKST = 200;

/** Newest first, keyset on (aangemaaktTijdstip, id): `na` is the previous page's `volgende`. */
export class VraagstukLijstVraag {
  @IsOptional()
  @IsIn(VRAAGSTUK_FASEN)
  fase?: VraagstukFase;

  @IsOptional()
  @IsIn(VRAAGSTUK_SOORTEN)
  soort?: VraagstukSoort;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/, { message: 'gebied moet een gebiedscode zijn' })
  gebied?: string;

  /** Exactly one of the vraagstuk's thema's. */
  @IsOptional()
  @IsString()
  @Length(1, 60)
  thema?: string;

  /** Dutch full-text search in titel and omschrijving, as typed in a search box (websearch syntax). */
  @IsOptional()
  @IsString()
  @Length(1, VRAAGSTUKKEN_MAX_ZOEKTEKST)
  q?: string;

  /** true: only those whose reactietermijn passed while still waiting for the gemeente; false: the others. */
  @IsOptional()
  @IsBoolean()
  termijnVerstreken?: boolean;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'na moet een cursor uit een vorig antwoord zijn' })
  na?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(VRAAGSTUKKEN_MAX_LIMIET)
  limiet?: number;
}

/** Who raised the vraagstuk: pseudonym within this vraagstuk, segment and organisation, as for every SamenspraakAuteur. */
export interface Initiatiefnemer {
  pseudoniem: string;
  segment: Segment;
  organisatie?: string;
  /** Set when the caller raised it. */
  eigen?: true;
}

export interface VraagstukView {
  id: string;
  gemeente: string;
  soort: VraagstukSoort;
  titel: string;
  omschrijving: string;
  gebied: { code: string; naam: string };
  themas: string[];
  initiatiefnemer: Initiatiefnemer;
  fase: VraagstukFase;
  /** UTC date-time. */
  faseSinds: string;
  /** UTC date-time. */
  aangemaaktTijdstip: string;
  /** How much support it has, never who gave it (AVG); `drempel` as the gemeente set it when the vraagstuk was raised. */
  steun: VraagstukSteun;
  /** The gemeente's promised response (a phase change out of agendering), as it stood when the vraagstuk was raised. */
  reactietermijn: Reactietermijn;
}

export interface VraagstukSteun {
  aantal: number;
  /** At this many steunbetuigingen the vraagstuk goes on the agenda by itself. */
  drempel: number;
}

export interface Reactietermijn {
  /** UTC date-time. */
  uiterlijk: string;
  /** Still in agendering after `uiterlijk`: the gemeente has not responded in time. */
  verstreken: boolean;
}

export interface VraagstukList {
  items: VraagstukView[];
  volgende?: string;
}

/** Payload of `evt.samenspreker.v1.vraagstuk-aangemaakt`. */
export interface VraagstukAangemaakt {
  id: string;
  gemeente: string;
  soort: VraagstukSoort;
  titel: string;
  gebied: { code: string; naam: string };
  themas: string[];
  /** Segment and organisation only: the account id is not needed by monitoring (AVG). */
  initiatiefnemer: { segment: Segment; organisatie?: string };
  fase: VraagstukFase;
}

/** Payload of `evt.samenspreker.v1.vraagstuk-fase-gewijzigd`. */
export interface VraagstukFaseGewijzigd {
  id: string;
  gemeente: string;
  van: VraagstukFase;
  naar: VraagstukFase;
  motivatie: string;
  /** UTC date-time. */
  tijdstip: string;
}
