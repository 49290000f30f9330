/**
 * Stemmingen (issue 5): advisory polls and binding referenda on a vraagstuk in besluitvorming.
 * These shapes are public: the rules are published before opening, and the export lets anyone
 * recount the result without our code (docs/stemmingen-export.md).
 */

/** `advies`: multiple-choice questions on direction and pace; `bindend`: referendum questions. */
export const STEMMING_SOORTEN = ['advies', 'bindend'] as const;
export type StemmingSoort = (typeof STEMMING_SOORTEN)[number];

/** `inwoners-gebied`: verified residents of a gebied; `tafel`: the active deelnemers of the table. */
export const KIESGERECHTIGDEN_SOORTEN = ['inwoners-gebied', 'tafel'] as const;
export type KiesgerechtigdenSoort = (typeof KIESGERECHTIGDEN_SOORTEN)[number];

export const STEMKANALEN = ['digitaal', 'papier'] as const;
export type Stemkanaal = (typeof STEMKANALEN)[number];

/** The answer to a question that chose no option. Reserved: no option may have this id. */
export const BLANCO = 'blanco';
/** The answer to a question that cannot be counted (e.g. two crosses on paper). Reserved as well. */
export const ONGELDIG = 'ongeldig';

/** Ids of questions and options: short, lower-case, stable in URLs and in the export. */
export const STEM_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Limits of a stemming that are not gemeente settings (those are in PeilingInstellingen). */
export const STEMMING_GRENZEN = {
  titel: { min: 3, max: 200 },
  vraagTekst: { min: 1, max: 500 },
  optieTekst: { min: 1, max: 200 },
  optiesPerVraag: { min: 2, max: 10 },
} as const;

export interface StemOptie {
  id: string;
  tekst: string;
}

export interface StemVraag {
  id: string;
  tekst: string;
  opties: StemOptie[];
}

export type Kiesgerechtigden = { soort: 'inwoners-gebied'; gebied: string } | { soort: 'tafel' };

/**
 * The rules of a stemming, published machine-readably before it opens and unchangeable after.
 * `drempelPercentage` and `opkomstquorumPercentage` belong to a bindende stemming only.
 */
export interface StemmingRegels {
  versie: 1;
  stemmingId: string;
  vraagstukId: string;
  /** CBS code of the gemeente whose vraagstuk this is. */
  gemeente: string;
  titel: string;
  soort: StemmingSoort;
  kiesgerechtigden: Kiesgerechtigden;
  vragen: StemVraag[];
  /** Bindend only: an option binds with strictly more than this percentage of the valid votes. */
  drempelPercentage?: number;
  /** Bindend only: nothing binds below this turnout (percentage of those entitled); 0 = no quorum. */
  opkomstquorumPercentage?: number;
  /** UTC date-time; voting is possible from this moment… */
  openingTijdstip: string;
  /** …up to, not including, this one. */
  sluitingTijdstip: string;
  kanalen: Stemkanaal[];
}

/**
 * What a voter (or, for paper, the official entering the ballot) hands in: per question id an
 * option id, `null` or `blanco` for blank, a list of several marked options (paper) or `ongeldig`.
 * A question left out is blank.
 */
export interface StembiljetInvoer {
  antwoorden: Record<string, string | string[] | null>;
}

/**
 * A ballot as stored and published: one entry per question, in the order of the rules, each an
 * option id, `blanco` or `ongeldig`. Nothing else: no account, no time, no channel.
 */
export type CanoniekStembiljet = string[];

export interface OptieStemmen {
  optieId: string;
  stemmen: number;
}

export type AdviesUitkomst = {
  soort: 'advies';
  /** The options with the most votes (more than one on a tie; empty without valid votes). */
  meesteStemmen: string[];
};

export type BindendeUitkomstReden = 'drempel-gehaald' | 'quorum-niet-gehaald' | 'geen-optie-boven-drempel' | 'geen-geldige-stemmen';

export type BindendeUitkomst = {
  soort: 'bindend';
  bindend: boolean;
  /** The option that binds, when one does. */
  optieId?: string;
  reden: BindendeUitkomstReden;
  meesteStemmen: string[];
};

export interface VraagResultaat {
  vraagId: string;
  /** Per option, in the order of the rules. */
  opties: OptieStemmen[];
  blanco: number;
  ongeldig: number;
  /** Votes for an option: the base of the threshold. */
  geldig: number;
  uitkomst: AdviesUitkomst | BindendeUitkomst;
  /** Dutch, for people: what the outcome means. */
  toelichting: string;
}

/**
 * The official record of the count. Deterministic: the same rules, ballots and receipts give the
 * same bytes (canonical JSON) and so the same SHA-256, which goes on the vraagstuk's timeline.
 */
export interface ProcesVerbaal {
  versie: 1;
  stemmingId: string;
  vraagstukId: string;
  gemeente: string;
  soort: StemmingSoort;
  /** sha256 (hex) of the canonical JSON of the rules. */
  regelsHash: string;
  /** sha256 (hex) over the ballots as a multiset (order-free): binds the published ballot list. */
  biljettenHash: string;
  /** sha256 (hex) over the sorted receipt codes: binds the published receipt list. */
  bonnetjesHash: string;
  aantalKiesgerechtigden: number;
  /** Everyone in the register of who voted; equal to the number of ballots and of receipts. */
  aantalKiezers: number;
  /** Turnout in percent, rounded down to two decimals. */
  opkomstPercentage: number;
  /** Bindend only. */
  quorumGehaald?: boolean;
  vragen: VraagResultaat[];
}

export const STEMMING_EXPORT_FORMAAT = 'samen-stemming-export';

/** Everything needed to recount a closed stemming, and nothing that links a ballot to a person. */
export interface StemmingExport {
  formaat: typeof STEMMING_EXPORT_FORMAAT;
  versie: 1;
  regels: StemmingRegels;
  aantalKiesgerechtigden: number;
  /** Shuffled. */
  stembiljetten: CanoniekStembiljet[];
  /** Shuffled independently of the ballots; as many as there are ballots. */
  bonnetjes: string[];
  procesVerbaal: ProcesVerbaal;
  /** sha256 (hex) of the canonical JSON of `procesVerbaal`, as on the timeline. */
  procesVerbaalHash: string;
}

/**
 * Over NATS the export travels in parts, so that a stemming of any size fits the bus's message limit
 * (the gateway serves it over HTTP as the one {@link StemmingExport} document): this head, then the
 * two lists in pages (`samenspreker.v1.stemmingen.export-pagina`).
 */
export type StemmingExportKop = Omit<StemmingExport, 'stembiljetten' | 'bonnetjes'>;

/** The two long lists of the export, each paged on its own. */
export const STEMMING_EXPORT_LIJSTEN = ['stembiljetten', 'bonnetjes'] as const;
export type StemmingExportLijst = (typeof STEMMING_EXPORT_LIJSTEN)[number];

/**
 * One page of a list: ballots (canonical) or receipt codes, in the order of their random keys.
 * `volgende` is the page token of the next page; absent on the last.
 */
export interface StemmingExportPagina<T = CanoniekStembiljet | string> {
  items: T[];
  volgende?: string;
}

/**
 * A receipt code: 27 random Crockford base32 characters (135 bits) and one check character, in
 * seven groups of four (e.g. `7K2M-…`). Input is normalised first (case, dashes, spaces, O→0, I/L→1).
 */
export const BONNETJE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/;
