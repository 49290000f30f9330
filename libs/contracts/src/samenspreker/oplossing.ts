import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min, ValidateIf, ValidateNested } from 'class-validator';
import type { Segment } from '../identity/rollen';
import { eventSubject, requestSubject } from '../subjects';

/**
 * Oplossingen (issue 4): proposals in an open round, improved in immutable versions that name what
 * they took over (reacties, versions of other oplossingen), and weighed by consent: each active
 * deelnemer takes a position per version, steun, instemming or bezwaar with a reason.
 */
export const OPLOSSING_SUBJECTS = {
  /** Active deelnemer except waarnemer; round open. Request {@link NieuweOplossing}; reply {@link OplossingView}. */
  create: requestSubject('samenspreker', 'oplossingen', 'create'),
  /** Public. Request {@link OplossingVraag}; reply {@link OplossingView}. */
  get: requestSubject('samenspreker', 'oplossingen', 'get'),
  /** The author or the voorzitter; round open. Request {@link NieuweVersie}; reply {@link OplossingView}. */
  versieToevoegen: requestSubject('samenspreker', 'oplossingen', 'versie-toevoegen'),
  /** Active deelnemer except waarnemer; round open. Request {@link PositieInnemen}; reply {@link OplossingView}. */
  positieInnemen: requestSubject('samenspreker', 'oplossingen', 'positie-innemen'),
};

export const OPLOSSING_EVENTS = {
  /** CloudEvents type `nl.samen.samenspreker.oplossing.ingediend.v1`; data {@link OplossingIngediend}. */
  ingediend: eventSubject('samenspreker', 'oplossing-ingediend'),
  /** CloudEvents type `nl.samen.samenspreker.oplossing.versie-toegevoegd.v1`; data {@link OplossingVersieToegevoegd}. */
  versieToegevoegd: eventSubject('samenspreker', 'oplossing-versie-toegevoegd'),
  /** CloudEvents type `nl.samen.samenspreker.oplossing.positie-ingenomen.v1`; data {@link OplossingPositieIngenomen}. */
  positieIngenomen: eventSubject('samenspreker', 'oplossing-positie-ingenomen'),
};

export const POSITIES = ['steun', 'instemming', 'bezwaar'] as const;
export type Positie = (typeof POSITIES)[number];

/** How many reacties and bijdragen one version may name as taken over. */
export const OVERNAME_MAX = 50;

export class OplossingVraag {
  @IsUUID()
  vraagstukId: string;

  @IsUUID()
  oplossingId: string;
}

export class NieuweOplossing {
  @IsUUID()
  vraagstukId: string;

  @IsInt()
  @Min(1)
  nummer: number;

  @IsString()
  @Length(3, 200)
  titel: string;

  @IsString()
  @Length(1, 10000)
  omschrijving: string;
}

/** A version of an oplossing of the same vraagstuk whose idea this version took over. */
export class BijdrageRef {
  @IsUUID()
  oplossingId: string;

  @IsInt()
  @Min(1)
  versie: number;
}

export class Overname {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OVERNAME_MAX)
  @IsUUID(undefined, { each: true })
  reacties?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OVERNAME_MAX)
  @ValidateNested({ each: true })
  @Type(() => BijdrageRef)
  bijdragen?: BijdrageRef[];
}

export class NieuweVersie extends OplossingVraag {
  /** Without it the version keeps the previous title. */
  @IsOptional()
  @IsString()
  @Length(3, 200)
  titel?: string;

  @IsString()
  @Length(1, 10000)
  omschrijving: string;

  @IsDefined({ message: 'overgenomen ontbreekt (geef lege lijsten als u niets overnam)' })
  @ValidateNested()
  @Type(() => Overname)
  overgenomen: Overname;
}

export class PositieInnemen extends OplossingVraag {
  @IsInt()
  @Min(1)
  versie: number;

  @IsIn(POSITIES)
  positie: Positie;

  /** Required with bezwaar: an objection without a reason cannot be met. */
  @ValidateIf((p: PositieInnemen) => p.positie === 'bezwaar' || p.toelichting !== undefined)
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'toelichting mag niet leeg zijn' })
  toelichting?: string;
}

/**
 * Who acted, as the public sees it: the person's pseudonym within this vraagstuk (the same for all
 * their steps in it, different in every other vraagstuk; `verwijderd` for an erased account),
 * segment and organisation; never an account id or a name.
 */
export interface SamenspraakAuteur {
  pseudoniem: string;
  segment: Segment;
  organisatie?: string;
  /** Set when it is the caller themselves, so they can find their own contributions. */
  eigen?: true;
}

export interface PositieTelling {
  steun: number;
  instemming: number;
  bezwaar: number;
}

/**
 * One deelnemer's position on a version. Public by design: consent works only when the table can
 * see whose objection it has to meet; the pseudonym is enough for that, and the timeline shows the same one.
 */
export interface PositieView {
  deelnemer: SamenspraakAuteur;
  positie: Positie;
  toelichting?: string;
  /** UTC date-time of the latest change. */
  tijdstip: string;
}

export interface OplossingVersieView {
  versie: number;
  titel: string;
  omschrijving: string;
  /** Who wrote this version (the author, or the voorzitter). */
  auteur: SamenspraakAuteur;
  overgenomen: { reacties: string[]; bijdragen: { oplossingId: string; versie: number }[] };
  tijdstip: string;
  telling: PositieTelling;
  posities: PositieView[];
}

/** An oplossing as a round lists it: its latest version and the counts of every version. */
export interface OplossingSamenvatting {
  id: string;
  rondeNummer: number;
  auteur: SamenspraakAuteur;
  ingediendOp: string;
  laatsteVersie: { versie: number; titel: string; omschrijving: string; tijdstip: string };
  tellingen: ({ versie: number } & PositieTelling)[];
}

export interface OplossingView {
  id: string;
  vraagstukId: string;
  rondeNummer: number;
  auteur: SamenspraakAuteur;
  ingediendOp: string;
  /** Oldest first. */
  versies: OplossingVersieView[];
}

/** Payload of `evt.samenspreker.v1.oplossing-ingediend`. */
export interface OplossingIngediend {
  id: string;
  vraagstukId: string;
  gemeente: string;
  rondeNummer: number;
  titel: string;
  /** Segment only: no account ids in events (AVG). */
  auteur: { segment: Segment; organisatie?: string };
}

/** Payload of `evt.samenspreker.v1.oplossing-versie-toegevoegd`. */
export interface OplossingVersieToegevoegd {
  id: string;
  vraagstukId: string;
  gemeente: string;
  versie: number;
  titel: string;
  overgenomen: { reacties: string[]; bijdragen: { oplossingId: string; versie: number }[] };
}

/** Payload of `evt.samenspreker.v1.oplossing-positie-ingenomen`. */
export interface OplossingPositieIngenomen {
  id: string;
  vraagstukId: string;
  gemeente: string;
  versie: number;
  positie: Positie;
  /** The position it replaced, if any. */
  vorige?: Positie;
  segment: Segment;
  telling: PositieTelling;
}
