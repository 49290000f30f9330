import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { requestSubject } from '../subjects';

/**
 * The public timeline of a vraagstuk (issue 4): every change, append-only, each entry holding the
 * hash of the one before. Both subjects are public: anyone may check that nothing was changed afterwards.
 */
export const TIJDLIJN_SUBJECTS = {
  /** Public. Request {@link TijdlijnLijstVraag}; reply {@link TijdlijnList}. */
  list: requestSubject('samenspreker', 'tijdlijn', 'list'),
  /** Public. Request {@link TijdlijnVraagstukId}; reply {@link TijdlijnVerificatie}. */
  verify: requestSubject('samenspreker', 'tijdlijn', 'verify'),
};

export const TIJDLIJN_MAX_LIMIET = 200;
export const TIJDLIJN_STANDAARD_LIMIET = 50;

export class TijdlijnVraagstukId {
  @IsUUID()
  vraagstukId: string;
}

/** Keyset pagination by volgnummer: `na` is the last volgnummer of the previous page. */
export class TijdlijnLijstVraag extends TijdlijnVraagstukId {
  @IsOptional()
  @IsInt()
  @Min(0)
  na?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(TIJDLIJN_MAX_LIMIET)
  limiet?: number;
}

/**
 * Who made a change: the pseudonym of the person within this vraagstuk, segment and organisation;
 * never an account id, a name or e-mail (the record is public and permanent).
 */
export interface TijdlijnActorView {
  pseudoniem: string;
  segment: string;
  organisatie?: string;
}

export interface TijdlijnEntryView {
  vraagstukId: string;
  volgnummer: number;
  gemeente: string;
  /** UTC date-time with milliseconds, exactly as hashed. */
  tijdstip: string;
  soort: string;
  actor: TijdlijnActorView | null;
  gegevens: unknown;
  vorigeHash: string;
  hash: string;
}

export interface TijdlijnList {
  items: TijdlijnEntryView[];
  /** `na` of the next page; absent on the last page. */
  volgende?: number;
}

export interface TijdlijnVerificatie {
  geldig: boolean;
  aantal: number;
  /** The first entry that does not match: its content (hash), its link to the one before (keten), or its place (volgnummer). */
  eersteFout?: { volgnummer: number; reden: 'hash' | 'keten' | 'volgnummer' };
}
