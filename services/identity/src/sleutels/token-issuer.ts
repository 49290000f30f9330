import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER, type Rol, type Segment } from '@samen/contracts';
import { SigningKeys } from './signing-keys';
import { ACCESS_TOKEN_TTL_SECONDS } from './sleutels.tokens';

export interface AccessTokenInput {
  accountId: string;
  /** Absent only for a platformbeheerder, who acts suite-wide. */
  gemeente?: string;
  rollen: Rol[];
  segment: Segment;
  organisatie?: string;
  geverifieerdGebied?: string;
  /** Authentication methods used, e.g. ['pwd', 'otp']. */
  amr: string[];
}

export interface IssuedAccessToken {
  accessToken: string;
  /** UTC date-time at which the token expires. */
  verlooptTijdstip: string;
}

/**
 * Signs access tokens (libs/contracts AccessTokenClaims) with identity's current key. Deciding
 * *whether* someone gets a token (password, second factor, mandate) is the caller's job.
 */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly keys: SigningKeys,
    @Inject(ACCESS_TOKEN_TTL_SECONDS) private readonly ttlSeconds: number,
  ) {}

  async issueAccessToken(input: AccessTokenInput): Promise<IssuedAccessToken> {
    const key = await this.keys.current();
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + this.ttlSeconds;
    const claims = {
      rollen: [...input.rollen],
      segment: input.segment,
      amr: [...input.amr],
      ...(input.gemeente ? { gemeente: input.gemeente } : {}),
      ...(input.organisatie ? { organisatie: input.organisatie } : {}),
      ...(input.geverifieerdGebied ? { geverifieerdGebied: input.geverifieerdGebied } : {}),
    };
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid, typ: 'at+jwt' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(input.accountId)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(key.privateKey);
    return { accessToken, verlooptTijdstip: new Date(exp * 1000).toISOString() };
  }
}
