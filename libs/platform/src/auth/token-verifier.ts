import { createLocalJWKSet, decodeProtectedHeader, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import {
  GEMEENTE_CODE_PATTERN,
  ROLLEN,
  SEGMENTEN,
  TOKEN_ALGORITHM,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type Jwks,
  type Principal,
  type Rol,
  type Segment,
} from '@samen/contracts';
import { DomainError } from '../errors/domain-error';

/** Where the public keys come from: identity's `identity.v1.sleutels.jwks` in the suite. */
export type JwksSource = () => Promise<Jwks>;

export interface TokenVerifierOptions {
  /** Keys older than this are fetched again on the next verification. */
  maxAgeMs?: number;
  /**
   * A token with an unknown kid (a key rotated in since the last fetch) makes the verifier fetch
   * again, but not more often than this: a stream of forged kids must not flood identity. A token
   * that arrives within the interval waits for its end rather than being refused, so a freshly
   * rotated key is never mistaken for a forged one.
   */
  minRefetchIntervalMs?: number;
  /** Slack for clocks that differ between identity and this process (exp, iat, nbf). */
  clockToleranceSeconds?: number;
  /**
   * How long a verified token is answered from memory (never past its exp). A token is an
   * immutable signed value, so the only thing that can change its verdict meanwhile is identity
   * withdrawing its key, and that already reaches this process only with the next key fetch
   * (maxAgeMs): the cache adds at most this long to it.
   */
  cacheTtlMs?: number;
  /** Most verified tokens kept; the oldest go first, so memory stays bounded whatever arrives. */
  cacheMaxEntries?: number;
}

export const TOKEN_VERIFIER_DEFAULTS: Required<TokenVerifierOptions> = {
  maxAgeMs: 5 * 60_000,
  minRefetchIntervalMs: 2_000,
  clockToleranceSeconds: 30,
  cacheTtlMs: 30_000,
  cacheMaxEntries: 10_000,
};

type KeySet = ReturnType<typeof createLocalJWKSet>;

const INVALID = 'Het toegangstoken is ongeldig.';
const EXPIRED = 'Het toegangstoken is verlopen; vraag een nieuw aan.';

/**
 * Verifies identity's access tokens (libs/contracts token.ts) and turns them into a Principal.
 * Only EdDSA with one of identity's published keys is accepted, so `alg: none` and HMAC tokens
 * signed with a public key are refused before any claim is read; issuer, audience, type, expiry
 * and the claims' shapes are all checked. Every refusal is UNAUTHENTICATED.
 */
export class TokenVerifier {
  private readonly options: Required<TokenVerifierOptions>;
  private keys?: { set: KeySet; fetchedAt: number };
  private inFlight?: Promise<KeySet>;
  private lastFetchAt = Number.NEGATIVE_INFINITY;
  /**
   * Verified tokens by their exact text. A request usually passes two verifiers (gateway and
   * bouwsteen) and a client sends the same token for minutes, so signature checks dominated the
   * cost of a write. Keyed by the whole string: a token altered in any byte is another key and is
   * verified in full; only successes are kept.
   */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly source: JwksSource,
    options: TokenVerifierOptions = {},
  ) {
    this.options = { ...TOKEN_VERIFIER_DEFAULTS, ...options };
  }

  async verify(token: string): Promise<Principal> {
    const cached = this.verified.get(token);
    if (cached) {
      if (Date.now() < cached.until) return copyOf(cached.principal);
      this.verified.delete(token);
    }
    const { principal, exp } = await this.verifyInFull(token);
    this.remember(token, principal, exp);
    return copyOf(principal);
  }

  private remember(token: string, principal: Principal, exp: number): void {
    const until = Math.min(exp * 1000, Date.now() + this.options.cacheTtlMs);
    if (until <= Date.now() || this.options.cacheMaxEntries <= 0) return;
    if (this.verified.size >= this.options.cacheMaxEntries) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { principal, until });
  }

  private async verifyInFull(token: string): Promise<{ principal: Principal; exp: number }> {
    // Garbage, `alg: none`, HMAC and tokens without a kid are refused before identity is asked for keys.
    if (!looksSigned(token)) throw new DomainError('UNAUTHENTICATED', INVALID);
    let keys = await this.keySet();
    try {
      return await this.verifyWith(token, keys);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw refusal(error);
    }
    keys = await this.refetchForUnknownKid();
    try {
      return await this.verifyWith(token, keys);
    } catch (error) {
      throw refusal(error);
    }
  }

  private async verifyWith(token: string, keys: KeySet): Promise<{ principal: Principal; exp: number }> {
    const { payload } = await jwtVerify(token, keys, {
      algorithms: [TOKEN_ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      typ: 'at+jwt',
      clockTolerance: this.options.clockToleranceSeconds,
      requiredClaims: ['sub', 'iat', 'exp', 'jti'],
    });
    return { principal: principalOf(payload), exp: payload.exp as number };
  }

  private async refetchForUnknownKid(): Promise<KeySet> {
    if (this.inFlight) return this.inFlight;
    const wait = this.lastFetchAt + this.options.minRefetchIntervalMs - Date.now();
    if (wait > 0) {
      const before = this.lastFetchAt;
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (this.inFlight) return this.inFlight;
      // Someone else fetched while this one waited: their keys are as fresh as it gets.
      if (this.keys && this.lastFetchAt !== before) return this.keys.set;
    }
    return this.fetch();
  }

  private async keySet(): Promise<KeySet> {
    if (this.keys && Date.now() - this.keys.fetchedAt < this.options.maxAgeMs) return this.keys.set;
    if (!this.keys) return this.fetch();
    // Stale keys: fetch fresh ones, but keep verifying with the old set while identity is away.
    return this.fetch().catch(() => (this.keys as { set: KeySet }).set);
  }

  /** One fetch at a time; concurrent callers share it. */
  private fetch(): Promise<KeySet> {
    if (!this.inFlight) {
      this.lastFetchAt = Date.now();
      this.inFlight = this.source()
        .then((jwks) => {
          const set = createLocalJWKSet(jwks as JSONWebKeySet);
          this.keys = { set, fetchedAt: Date.now() };
          return set;
        })
        .finally(() => (this.inFlight = undefined));
    }
    return this.inFlight;
  }
}

