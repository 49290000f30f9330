import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { BOUWSTENEN, type Bouwsteen } from '../bouwstenen';
import { GEMEENTE_CODE_PATTERN } from '../context';
import { requestSubject, eventSubject } from '../subjects';

export const GEMEENTE_SUBJECTS = {
  get: requestSubject('identity', 'gemeenten', 'get'),
  list: requestSubject('identity', 'gemeenten', 'list'),
  /** Idempotent: creates the gemeente or updates its name and bouwstenen. Platform-internal. */
  upsert: requestSubject('identity', 'gemeenten', 'upsert'),
  /** The same, by a platformbeheerder with an access token (POST /api/v1/gemeenten). */
  vastleggen: requestSubject('identity', 'gemeenten', 'vastleggen'),
  /** Partial update of the settings; gemeentebeheerder of that gemeente or platformbeheerder. */
  instellingenWijzigen: requestSubject('identity', 'gemeenten', 'instellingen-wijzigen'),
};

export const GEMEENTE_EVENTS = {
  vastgelegd: eventSubject('identity', 'gemeente-vastgelegd'),
  instellingenGewijzigd: eventSubject('identity', 'gemeente-instellingen-gewijzigd'),
};

export class GemeenteCode {
  @Matches(GEMEENTE_CODE_PATTERN, { message: 'code moet GM gevolgd door vier cijfers zijn (bijv. GM0637)' })
  code: string;
}

export class UpsertGemeente extends GemeenteCode {
  @IsString()
  @Length(1, 120)
  naam: string;

  @IsArray()
  @ArrayUnique()
  @IsIn(BOUWSTENEN, { each: true })
  bouwstenen: Bouwsteen[];
}

/** Poll defaults of a gemeente (samenspreker reads them for a new stemming). */
export interface PeilingInstellingen {
  /** At most this many advisory (multiple-choice) questions per poll. */
  maxAdviesvragen: number;
  /** At most this many binding referendum questions per poll. */
  maxBindendeVragen: number;
  /** A binding question passes with more than this percentage of the valid votes. */
  bindendDrempelPercentage: number;
  /** A binding outcome needs at least this turnout (percentage of those entitled to vote); 0 = no quorum. */
  opkomstquorumPercentage: number;
}

export interface GemeenteInstellingen {
  /** Supporters a vraagstuk needs to go on the agenda by itself. */
  steundrempel: number;
  /** The gemeente promises a response within this many days. */
  reactietermijnDagen: number;
  peilingen: PeilingInstellingen;
}

/**
 * The ranges of every setting, in one place: the payload classes below and the domain rules in
 * identity both read them, so a replacement service can publish the same limits.
 */
export const INSTELLING_GRENZEN = {
  steundrempel: { min: 1, max: 100_000 },
  reactietermijnDagen: { min: 1, max: 365 },
  maxAdviesvragen: { min: 1, max: 20 },
  maxBindendeVragen: { min: 0, max: 10 },
  // "Binding above X%": below a simple majority a minority would bind everyone.
  bindendDrempelPercentage: { min: 50, max: 99 },
  opkomstquorumPercentage: { min: 0, max: 100 },
} as const;

const G = INSTELLING_GRENZEN;

export class PeilingInstellingenWijziging implements Partial<PeilingInstellingen> {
  @IsOptional() @IsInt() @Min(G.maxAdviesvragen.min) @Max(G.maxAdviesvragen.max)
  maxAdviesvragen?: number;

  @IsOptional() @IsInt() @Min(G.maxBindendeVragen.min) @Max(G.maxBindendeVragen.max)
  maxBindendeVragen?: number;

  @IsOptional() @IsInt() @Min(G.bindendDrempelPercentage.min) @Max(G.bindendDrempelPercentage.max)
  bindendDrempelPercentage?: number;

  @IsOptional() @IsInt() @Min(G.opkomstquorumPercentage.min) @Max(G.opkomstquorumPercentage.max)
  opkomstquorumPercentage?: number;
}

/** The settings to change; what is left out keeps its value (PATCH semantics). */
export class InstellingenWijziging {
  @IsOptional() @IsInt() @Min(G.steundrempel.min) @Max(G.steundrempel.max)
  steundrempel?: number;

  @IsOptional() @IsInt() @Min(G.reactietermijnDagen.min) @Max(G.reactietermijnDagen.max)
  reactietermijnDagen?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => PeilingInstellingenWijziging)
  peilingen?: PeilingInstellingenWijziging;
}

/** Request of `identity.v1.gemeenten.instellingen-wijzigen`. */
export class WijzigInstellingen extends GemeenteCode {
  @IsDefined({ message: 'instellingen ontbreekt' })
  @ValidateNested()
  @Type(() => InstellingenWijziging)
  instellingen: InstellingenWijziging;
}

export class GemeenteView {
  code: string;
  naam: string;
  bouwstenen: Bouwsteen[];
  instellingen: GemeenteInstellingen;
  /** UTC date-time. */
  aangemaaktTijdstip: string;
}

export class GemeenteList {
  items: GemeenteView[];
}

/** Payload of `evt.identity.v1.gemeente-vastgelegd`. */
export type GemeenteVastgelegd = GemeenteView;

/** Payload of `evt.identity.v1.gemeente-instellingen-gewijzigd`: the full settings after the change. */
export interface GemeenteInstellingenGewijzigd {
  code: string;
  instellingen: GemeenteInstellingen;
}
