import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { base64url } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@samen/contracts';
import { loadEnv } from '@samen/platform';
import { definitionOf, startTestService, testEnv, testTokenSigner } from '@samen/testing';
import { TokenIssuer } from '../../../services/identity/src/sleutels/token-issuer';
import { GatewayEnv } from '../config/gateway-env';
import { createGateway } from '../create-gateway';

// The gateway in front of the real identity: it verifies access tokens itself (and identity again).

describe('gateway: access tokens', () => {
  let identity: NestFastifyApplication;
  let gateway: NestFastifyApplication;
  let url: string;
  let issuer: TokenIssuer;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}/api/v1${path}`, { headers });
  const issue = (gemeente = 'GM0637') => issuer.issueAccessToken({ accountId: randomUUID(), gemeente, rollen: ['inwoner'], segment: 'inwoner', amr: ['pwd'] });

  async function expectProblem(response: Response, status: number, code: string): Promise<void> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status, code });
    if (status === 401) expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  }

  beforeAll(async () => {
    identity = await startTestService(definitionOf('identity'));
    issuer = identity.get(TokenIssuer);
    gateway = await createGateway(loadEnv(GatewayEnv, { NODE_ENV: 'test', NATS_URL: testEnv().natsUrl, LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent' }));
    await gateway.listen(0, '127.0.0.1');
    url = await gateway.getUrl();
    // NATS connects in the background.
    for (let i = 0; i < 50 && (await fetch(`${url}/health/ready`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
  });

  afterAll(async () => {
    await gateway?.close();
    await identity?.close();
  });

  it('GET /sleutels publishes the JWKS, cacheable for a short time', async () => {
    const response = await get('/sleutels');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const { keys } = (await response.json()) as { keys: Array<Record<string, unknown>> };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
  });

  it('GET /mij answers the principal of a good token, in the token’s gemeente', async () => {
    const response = await get('/mij', { authorization: `Bearer ${(await issue()).accessToken}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ gemeente: 'GM0637', rollen: ['inwoner'], segment: 'inwoner', tweedeFactor: false });
  });

  it('GET /mij is 401 with a Bearer challenge without a token, or with a tampered, foreign, expired or alg-none one', async () => {
    await expectProblem(await get('/mij'), 401, 'UNAUTHENTICATED');

    const [header, payload, signature] = (await issue()).accessToken.split('.');
    const raised = base64url.encode(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), rollen: ['platformbeheerder'] }));
    await expectProblem(await get('/mij', { authorization: `Bearer ${header}.${raised}.${signature}` }), 401, 'UNAUTHENTICATED');

    const stranger = await testTokenSigner();
    await expectProblem(await get('/mij', { authorization: `Bearer ${await stranger.sign()}` }), 401, 'UNAUTHENTICATED');
    // The kid is identity's, the key is not.
    const kid = JSON.parse(Buffer.from(header, 'base64url').toString()).kid as string;
    await expectProblem(await get('/mij', { authorization: `Bearer ${await stranger.sign({}, { header: { kid } })}` }), 401, 'UNAUTHENTICATED');

    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: randomUUID(), gemeente: 'GM0637', rollen: ['inwoner'], segment: 'inwoner', amr: ['pwd'], iat: now, exp: now + 600, jti: randomUUID() };
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', kid, typ: 'at+jwt' }))}.${base64url.encode(JSON.stringify(claims))}.`;
    await expectProblem(await get('/mij', { authorization: `Bearer ${none}` }), 401, 'UNAUTHENTICATED');
  });

  it('GET /mij is 403 for a token of another gemeente than Samen-Gemeente', async () => {
    await expectProblem(await get('/mij', { authorization: `Bearer ${(await issue('GM0637')).accessToken}`, 'Samen-Gemeente': 'GM0518' }), 403, 'FORBIDDEN');
  });

  it('public routes stay public, and still refuse a bad token', async () => {
    expect((await get('/gemeenten')).status).toBe(200);
    expect((await get('/bouwstenen')).status).toBe(200);
    expect((await get('/openapi.json')).status).toBe(200);
    await expectProblem(await get('/gemeenten', { authorization: 'Bearer not-a-token' }), 401, 'UNAUTHENTICATED');
    expect((await get('/gemeenten', { authorization: `Bearer ${(await issue()).accessToken}` })).status).toBe(200);
  });
});
