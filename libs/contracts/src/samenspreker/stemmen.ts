import { Allow, ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { eventSubject, requestSubject } from '../subjects';
import { type ProcesVerbaal, STEMMING_EXPORT_LIJSTEN, type StemmingExportLijst, type StemmingRegels, type StembiljetInvoer } from './stemming';

/**
 * The messages of stemmingen (issue 5): publishing the rules, casting, paper batches, closing and
 * the public results. The shapes of rules, ballots, proces-verbaal and export are in ./stemming.
 */
export const STEMMING_SUBJECTS = {
  /** Gemeente staff or the table's voorzitter. Request {@link NieuweStemming}; reply {@link StemmingView}. */
  create: requestSubject('samenspreker', 'stemmingen', 'create'),
  /** Public: the published rules. Request {@link StemmingId}; reply {@link StemmingView}. */
  get: requestSubject('samenspreker', 'stemmingen', 'get'),
  /** Public: the stemmingen of a vraagstuk, oldest first. Request {@link StemmingenVanVraagstuk}; reply {@link StemmingList}. */
  list: requestSubject('samenspreker', 'stemmingen', 'list'),
  /** Logged in and entitled. Request {@link StemUitbrengen}; reply {@link StemBewijs}. */
  stemmen: requestSubject('samenspreker', 'stemmingen', 'stemmen'),
  /** Ambtenaar or gemeentebeheerder. Request {@link PapierenStembiljetten}; reply {@link PapierenBatchOntvangst}. */
  papierInvoeren: requestSubject('samenspreker', 'stemmingen', 'papier-invoeren'),
  /** Gemeente staff or the table's voorzitter, before the opening. Request {@link StemmingIntrekken}; reply {@link StemmingView}. */
  intrekken: requestSubject('samenspreker', 'stemmingen', 'intrekken'),
  /** Gemeente staff, after the closing time. Request {@link StemmingId}; reply {@link StemmingUitslag}. */
  sluiten: requestSubject('samenspreker', 'stemmingen', 'sluiten'),
  /** Public once closed (409 before). Request {@link StemmingId}; reply {@link StemmingUitslag}. */
  uitslag: requestSubject('samenspreker', 'stemmingen', 'uitslag'),
  /**
   * Public once closed (409 before). Request {@link StemmingId}; reply `StemmingExportKop` (./stemming):
   * the export without its lists, checked against the stored proces-verbaal.
   */
  export: requestSubject('samenspreker', 'stemmingen', 'export'),
  /** Public once closed (409 before). Request {@link StemmingExportPaginaVraag}; reply `StemmingExportPagina` (./stemming). */
  exportPagina: requestSubject('samenspreker', 'stemmingen', 'export-pagina'),
};

/** No event per cast: even a count per ballot would be a clock on the ballot box. */
export const STEMMING_EVENTS = {
  /** Data {@link StemmingAangemaakt}. */
  aangemaakt: eventSubject('samenspreker', 'stemming-aangemaakt'),
  /** Data {@link PapierenStembiljettenIngevoerd}: a batch's number and count, nothing about its kiezers. */
  papierIngevoerd: eventSubject('samenspreker', 'stemming-papier-ingevoerd'),
  /** Data {@link StemmingIngetrokken}. */
  ingetrokken: eventSubject('samenspreker', 'stemming-ingetrokken'),
  /** Data {@link StemmingGesloten}. */
  gesloten: eventSubject('samenspreker', 'stemming-gesloten'),
};

/** An Idempotency-Key: a UUID, or 16 to 64 characters that need no escaping anywhere. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.~-]{16,64}$/;
export const PAPIEREN_BATCH_MAX = 1000;
export const BATCHNUMMER_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;

export class StemmingId {
  @IsUUID('4')
  stemmingId: string;
}

export class StemmingenVanVraagstuk {
  @IsUUID('4')
  vraagstukId: string;
}

/**
 * The rules as staff write them; samenspreker adds versie, ids and gemeente and fills threshold and
 * quorum of a bindende stemming from the gemeente's settings. The domain rules check every field
 * (`invalidParams` names them), so here they are only let through.
 */
export class NieuweStemming {
  @IsUUID('4')
  vraagstukId: string;

  @Allow() titel: string;
  @Allow() soort: StemmingRegels['soort'];
  @Allow() kiesgerechtigden: StemmingRegels['kiesgerechtigden'];
  @Allow() vragen: StemmingRegels['vragen'];
  @Allow() drempelPercentage?: number;
  @Allow() opkomstquorumPercentage?: number;
  @Allow() openingTijdstip: string;
  @Allow() sluitingTijdstip: string;
  @Allow() kanalen: StemmingRegels['kanalen'];

  /**
   * Inwoners-gebied only: how many residents of the gebied are entitled (the gemeente's count on
   * the day the rules are published, as a kiesregister is fixed before an election). The base of
   * turnout and quorum; published with the rules and fixed like them.
   */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  aantalKiesgerechtigden?: number;
}

/** A page token: opaque to the caller, URL-safe. */
export const EXPORT_PAGINA_TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** One page of the ballots or the receipts of a closed stemming's export; without `na` the first. */
export class StemmingExportPaginaVraag extends StemmingId {
  @IsIn(STEMMING_EXPORT_LIJSTEN)
  lijst: StemmingExportLijst;

  /** The `volgende` of the previous page. */
  @IsOptional()
  @Matches(EXPORT_PAGINA_TOKEN_PATTERN, { message: 'na moet het paginatoken (volgende) van de vorige pagina zijn / na must be the page token (volgende) of the previous page' })
  na?: string;
}

/** A published stemming withdrawn before it opens; the reason is public (timeline, event, the stemming itself). */
export class StemmingIntrekken extends StemmingId {
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'motivatie moet meer dan witruimte zijn / motivatie must be more than whitespace' })
  motivatie: string;
}

