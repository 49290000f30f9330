import { createHmac, randomUUID } from 'node:crypto';
import { base64url } from 'jose';
import { SLEUTEL_SUBJECTS, TOKEN_ISSUER, type Jwks } from '@samen/contracts';
import { testTokenSigner, type TestTokenSigner } from '@samen/testing/tokens';
import { DomainError } from '../errors/domain-error';
import { TokenVerifier } from './token-verifier';

function encode(part: object): string {
  return base64url.encode(JSON.stringify(part));
}

/** Expects a refusal: UNAUTHENTICATED, never another error or a principal. */
async function expectRefused(verifying: Promise<unknown>, message = /ongeldig/): Promise<void> {
  const error = await verifying.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  expect((error as DomainError).message).toMatch(message);
}

describe('TokenVerifier', () => {
  let signer: TestTokenSigner;
  let other: TestTokenSigner;
  let jwks: Jwks;
  let fetches: number;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    signer = await testTokenSigner();
    other = await testTokenSigner();
  });

  beforeEach(() => {
    jwks = signer.jwks;
    fetches = 0;
    verifier = new TokenVerifier(async () => {
      fetches++;
      return jwks;
    }, { minRefetchIntervalMs: 50 });
  });

  it(`turns a good token into a Principal (keys fetched once, from ${SLEUTEL_SUBJECTS.jwks} in the suite)`, async () => {
    const accountId = randomUUID();
    const token = await signer.sign({ sub: accountId, rollen: ['inwoner', 'moderator'], amr: ['pwd', 'otp'], organisatie: 'org-1', geverifieerdGebied: 'WK063701' });
    expect(await verifier.verify(token)).toEqual({
      accountId,
      gemeente: 'GM0637',
      rollen: ['inwoner', 'moderator'],
      segment: 'inwoner',
      organisatie: 'org-1',
      geverifieerdGebied: 'WK063701',
      tweedeFactor: true,
    });
    await verifier.verify(await signer.sign());
    expect(fetches).toBe(1);
  });

  it('accepts a platformbeheerder without a gemeente', async () => {
    const principal = await verifier.verify(await signer.sign({ gemeente: undefined, rollen: ['platformbeheerder'], amr: ['pwd', 'otp'] }));
    expect(principal).not.toHaveProperty('gemeente');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await signer.sign()).split('.');
    const forged = encode({ ...JSON.parse(Buffer.from((await signer.sign()).split('.')[1], 'base64url').toString()), rollen: ['platformbeheerder'] });
    await expectRefused(verifier.verify(`${header}.${forged}.${signature}`));
  });

  it('refuses a token whose signature was changed', async () => {
    const token = await signer.sign();
    const flipped = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    await expectRefused(verifier.verify(flipped));
  });

  it('refuses an expired token, saying so', async () => {
    await expectRefused(verifier.verify(await signer.sign({}, { expiresIn: -60 })), /verlopen/);
  });

  it('tolerates a little clock skew, not more', async () => {
    await expect(verifier.verify(await signer.sign({}, { expiresIn: -5 }))).resolves.toBeDefined();
  });

  it('refuses a token that is not valid yet', async () => {
    await expectRefused(verifier.verify(await signer.sign({}, { notBefore: 3600 })));
  });

  it('refuses a token signed with another key, even under a published kid', async () => {
    await expectRefused(verifier.verify(await other.sign({}, { header: { kid: signer.kid } })));
  });

  it('refuses a token signed with an unknown key (after one more look at the keys)', async () => {
    await expectRefused(verifier.verify(await other.sign()));
    // The first fetch, and one more for the kid it did not know.
    expect(fetches).toBe(2);
  });

  it('refuses alg none, crafted by hand, without asking for keys', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: TOKEN_ISSUER, aud: 'urn:samen', sub: randomUUID(), gemeente: 'GM0637', rollen: ['platformbeheerder'], segment: 'inwoner', amr: ['pwd'], iat: now, exp: now + 600, jti: randomUUID() };
    for (const header of [{ alg: 'none', typ: 'at+jwt' }, { alg: 'none', kid: signer.kid, typ: 'at+jwt' }, { alg: 'NONE', kid: signer.kid }]) {
      await expectRefused(verifier.verify(`${encode(header)}.${encode(claims)}.`));
    }
    expect(fetches).toBe(0);
  });

  it('refuses HS256 signed with the public key bytes (key confusion)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: TOKEN_ISSUER, aud: 'urn:samen', sub: randomUUID(), gemeente: 'GM0637', rollen: ['platformbeheerder'], segment: 'inwoner', amr: ['pwd'], iat: now, exp: now + 600, jti: randomUUID() };
    const publicX = String(signer.jwks.keys[0].x);
    for (const secret of [Buffer.from(publicX, 'base64url'), Buffer.from(publicX), Buffer.from(JSON.stringify(signer.jwks.keys[0]))]) {
      const input = `${encode({ alg: 'HS256', kid: signer.kid, typ: 'at+jwt' })}.${encode(claims)}`;
      const signature = createHmac('sha256', secret).update(input).digest('base64url');
      await expectRefused(verifier.verify(`${input}.${signature}`));
    }
  });

  it.each([
    ['issuer', { iss: 'urn:someone-else' }],
    ['audience', { aud: 'urn:other-api' }],
  ])('refuses the wrong %s', async (_what, claims) => {
    await expectRefused(verifier.verify(await signer.sign(claims)));
  });

  it('refuses another kind of JWT from the same key (typ must be at+jwt)', async () => {
    await expectRefused(verifier.verify(await signer.sign({}, { header: { typ: 'JWT' } })));
  });

  it.each(['sub', 'exp', 'iat', 'jti', 'rollen', 'segment', 'amr'])('refuses a token without %s', async (claim) => {
    await expectRefused(verifier.verify(await signer.sign({ [claim]: undefined })));
  });

  it.each([
    ['an unknown role', { rollen: ['koning'] }],
    ['an unknown segment', { segment: 'adel' }],
    ['a gemeente that is no CBS code', { gemeente: 'Zoetermeer' }],
    ['no gemeente for a non-platformbeheerder', { gemeente: undefined }],
    ['amr that is not a list of strings', { amr: 'pwd' }],
  ])('refuses %s', async (_what, claims) => {
    await expectRefused(verifier.verify(await signer.sign(claims)));
  });

  it.each(['', 'garbage', 'a.b.c', 'Bearer x'])('refuses %j without asking for keys', async (token) => {
    await expectRefused(verifier.verify(token));
    expect(fetches).toBe(0);
  });

  it('fetches again for an unknown kid (a rotated key), once, and shares one fetch between concurrent callers', async () => {
    await verifier.verify(await signer.sign());
    jwks = { keys: [...other.jwks.keys, ...signer.jwks.keys] };
    const tokens = await Promise.all([1, 2, 3].map(() => other.sign()));
    await Promise.all(tokens.map((token) => verifier.verify(token)));
    expect(fetches).toBe(2);
    await verifier.verify(await other.sign());
    await verifier.verify(await signer.sign());
    expect(fetches).toBe(2);
  });

  it('does not let forged kids make it fetch more than once per interval', async () => {
    await verifier.verify(await signer.sign());
    const started = Date.now();
    await Promise.all([1, 2, 3, 4, 5].map(async () => expectRefused(verifier.verify(await other.sign()))));
    expect(fetches).toBe(2);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('passes on that identity is unavailable instead of calling the token bad', async () => {
    const absent = new TokenVerifier(async () => {
      throw new DomainError('BOUWSTEEN_ABSENT', 'De bouwsteen identity draait nu niet.');
    });
    await expect(absent.verify(await signer.sign())).rejects.toMatchObject({ code: 'BOUWSTEEN_ABSENT' });
  });

  describe('cache of verified tokens', () => {
    // Fetching keys before every full verification (maxAgeMs 0) makes `fetches` count them.
    let cached: TokenVerifier;
    const later = (ms: number) => jest.setSystemTime(Date.now() + ms);

    beforeEach(() => {
      // Only Date is faked: jose's WebCrypto and the verifier's promises run as usual.
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] });
      cached = new TokenVerifier(async () => {
        fetches++;
        return jwks;
      }, { maxAgeMs: 0, minRefetchIntervalMs: 0, clockToleranceSeconds: 0, cacheMaxEntries: 2 });
    });

    afterEach(() => jest.useRealTimers());

    it('answers the same token again without verifying it again, and a changed answer does not stick', async () => {
      const token = await signer.sign({ rollen: ['inwoner', 'moderator'] });
      const first = await cached.verify(token);
      expect(fetches).toBe(1);
      first.rollen.push('platformbeheerder');
      first.accountId = 'iemand-anders';
      const again = await cached.verify(token);
      expect(fetches).toBe(1);
      expect(again.rollen).toEqual(['inwoner', 'moderator']);
      expect(again.accountId).not.toBe('iemand-anders');
    });

    it('never serves a token altered in any way from the cache', async () => {
      const token = await signer.sign();
      await cached.verify(token);
      const [header, payload, signature] = token.split('.');
      const flipped = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = `${header}.${encode({ ...claims, rollen: ['platformbeheerder'] })}.${signature}`;
      await expectRefused(cached.verify(flipped));
      await expectRefused(cached.verify(forged));
    });

    it('stops answering at the token\'s exp', async () => {
      const token = await signer.sign({}, { expiresIn: 10 });
      await cached.verify(token);
      later(9_000);
      await expect(cached.verify(token)).resolves.toBeDefined();
      expect(fetches).toBe(1);
      later(2_000);
      await expectRefused(cached.verify(token), /verlopen/);
    });

    it('verifies again after 30 s, so a key identity withdrew stops working within that time', async () => {
      const token = await signer.sign();
      await cached.verify(token);
      jwks = other.jwks;
      later(29_000);
      await expect(cached.verify(token)).resolves.toBeDefined();
      expect(fetches).toBe(1);
      later(2_000);
      await expectRefused(cached.verify(token));
    });

    it('keeps at most cacheMaxEntries tokens, dropping the oldest', async () => {
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => signer.sign()));
      for (const token of [a, b, c]) await cached.verify(token);
      expect(fetches).toBe(3);
      await cached.verify(b);
      await cached.verify(c);
      expect(fetches).toBe(3);
      await cached.verify(a);
      expect(fetches).toBe(4);
    });

    it('does not remember refusals', async () => {
      const token = await signer.sign();
      jwks = other.jwks;
      await expectRefused(cached.verify(token));
      jwks = signer.jwks;
      await expect(cached.verify(token)).resolves.toBeDefined();
    });
  });
});
