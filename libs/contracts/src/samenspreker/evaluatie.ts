import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { Segment } from '../identity/rollen';
import { eventSubject, requestSubject } from '../subjects';

/**
 * Evaluatie (issue 4): the deelnemers rate the process and the outcome, the voorzitter sums up
 * with lessons. A vraagstuk can pass through evaluatie more than once (reopened for a new round);
 * everything here belongs to one pass, named by the moment the vraagstuk entered evaluatie.
 */
export const EVALUATIE_SUBJECTS = {
  /** Active deelnemer; fase evaluatie; replaces the caller's earlier one of this pass. Request {@link MijnEvaluatie}; reply {@link EvaluatieView}. */
  geef: requestSubject('samenspreker', 'evaluaties', 'geef'),
  /** Voorzitter or gemeente staff; fase evaluatie; once per pass. Request {@link NieuweEvaluatieSamenvatting}; reply {@link EvaluatieOverzicht}. */
  samenvatten: requestSubject('samenspreker', 'evaluaties', 'samenvatten'),
  /** Public. Request {@link VraagstukVerwijzing}; reply {@link EvaluatieOverzicht}. */
  get: requestSubject('samenspreker', 'evaluaties', 'get'),
};

export const EVALUATIE_EVENTS = {
  /** CloudEvents type `nl.samen.samenspreker.evaluatie.gegeven.v1`; data {@link EvaluatieGegeven}. */
  gegeven: eventSubject('samenspreker', 'evaluatie-gegeven'),
  /** CloudEvents type `nl.samen.samenspreker.evaluatie.samengevat.v1`; data {@link EvaluatieSamengevat}. */
  samengevat: eventSubject('samenspreker', 'evaluatie-samengevat'),
};

export const EVALUATIE_UITKOMSTEN = ['opgelost', 'deels', 'niet'] as const;
export type EvaluatieUitkomst = (typeof EVALUATIE_UITKOMSTEN)[number];

export class EvaluatieInvoer {
  /** How the process went, 1 (slecht) to 5 (goed). */
  @IsInt()
  @Min(1)
  @Max(5)
  proces: number;

  /** How good the outcome is, 1 (slecht) to 5 (goed). */
  @IsInt()
  @Min(1)
  @Max(5)
  uitkomst: number;

  @IsString()
  @Length(0, 5000)
  toelichting: string;
}

export class MijnEvaluatie extends EvaluatieInvoer {
  @IsUUID()
  vraagstukId: string;
}

export class SamenvattingInvoer {
  @IsString()
  @Length(1, 10000)
  samenvatting: string;

  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  lessen: string[];

  @IsIn(EVALUATIE_UITKOMSTEN)
  uitkomst: EvaluatieUitkomst;
}

export class NieuweEvaluatieSamenvatting extends SamenvattingInvoer {
  @IsUUID()
  vraagstukId: string;
}

/** One deelnemer's evaluation as the public sees it: no account, no name. */
export interface EvaluatieView {
  proces: number;
  uitkomst: number;
  toelichting: string;
}

export interface EvaluatieSamenvattingView {
  samenvatting: string;
  lessen: string[];
  uitkomst: EvaluatieUitkomst;
  /** UTC date-time. */
  tijdstip: string;
}

/** The evaluation of the current pass (or, outside fase evaluatie, of the last one). */
export interface EvaluatieOverzicht {
  vraagstukId: string;
  /** UTC date-time the vraagstuk entered evaluatie for this pass; absent when it never did. */
  evaluatieSinds?: string;
  aantal: number;
  /** Averages with two decimals; null while nobody evaluated. */
  gemiddelde: { proces: number | null; uitkomst: number | null };
  evaluaties: EvaluatieView[];
  samenvatting?: EvaluatieSamenvattingView;
}

/** Payload of `evt.samenspreker.v1.evaluatie-gegeven`: the scores and the segment, never the account. */
export interface EvaluatieGegeven {
  /** Stable for one deelnemer within one pass, so a consumer can replace an earlier evaluation without knowing whose it is. */
  id: string;
  vraagstukId: string;
  gemeente: string;
  /** UTC date-time the pass began. */
  evaluatieSinds: string;
  segment: Segment;
  proces: number;
  uitkomst: number;
  /** True when it replaces the same deelnemer's earlier evaluation of this pass. */
  vervangt: boolean;
}

/** Payload of `evt.samenspreker.v1.evaluatie-samengevat`. */
export interface EvaluatieSamengevat {
  vraagstukId: string;
  gemeente: string;
  evaluatieSinds: string;
  uitkomst: EvaluatieUitkomst;
  lessen: string[];
  aantal: number;
  gemiddelde: { proces: number | null; uitkomst: number | null };
}
