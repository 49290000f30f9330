import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type JWTHeaderParameters, type KeyLike } from 'jose';
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER, type Jwks } from '@samen/contracts';

export interface SignOptions {
  /** Replaces header members (e.g. another kid or alg). */
  header?: Partial<JWTHeaderParameters>;
  /** Seconds from now; negative for a token that has already expired. Default 600. */
  expiresIn?: number;
  /** Seconds from now before which the token is not valid (`nbf`). */
  notBefore?: number;
}

/**
 * Claims of a test token, merged over the defaults; `undefined` leaves a claim out. Any value is
 * allowed, since tests also sign tokens that break the contract (see AccessTokenClaims).
 */
export type TestClaims = Record<string, unknown>;

/** An Ed25519 key pair of its own, to sign access tokens as identity would, and its JWKS. */
export interface TestTokenSigner {
  kid: string;
  jwks: Jwks;
  privateKey: KeyLike;
  sign(claims?: TestClaims, options?: SignOptions): Promise<string>;
}

/** Default claims: an inwoner of GM0637 who logged in with a password. */
export async function testTokenSigner(): Promise<TestTokenSigner> {
  const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return {
    kid,
    privateKey,
    jwks: { keys: [{ ...jwk, kid, kty: String(jwk.kty), alg: TOKEN_ALGORITHM, use: 'sig' }] },
    async sign(claims: TestClaims = {}, options: SignOptions = {}) {
      const now = Math.floor(Date.now() / 1000);
      const all: Record<string, unknown> = {
        iss: TOKEN_ISSUER,
        aud: TOKEN_AUDIENCE,
        sub: randomUUID(),
        gemeente: 'GM0637',
        rollen: ['inwoner'],
        segment: 'inwoner',
        amr: ['pwd'],
        iat: now,
        exp: now + (options.expiresIn ?? 600),
        jti: randomUUID(),
        ...(options.notBefore !== undefined ? { nbf: now + options.notBefore } : {}),
        ...claims,
      };
      for (const key of Object.keys(all)) if (all[key] === undefined) delete all[key];
      return new SignJWT(all).setProtectedHeader({ alg: TOKEN_ALGORITHM, kid, typ: 'at+jwt', ...options.header } as JWTHeaderParameters).sign(privateKey);
    },
  };
}
