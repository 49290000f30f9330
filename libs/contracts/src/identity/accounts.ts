import { IsEmail, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import type { OrganisatieSegment, Rol, Segment } from './rollen';
import { eventSubject, requestSubject } from '../subjects';

/**
 * Accounts and sessions of identity (issue 3). The gemeente of a request travels in the
 * `Samen-Gemeente` header; a platformbeheerder logs in without one.
 */
export const ACCOUNT_SUBJECTS = {
  /** Reply: {@link Geaccepteerd}, whether or not the e-mail is already known (no enumeration). */
  register: requestSubject('identity', 'accounts', 'register'),
  /** Reply: {@link Geaccepteerd}. Single-use token from the confirmation mail. */
  confirmEmail: requestSubject('identity', 'accounts', 'confirm-email'),
  /** Reply: {@link Geaccepteerd}, whether or not the e-mail is known. */
  requestPasswordReset: requestSubject('identity', 'accounts', 'request-password-reset'),
  /** Reply: {@link Geaccepteerd}; revokes every session of the account. */
  resetPassword: requestSubject('identity', 'accounts', 'reset-password'),
  /**
   * Logged in, or with the `inschrijfToken` of a staff login without a second factor (payload
   * {@link TweedeFactorVerzoek}). Reply: {@link TweedeFactorInschrijving}.
   */
  enrolTotp: requestSubject('identity', 'accounts', 'enrol-totp'),
  /** As enrolTotp (payload {@link TotpActivatie}). Reply: {@link Geaccepteerd}. After this, log in again with `totpCode`. */
  activateTotp: requestSubject('identity', 'accounts', 'activate-totp'),
};

export const SESSIE_SUBJECTS = {
  /** Login. Reply: {@link Aanmeldresultaat}. */
  create: requestSubject('identity', 'sessies', 'create'),
  /** Reply: {@link SessieView} with a new refresh token; the old one is spent. */
  refresh: requestSubject('identity', 'sessies', 'refresh'),
  /** Logout. With a refresh token: its family; with only the access token: every family of the account. */
  revoke: requestSubject('identity', 'sessies', 'revoke'),
};

/** Internal, refused when NODE_ENV=production: creates the demo accounts of `npm run up`. */
export const DEMO_SUBJECTS = {
  seed: requestSubject('identity', 'demo', 'seed'),
};

export const ACCOUNT_EVENTS = {
  aangemaakt: eventSubject('identity', 'account-aangemaakt'),
  bevestigd: eventSubject('identity', 'account-bevestigd'),
};

/** ASVS 5.0 V6.2: at least 12 characters, at most 128 (no composition rules). */
export const WACHTWOORD_MIN = 12;
export const WACHTWOORD_MAX = 128;

export class Registratie {
  @IsEmail({}, { message: 'email moet een geldig e-mailadres zijn' })
  @MaxLength(254)
  email: string;

  @IsString()
  @Length(WACHTWOORD_MIN, WACHTWOORD_MAX, { message: `wachtwoord moet ${WACHTWOORD_MIN} tot ${WACHTWOORD_MAX} tekens lang zijn` })
  wachtwoord: string;

  @IsString()
  @Length(1, 80)
  weergavenaam: string;
}

export class TokenInvoer {
  @IsString()
  @Length(16, 200)
  token: string;
}

export class HerstelAanvraag {
  @IsEmail({}, { message: 'email moet een geldig e-mailadres zijn' })
  @MaxLength(254)
  email: string;
}

export class WachtwoordHerstel extends TokenInvoer {
  @IsString()
  @Length(WACHTWOORD_MIN, WACHTWOORD_MAX, { message: `wachtwoord moet ${WACHTWOORD_MIN} tot ${WACHTWOORD_MAX} tekens lang zijn` })
  wachtwoord: string;
}

export class Aanmelding {
  @IsEmail({}, { message: 'email moet een geldig e-mailadres zijn' })
  @MaxLength(254)
  email: string;

  @IsString()
  @Length(1, WACHTWOORD_MAX)
  wachtwoord: string;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'totpCode moet zes cijfers zijn' })
  totpCode?: string;
  /** Act on behalf of this organisation (id), for which the account holds a mandate; absent: as itself. */
  @IsOptional()
  @IsUUID('4', { message: 'namens moet het id van een organisatie zijn' })
  namens?: string;
}

/** `namens` on a refresh switches whom the session acts for: `zelf`, or an organisation id. */
export const NAMENS_ZELF = 'zelf';

export class Vernieuwing {
  @IsString()
  @Length(16, 200)
  refreshToken: string;

  @IsOptional()
  @Matches(/^(zelf|[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/i, { message: "namens moet 'zelf' of het id van een organisatie zijn" })
  namens?: string;
}

export class Afmelding {
  @IsOptional()
  @IsString()
  @Length(16, 200)
  refreshToken?: string;
}

/** Who enrols: the caller of the access token, or the holder of a login's `inschrijfToken`. */
export class TweedeFactorVerzoek {
  @IsOptional()
  @IsString()
  @Length(16, 200)
  inschrijfToken?: string;
}

export class TotpActivatie extends TweedeFactorVerzoek {
  @Matches(/^\d{6}$/, { message: 'code moet zes cijfers zijn' })
  code: string;
}

/** The reply of a command that is accepted without saying more (HTTP 202). */
export class Geaccepteerd {
  geaccepteerd: true;
}

/** A session: the reply of a refresh, and of a login that needs nothing more. */
export class SessieView {
  accessToken: string;
  /** UTC date-time. */
  verlooptTijdstip: string;
  refreshToken: string;
  /** UTC date-time. */
  refreshVerlooptTijdstip: string;
  tweedeFactorInstellen: false;
}

/**
 * The reply of a login by a staff account without an active second factor: no session at all,
 * only an `inschrijfToken` (opaque, 10 minutes) that is good for nothing but enrolling and
 * activating a second factor. (An access token without roles would still pass every route that
 * only needs a login.)
 */
export class TweedeFactorVereist {
  tweedeFactorInstellen: true;
  inschrijfToken: string;
  /** UTC date-time. */
  inschrijfVerlooptTijdstip: string;
}

/** Reply of `identity.v1.sessies.create`; tell them apart by `tweedeFactorInstellen`. */
export type Aanmeldresultaat = SessieView | TweedeFactorVereist;

export class TweedeFactorInschrijving {
  /** Base32 secret, for manual entry. */
  geheim: string;
  /** `otpauth://totp/…` for a QR code. */
  otpauthUri: string;
}

/** Payload of `evt.identity.v1.account-aangemaakt` and `…account-bevestigd`: no e-mail, name or hash. */
export interface AccountGebeurtenis {
  accountId: string;
  gemeente?: string;
  segment: Segment;
  rollen: Rol[];
}

export class DemoAccountView {
  rol: Rol;
  email: string;
  wachtwoord: string;
  gemeente?: string;
  /** TOTP secret of a staff account (base32). */
  totpGeheim?: string;
  /** The demo organisation this account manages, so it can act for its segment. */
  organisatie?: { id: string; naam: string; segment: OrganisatieSegment };
}

export class DemoSeed {
  @Matches(/^GM\d{4}$/)
  gemeente: string;
}

export class DemoSeedReply {
  accounts: DemoAccountView[];
}
