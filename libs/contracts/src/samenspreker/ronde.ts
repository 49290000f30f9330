import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { eventSubject, requestSubject } from '../subjects';
import type { OplossingSamenvatting } from './oplossing';

/**
 * Rondes (issue 4): in the phase oplossingen the table works in numbered rounds. While a round is
 * open, deelnemers submit oplossingen and take positions; closing it fixes a shortlist for good.
 */
export const RONDE_SUBJECTS = {
  /** Voorzitter or initiatiefnemer at the table, or gemeente staff. Request {@link RondesVanVraagstuk}; reply {@link RondeView}. */
  open: requestSubject('samenspreker', 'rondes', 'open'),
  /** Public. Request {@link RondesVanVraagstuk}; reply {@link RondeList}. */
  list: requestSubject('samenspreker', 'rondes', 'list'),
  /** Public. Request {@link RondeVraag}; reply {@link RondeView}. */
  get: requestSubject('samenspreker', 'rondes', 'get'),
  /** Same roles as open. Request {@link RondeSluiten}; reply {@link RondeView}. */
  sluit: requestSubject('samenspreker', 'rondes', 'sluit'),
};

export const RONDE_EVENTS = {
  /** CloudEvents type `nl.samen.samenspreker.ronde.geopend.v1`; data {@link RondeGeopend}. */
  geopend: eventSubject('samenspreker', 'ronde-geopend'),
  /** CloudEvents type `nl.samen.samenspreker.ronde.gesloten.v1`; data {@link RondeGesloten}. */
  gesloten: eventSubject('samenspreker', 'ronde-gesloten'),
};

/** How many oplossingen a shortlist holds at most, chosen or by the rule. */
export const SHORTLIST_GROOTTE = 3;

export const RONDE_STATUSSEN = ['open', 'gesloten'] as const;
export type RondeStatus = (typeof RONDE_STATUSSEN)[number];

/** `gekozen`: named by whoever closed the round; `regel`: by the steun-and-instemming rule. */
export const SHORTLIST_WIJZEN = ['gekozen', 'regel'] as const;
export type ShortlistWijze = (typeof SHORTLIST_WIJZEN)[number];

/** The rounds of one vraagstuk: to open the next one, or to list them. */
export class RondesVanVraagstuk {
  @IsUUID()
  vraagstukId: string;
}

export class RondeVraag extends RondesVanVraagstuk {
  @IsInt()
  @Min(1)
  nummer: number;
}

export class RondeSluiten extends RondeVraag {
  /** The shortlist as chosen; without it the rule makes it. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SHORTLIST_GROOTTE)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  oplossingen?: string[];
}

export interface ShortlistView {
  /** Oplossing ids, best first. May be empty when no oplossing had any steun or instemming. */
  oplossingen: string[];
  wijze: ShortlistWijze;
}

export interface RondeView {
  vraagstukId: string;
  nummer: number;
  status: RondeStatus;
  /** UTC date-time. */
  geopendOp: string;
  /** UTC date-time; absent while open. */
  geslotenOp?: string;
  oplossingen: OplossingSamenvatting[];
  /** Only once the round is closed. */
  shortlist?: ShortlistView;
}

export interface RondeSamenvatting {
  nummer: number;
  status: RondeStatus;
  geopendOp: string;
  geslotenOp?: string;
  aantalOplossingen: number;
  shortlist?: ShortlistView;
}

export interface RondeList {
  items: RondeSamenvatting[];
}

/** Payload of `evt.samenspreker.v1.ronde-geopend`. */
export interface RondeGeopend {
  vraagstukId: string;
  gemeente: string;
  nummer: number;
  tijdstip: string;
}

/** Payload of `evt.samenspreker.v1.ronde-gesloten`. */
export interface RondeGesloten extends RondeGeopend {
  shortlist: ShortlistView;
}
