import { IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { eventSubject, requestSubject } from '../subjects';

/**
 * Resident verification (issue 3): a verified resident of a wijk or buurt may vote in binding
 * polls there. The gemeente prints single-use codes on letters; an ambtenaar can also verify in person.
 */
export const VERIFICATIE_SUBJECTS = {
  /** gemeentebeheerder or ambtenaar. Reply: {@link CodeBatchView}, the only time the codes are readable. */
  codesAanmaken: requestSubject('identity', 'verificatiecodes', 'create'),
  /** Logged in. Reply: {@link VerificatieView}. Wrong codes are rate-limited per account. */
  inwisselen: requestSubject('identity', 'verificaties', 'inwisselen'),
  /** ambtenaar. Reply: {@link VerificatieView}. */
  persoonlijk: requestSubject('identity', 'verificaties', 'persoonlijk'),
};

export const VERIFICATIE_EVENTS = {
  inwonerGeverifieerd: eventSubject('identity', 'inwoner-geverifieerd'),
};

/** CBS wijk code: `WK` + gemeente (4 digits) + wijk (2). */
export const WIJK_CODE_PATTERN = /^WK\d{6}$/;
/** CBS buurt code: `BU` + gemeente (4 digits) + wijk (2) + buurt (2). */
export const BUURT_CODE_PATTERN = /^BU\d{8}$/;
/** A wijk or buurt code. */
export const GEBIED_CODE_PATTERN = /^(WK\d{6}|BU\d{8})$/;

export const VERIFICATIE_METHODEN = ['code', 'persoonlijk'] as const;
export type VerificatieMethode = (typeof VERIFICATIE_METHODEN)[number];

/** At most this many codes per batch: one print run, answered within one request. */
export const MAX_CODES_PER_BATCH = 5000;

const GEBIED_MESSAGE = 'gebied moet een CBS-wijkcode (WK + zes cijfers) of buurtcode (BU + acht cijfers) zijn';

export class NieuweCodes {
  @Matches(GEBIED_CODE_PATTERN, { message: GEBIED_MESSAGE })
  gebied: string;

  @IsInt()
  @Min(1)
  @Max(MAX_CODES_PER_BATCH)
  aantal: number;

  /** Last day (Dutch time) on which the codes work, `YYYY-MM-DD`. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'verlooptDatum moet een datum zijn (JJJJ-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'verlooptDatum moet een bestaande datum zijn' })
  verlooptDatum: string;
}

export class CodeInwisselen {
  @IsString()
  @Length(1, 40)
  code: string;
}

export class PersoonlijkeVerificatie {
  @IsUUID('4')
  accountId: string;

  @Matches(GEBIED_CODE_PATTERN, { message: GEBIED_MESSAGE })
  gebied: string;
}

export interface CodeBatchView {
  id: string;
  gebied: string;
  aantal: number;
  verlooptDatum: string;
  /** UTC date-time. */
  aangemaaktTijdstip: string;
  /** The codes in print form (`ABCD-EFGH-JKLM`); identity keeps only their hashes. */
  codes: string[];
}

export interface VerificatieView {
  accountId: string;
  gebied: string;
  methode: VerificatieMethode;
  /** UTC date-time. */
  geverifieerdTijdstip: string;
}

/** Payload of `evt.identity.v1.inwoner-geverifieerd`: who, and where (no code, no officer). */
export interface InwonerGeverifieerd {
  accountId: string;
  gebied: string;
}
