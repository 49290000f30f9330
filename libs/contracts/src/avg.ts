import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import type { Bouwsteen } from './bouwstenen';
import type { Rol } from './identity/rollen';
import { eventSubject, requestSubject } from './subjects';

/**
 * The AVG (GDPR) part of the contract (issue 3): what a person may ask about their own data, and
 * what every bouwsteen must answer. A replacement bouwsteen implements
 * `<bouwsteen>.v1.persoonsgegevens.export` and follows `evt.identity.v1.account-verwijderd`.
 */

/** Every bouwsteen answers the export of one account's personal data on this subject. */
export function persoonsgegevensExportSubject(bouwsteen: Bouwsteen): string {
  return requestSubject(bouwsteen, 'persoonsgegevens', 'export');
}

/** Request of `<bouwsteen>.v1.persoonsgegevens.export`. Only the account itself (token `sub`) may ask. */
export class PersoonsgegevensExportVerzoek {
  @IsUUID('all', { message: 'accountId moet een uuid zijn' })
  accountId: string;
}

/** Reply of `<bouwsteen>.v1.persoonsgegevens.export`: what this bouwsteen holds about the account. */
export interface PersoonsgegevensExport {
  bouwsteen: Bouwsteen;
  gegevens: Record<string, unknown>;
}

/** One bouwsteen's part of the full export, as the gateway assembles it. */
export type ExportOnderdeel =
  | { bouwsteen: Bouwsteen; status: 'geleverd'; gegevens: Record<string, unknown> }
  /** Not running, or no answer in time: the export does not fail for it (DESIGN rule 5). */
  | { bouwsteen: Bouwsteen; status: 'absent' };

export const AVG_SUBJECTS = {
  /** Logged in. Reply: {@link MijAccount}, the caller's own account data. */
  account: requestSubject('identity', 'mij', 'account'),
  /** Logged in, with the password as fresh confirmation ({@link AccountVerwijdering}). Reply: {@link Verwijderd}. */
  verwijder: requestSubject('identity', 'mij', 'delete'),
  /** Logged in. Request {@link VerwerkingenVraag}; reply {@link VerwerkingenPagina}: the processing of the caller's own data. */
  mijnVerwerkingen: requestSubject('identity', 'mij', 'verwerkingen'),
  /** gemeentebeheerder. Request {@link VerwerkingenVraag}; reply {@link VerwerkingenPagina} of its gemeente. */
  verwerkingen: requestSubject('identity', 'verwerkingen', 'list'),
};

export const AVG_EVENTS = {
  /** {@link AccountVerwijderd}: the other bouwstenen pseudonymise the account's contributions. */
  accountVerwijderd: eventSubject('identity', 'account-verwijderd'),
};

/** Payload of `evt.identity.v1.account-verwijderd`: ids only. */
export interface AccountVerwijderd {
  accountId: string;
  gemeente?: string;
}

/** How an erased person's contributions are signed in every bouwsteen. */
export const VERWIJDERDE_DEELNEMER = 'verwijderde deelnemer';

/** The password is asked again: a stolen access token alone cannot erase an account. */
export class AccountVerwijdering {
  @IsString()
  @Length(1, 128)
  wachtwoord: string;
}

export class Verwijderd {
  verwijderd: true;
}

/** The caller's own account, as identity holds it (no password hash, no secrets). */
export interface MijAccount {
  accountId: string;
  gemeente?: string;
  email: string;
  weergavenaam: string;
  rollen: Rol[];
  emailBevestigd: boolean;
  tweedeFactorActief: boolean;
  aangemaaktTijdstip: string;
  /** The latest verification as a resident, if any. */
  verificatie?: { gebied: string; methode: string; geverifieerdTijdstip: string };
  lidmaatschappen: Array<{ organisatieId: string; naam: string; segment: string; rol: string; sindsTijdstip: string }>;
}

/** What was done with someone's personal data. */
export const HANDELINGEN = ['inzage', 'export', 'wijziging', 'verwijdering', 'verificatie'] as const;
export type Handeling = (typeof HANDELINGEN)[number];

/** Actor of a processing that no person started (a scheduled job, an event). */
export const SYSTEEM_ACTOR = 'systeem';

/** One entry of the processing log ("Logboek dataverwerkingen" in spirit). */
export interface VerwerkingView {
  id: string;
  tijdstip: string;
  /** Account id of who processed, or `systeem`. */
  actor: string;
  /** Account id of whose data was processed. */
  betrokkene: string;
  gemeente?: string;
  handeling: Handeling;
  /** The legal ground or purpose, in words. */
  grondslag: string;
  correlationId: string;
}

export const VERWERKINGEN_MAX_LIMIET = 100;

/** Keyset pagination: `na` is the opaque cursor of the previous page's `volgende`. */
export class VerwerkingenVraag {
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'na moet een cursor uit een vorig antwoord zijn' })
  na?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(VERWERKINGEN_MAX_LIMIET)
  limiet?: number;
}

export interface VerwerkingenPagina {
  verwerkingen: VerwerkingView[];
  /** Cursor of the next (older) page; absent on the last page. */
  volgende?: string;
}
