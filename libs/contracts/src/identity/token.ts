import type { Rol, Segment } from './rollen';
import { requestSubject } from '../subjects';

/** Issuer and audience of every access token of the suite. */
export const TOKEN_ISSUER = 'urn:samen:identity';
export const TOKEN_AUDIENCE = 'urn:samen';
/** The one signature algorithm accepted (asymmetric; `none` and HMAC are refused). */
export const TOKEN_ALGORITHM = 'EdDSA';

/**
 * The claims of an access token (a JWT signed by identity, `kid` in the header). Every bouwsteen
 * verifies it itself with identity's public keys (JWKS) and acts on these claims only.
 */
export interface AccessTokenClaims {
  iss: typeof TOKEN_ISSUER;
  aud: typeof TOKEN_AUDIENCE;
  /** Account id (uuid). */
  sub: string;
  /** CBS code of the gemeente the account acts in; absent only for a platformbeheerder. */
  gemeente?: string;
  rollen: Rol[];
  /** As whom the account acts now: itself (`inwoner`) or an organisation's segment. */
  segment: Segment;
  /** The organisation (id) the account acts for, when it holds a mandate for it. */
  organisatie?: string;
  /** Wijk or buurt code of the area the account is a verified resident of. */
  geverifieerdGebied?: string;
  /** Authentication methods used (`pwd`, `otp`). */
  amr: string[];
  iat: number;
  exp: number;
  jti: string;
}

/** Who is acting, as every bouwsteen sees it after verifying the token. */
export interface Principal {
  accountId: string;
  gemeente?: string;
  rollen: Rol[];
  segment: Segment;
  organisatie?: string;
  geverifieerdGebied?: string;
  /** Logged in with a second factor. */
  tweedeFactor: boolean;
}

/** A JSON Web Key Set with identity's public signing keys (current and recent). */
export interface Jwks {
  keys: Array<Record<string, unknown> & { kid: string; kty: string }>;
}

export const SLEUTEL_SUBJECTS = {
  /** Reply: {@link Jwks}. Public; cached by every verifier and fetched again for an unknown kid. */
  jwks: requestSubject('identity', 'sleutels', 'jwks'),
};

export const MIJ_SUBJECTS = {
  /** Reply: the caller's {@link Principal}, as the verified token says. Needs a valid token. */
  get: requestSubject('identity', 'mij', 'get'),
};
