import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { base64url, SignJWT } from 'jose';
import type { NatsConnection } from 'nats';
import { CONTEXT_HEADERS, GEMEENTE_SUBJECTS, MIJ_SUBJECTS, SLEUTEL_SUBJECTS, TOKEN_AUDIENCE, TOKEN_ISSUER, type Jwks, type Principal } from '@samen/contracts';
import { BouwsteenClient, TokenVerifier } from '@samen/platform';
import { dataOf, definitionOf, errorOf, natsConnect, request, serviceEnv, startTestService, testTokenSigner, truncate, withClient } from '@samen/testing';
import { IdentityEnv } from '../config/identity-env';
import { rotateSigningKey } from './rotate-signing-key';
import { KeyEncryption } from './key-encryption';
import { SigningKeys } from './signing-keys';
import { DEVELOPMENT_KEY_SECRET } from './sleutels.module';
import { TokenIssuer } from './token-issuer';

const SECRET = 'integration-test-key-secret-0123456789abcdef';

describe('identity tokens over NATS', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let issuer: TokenIssuer;
  const ask = <T>(subject: string, headers: Record<string, string> = {}, payload: unknown = {}) => request<T>(subject, payload, headers, { nc });
  const bearer = (token: string) => ({ [CONTEXT_HEADERS.authorization]: `Bearer ${token}` });
  const issue = (overrides: Partial<Parameters<TokenIssuer['issueAccessToken']>[0]> = {}) =>
    issuer.issueAccessToken({ accountId: randomUUID(), gemeente: 'GM0637', rollen: ['inwoner'], segment: 'inwoner', amr: ['pwd'], ...overrides });

  beforeAll(async () => {
    await truncate('identity', ['signing_key']);
    app = await startTestService(definitionOf('identity'), { IDENTITY_KEY_SECRET: SECRET });
    nc = await natsConnect();
    issuer = app.get(TokenIssuer);
  });

  afterAll(async () => {
    await nc?.close();
    await app?.close();
  });

  it('creates a key on first use, publishes its public half, and stores the private half encrypted', async () => {
    const { accessToken, verlooptTijdstip } = await issue();
    expect(new Date(verlooptTijdstip).getTime() - Date.now()).toBeGreaterThan(590_000);
    const header = JSON.parse(Buffer.from(accessToken.split('.')[0], 'base64url').toString()) as Record<string, unknown>;
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'at+jwt' });

    const jwks = dataOf(await ask<Jwks>(SLEUTEL_SUBJECTS.jwks));
    expect(jwks.keys).toEqual([{ kid: header.kid, kty: 'OKP', crv: 'Ed25519', x: expect.any(String), alg: 'EdDSA', use: 'sig' }]);

    const rows = await withClient('identity', (c) => c.query<{ kid: string; private_key_encrypted: string }>('select kid, private_key_encrypted from identity.signing_key'));
    expect(rows.rows).toHaveLength(1);
    const sealed = rows.rows[0].private_key_encrypted;
    expect(sealed).toMatch(/^v1\./);
    // Only the right secret opens it, and only for its own kid.
    expect(new KeyEncryption(SECRET).decrypt(sealed, String(header.kid)).length).toBeGreaterThan(32);
    expect(() => new KeyEncryption(DEVELOPMENT_KEY_SECRET).decrypt(sealed, String(header.kid))).toThrow();
    expect(() => new KeyEncryption(SECRET).decrypt(sealed, 'another-kid')).toThrow();
  });

  it('identity.v1.mij.get answers the principal of a good token', async () => {
    const accountId = randomUUID();
    const { accessToken } = await issue({ accountId, rollen: ['ambtenaar'], segment: 'gemeente', amr: ['pwd', 'otp'] });
    expect(dataOf(await ask<Principal>(MIJ_SUBJECTS.get, bearer(accessToken)))).toEqual({
      accountId,
      gemeente: 'GM0637',
      rollen: ['ambtenaar'],
      segment: 'gemeente',
      tweedeFactor: true,
    });
  });

  it('refuses a call without a token with 401 and the caller’s correlation id', async () => {
    expect(errorOf(await ask(MIJ_SUBJECTS.get, { [CONTEXT_HEADERS.correlationId]: 'mij-anon' }))).toMatchObject({
      code: 'UNAUTHENTICATED',
      status: 401,
      correlationId: 'mij-anon',
    });
  });

  describe('refuses a bad token sent straight over NATS (401)', () => {
    const claims = () => {
      const now = Math.floor(Date.now() / 1000);
      return { iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: randomUUID(), gemeente: 'GM0637', rollen: ['platformbeheerder'], segment: 'inwoner', amr: ['pwd'], iat: now, exp: now + 600, jti: randomUUID() };
    };

    it('tampered: rollen changed after signing', async () => {
      const [header, payload, signature] = (await issue()).accessToken.split('.');
      const changed = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), rollen: ['platformbeheerder'] };
      const forged = `${header}.${base64url.encode(JSON.stringify(changed))}.${signature}`;
      expect(errorOf(await ask(MIJ_SUBJECTS.get, bearer(forged))).code).toBe('UNAUTHENTICATED');
    });

    it('expired, though signed with identity’s own key', async () => {
      const key = await app.get(SigningKeys).current();
      const past = Math.floor(Date.now() / 1000) - 3600;
      const expired = await new SignJWT({ ...claims(), iat: past - 600, exp: past })
        .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'at+jwt' })
        .sign(key.privateKey);
      expect(errorOf(await ask(MIJ_SUBJECTS.get, bearer(expired)))).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/verlopen/) });
    });

    it('signed with a key identity never had', async () => {
      const stranger = await testTokenSigner();
      expect(errorOf(await ask(MIJ_SUBJECTS.get, bearer(await stranger.sign()))).code).toBe('UNAUTHENTICATED');
    });

    it('alg none', async () => {
      const kid = dataOf(await ask<Jwks>(SLEUTEL_SUBJECTS.jwks)).keys[0].kid;
      const none = `${base64url.encode(JSON.stringify({ alg: 'none', kid, typ: 'at+jwt' }))}.${base64url.encode(JSON.stringify(claims()))}.`;
      expect(errorOf(await ask(MIJ_SUBJECTS.get, bearer(none))).code).toBe('UNAUTHENTICATED');
    });
  });

  it('refuses a token of another gemeente (403), and lets a platformbeheerder in anywhere', async () => {
    const { accessToken } = await issue({ gemeente: 'GM0637' });
    expect(errorOf(await ask(MIJ_SUBJECTS.get, { ...bearer(accessToken), [CONTEXT_HEADERS.gemeente]: 'GM0518' }))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    const beheer = await issuer.issueAccessToken({ accountId: randomUUID(), rollen: ['platformbeheerder'], segment: 'gemeente', amr: ['pwd', 'otp'] });
    expect(dataOf(await ask<Principal>(MIJ_SUBJECTS.get, { ...bearer(beheer.accessToken), [CONTEXT_HEADERS.gemeente]: 'GM0518' })).rollen).toEqual(['platformbeheerder']);
  });

  it('keeps the internal gemeenten.upsert working without a token, and refuses it on a user’s behalf', async () => {
    const upsert = { code: 'GM0999', naam: 'Proefdorp', bouwstenen: ['identity'] };
    expect(dataOf(await ask(GEMEENTE_SUBJECTS.upsert, {}, upsert))).toMatchObject({ code: 'GM0999' });
    const { accessToken } = await issuer.issueAccessToken({ accountId: randomUUID(), rollen: ['platformbeheerder'], segment: 'gemeente', amr: ['pwd', 'otp'] });
    expect(errorOf(await ask(GEMEENTE_SUBJECTS.upsert, bearer(accessToken), upsert)).code).toBe('FORBIDDEN');
  });

  it('rotates: tokens of the previous key stay valid, new tokens use the new key, the JWKS has both', async () => {
    const before = await issue();
    const keys = app.get(SigningKeys);
    const oldKid = (await keys.current()).kid;
    const newKid = await keys.rotate();
    expect(newKid).not.toBe(oldKid);
    const after = await issue();
    expect(JSON.parse(Buffer.from(after.accessToken.split('.')[0], 'base64url').toString()).kid).toBe(newKid);

    const kids = dataOf(await ask<Jwks>(SLEUTEL_SUBJECTS.jwks)).keys.map((k) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([oldKid, newKid]));
    // The service's own verifier meets the new kid and fetches the keys again by itself.
    expect(dataOf(await ask<Principal>(MIJ_SUBJECTS.get, bearer(after.accessToken))).gemeente).toBe('GM0637');
    expect(dataOf(await ask<Principal>(MIJ_SUBJECTS.get, bearer(before.accessToken))).gemeente).toBe('GM0637');
  });

  it('rotates from the command line (rotate-signing-key) too: the new key is published beside the old', async () => {
    const before = dataOf(await ask<Jwks>(SLEUTEL_SUBJECTS.jwks)).keys.map((k) => k.kid);
    const kid = await rotateSigningKey(serviceEnv('identity', { IDENTITY_KEY_SECRET: SECRET }, IdentityEnv) as IdentityEnv);
    const after = dataOf(await ask<Jwks>(SLEUTEL_SUBJECTS.jwks)).keys.map((k) => k.kid);
    expect(before).not.toContain(kid);
    expect(after).toEqual(expect.arrayContaining([kid, ...before]));
  });

  it('a verifier fetches the JWKS once more for an unknown kid, and not for known ones', async () => {
    let fetches = 0;
    const client = app.get(BouwsteenClient);
    const verifier = new TokenVerifier(
      async () => {
        fetches++;
        return client.request<Jwks>(SLEUTEL_SUBJECTS.jwks, {}, { correlationId: randomUUID() });
      },
      { minRefetchIntervalMs: 100 },
    );
    const first = await issue();
    await verifier.verify(first.accessToken);
    expect(fetches).toBe(1);

    await app.get(SigningKeys).rotate();
    const rotated = await issue();
    await verifier.verify(rotated.accessToken);
    expect(fetches).toBe(2);

    await verifier.verify(first.accessToken);
    await verifier.verify((await issue()).accessToken);
    expect(fetches).toBe(2);
  });

  it('an instance with another IDENTITY_KEY_SECRET cannot use the stored key: it says so and signs with a new one', async () => {
    const other = await startTestService(definitionOf('identity'), { IDENTITY_KEY_SECRET: `${SECRET}-changed` });
    try {
      const current = (await app.get(SigningKeys).current()).kid;
      const { accessToken } = await other.get(TokenIssuer).issueAccessToken({ accountId: randomUUID(), gemeente: 'GM0637', rollen: ['inwoner'], segment: 'inwoner', amr: ['pwd'] });
      expect(JSON.parse(Buffer.from(accessToken.split('.')[0], 'base64url').toString()).kid).not.toBe(current);
      expect(dataOf(await ask<Principal>(MIJ_SUBJECTS.get, bearer(accessToken))).gemeente).toBe('GM0637');
    } finally {
      await other.close();
    }
  });
});