function looksSigned(token: string): boolean {
  try {
    const header = decodeProtectedHeader(token);
    return header.alg === TOKEN_ALGORITHM && typeof header.kid === 'string' && header.kid.length > 0;
  } catch {
    return false;
  }
}

/** Callers may change what they get; the cached principal must stay as verified. */
function copyOf(principal: Principal): Principal {
  return { ...principal, rollen: [...principal.rollen] };
}

function refusal(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof errors.JWTExpired) return new DomainError('UNAUTHENTICATED', EXPIRED);
  return new DomainError('UNAUTHENTICATED', INVALID);
}

/** The claims, checked against the contract: a correctly signed token with odd claims is still refused. */
export function principalOf(payload: JWTPayload): Principal {
  const { sub, gemeente, rollen, segment, organisatie, geverifieerdGebied, amr } = payload;
  const ok =
    typeof sub === 'string' &&
    sub.length > 0 &&
    (gemeente === undefined || (typeof gemeente === 'string' && GEMEENTE_CODE_PATTERN.test(gemeente))) &&
    Array.isArray(rollen) &&
    rollen.every((rol) => (ROLLEN as readonly unknown[]).includes(rol)) &&
    (SEGMENTEN as readonly unknown[]).includes(segment) &&
    (organisatie === undefined || typeof organisatie === 'string') &&
    (geverifieerdGebied === undefined || typeof geverifieerdGebied === 'string') &&
    Array.isArray(amr) &&
    amr.every((method) => typeof method === 'string');
  if (!ok) throw new DomainError('UNAUTHENTICATED', INVALID);
  const roles = rollen as Rol[];
  // Only a platformbeheerder acts suite-wide; anyone else's token must name their gemeente.
  if (gemeente === undefined && !roles.includes('platformbeheerder')) throw new DomainError('UNAUTHENTICATED', INVALID);
  return {
    accountId: sub,
    rollen: [...roles],
    segment: segment as Segment,
    tweedeFactor: (amr as string[]).includes('otp'),
    ...(gemeente ? { gemeente: gemeente as string } : {}),
    ...(organisatie ? { organisatie: organisatie as string } : {}),
    ...(geverifieerdGebied ? { geverifieerdGebied: geverifieerdGebied as string } : {}),
  };
}