export class StemUitbrengen extends StemmingId {
  /** From the `Idempotency-Key` header: a retry with the same key gets the same receipt. */
  @Matches(IDEMPOTENCY_KEY_PATTERN, { message: 'Idempotency-Key moet een UUID of 16 tot 64 letters, cijfers of - _ . ~ zijn' })
  idempotencyKey: string;

  @IsObject()
  stembiljet: StembiljetInvoer;
}

export class PapierenStembiljetten extends StemmingId {
  @Matches(BATCHNUMMER_PATTERN, { message: 'batchnummer moet 1 tot 40 letters, cijfers of - _ . zijn' })
  batchnummer: string;

  /** As counted by hand: must equal the number of kiezers and of ballots. */
  @IsInt()
  @Min(1)
  @Max(PAPIEREN_BATCH_MAX)
  aantal: number;

  @IsArray()
  @ArrayMaxSize(PAPIEREN_BATCH_MAX)
  @ArrayUnique({ message: 'kiezers mag niemand twee keer noemen' })
  @IsUUID('4', { each: true })
  kiezers: string[];

  @IsArray()
  @ArrayMaxSize(PAPIEREN_BATCH_MAX)
  @IsObject({ each: true })
  stembiljetten: StembiljetInvoer[];

  /**
   * Envelopes of this batch set aside unopened because their kiezer had already voted: a number
   * for the timeline, never names (docs/stemmingen.md).
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PAPIEREN_BATCH_MAX)
  terzijdeGelegd?: number;
}

/**
 * `gepubliceerd`: rules public, voting possible between opening and closing; `gesloten`: counted,
 * results and export public; `ingetrokken`: withdrawn before the opening, with a public reason;
 * it never opens, and has no result.
 */
export const STEMMING_STATUSSEN = ['gepubliceerd', 'gesloten', 'ingetrokken'] as const;
export type StemmingStatus = (typeof STEMMING_STATUSSEN)[number];

export interface StemmingView {
  id: string;
  vraagstukId: string;
  gemeente: string;
  status: StemmingStatus;
  /** The published rules, exactly as hashed. */
  regels: StemmingRegels;
  /** sha256 (hex) of the canonical JSON of `regels`, as on the vraagstuk's timeline. */
  regelsHash: string;
  /** Inwoners-gebied: fixed at publication; tafel: counted at closing. */
  aantalKiesgerechtigden?: number;
  /** UTC date-time of publication. */
  aangemaaktTijdstip: string;
  /** Once closed: sha256 of the proces-verbaal, as on the timeline. */
  procesVerbaalHash?: string;
  /** Once withdrawn: why (public) and when. */
  intrekking?: StemmingIntrekking;
}

export interface StemmingIntrekking {
  motivatie: string;
  /** UTC date-time of the withdrawal. */
  tijdstip: string;
}

export interface StemmingList {
  items: StemmingView[];
}

/** The reply to a cast: the receipt and nothing else the voter could show. */
export interface StemBewijs {
  bonnetje: string;
  /** True when this was a retry of a cast already recorded (same Idempotency-Key): the same receipt. */
  herhaald: boolean;
}

/** The receipts of a paper batch, shuffled: for the envelopes, not per kiezer. */
export interface PapierenBatchOntvangst {
  stemmingId: string;
  batchnummer: string;
  aantal: number;
  bonnetjes: string[];
}

export interface StemmingUitslag {
  stemmingId: string;
  procesVerbaal: ProcesVerbaal;
  procesVerbaalHash: string;
  /** UTC date-time of closing. */
  geslotenTijdstip: string;
}

/** Payload of `evt.samenspreker.v1.stemming-aangemaakt`. */
export interface StemmingAangemaakt {
  id: string;
  vraagstukId: string;
  gemeente: string;
  regels: StemmingRegels;
  regelsHash: string;
  aantalKiesgerechtigden?: number;
}

/** Payload of `evt.samenspreker.v1.stemming-papier-ingevoerd`. */
export interface PapierenStembiljettenIngevoerd {
  stemmingId: string;
  vraagstukId: string;
  batchnummer: string;
  aantal: number;
  terzijdeGelegd: number;
}

/** Payload of `evt.samenspreker.v1.stemming-ingetrokken`. */
export interface StemmingIngetrokken {
  id: string;
  vraagstukId: string;
  gemeente: string;
  motivatie: string;
}

/** Payload of `evt.samenspreker.v1.stemming-gesloten`. */
export interface StemmingGesloten {
  id: string;
  vraagstukId: string;
  gemeente: string;
  procesVerbaal: ProcesVerbaal;
  procesVerbaalHash: string;
}
