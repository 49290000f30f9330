import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from 'nats';
import { GEMEENTE_SUBJECTS } from '@samen/contracts';
import { loadEnv } from '@samen/platform';
import { dataOf, definitionOf, natsConnect, pollUntil, request, startTestService, testEnv, truncate, withClient } from '@samen/testing';
import { totpCode } from '../../../services/identity/src/accounts/totp';
import { MailTransport, type MemoryMailTransport } from '../../../services/identity/src/mail/mail-transport';
import { GatewayEnv } from '../config/gateway-env';
import { createGateway } from '../create-gateway';

// Accounts and sessions over real HTTP: the gateway and the real identity in this process.

describe('gateway: accounts and sessions over HTTP', () => {
  let identity: NestFastifyApplication;
  let gateway: NestFastifyApplication;
  let nc: NatsConnection;
  let base: string;
  let mail: MemoryMailTransport;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'samen-gemeente': 'GM0637', ...headers },
      body: JSON.stringify(body),
    });

  async function expectProblem(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('api-version')).toBe('1.0.0');
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ status, code, title: expect.any(String), detail: expect.any(String) });
    return problem;
  }

  function tokenUit(adres: string, pad: string): string {
    const match = new RegExp(`\\(POST /api/v1/${pad}\\): (\\S+)`).exec(mail.aan(adres).at(-1)?.tekst ?? '');
    if (!match) throw new Error(`no token in the mail to ${adres}`);
    return match[1];
  }

  beforeAll(async () => {
    await truncate('identity', ['refresh_token', 'account_token', 'account', 'outbox']);
    identity = await startTestService(definitionOf('identity'));
    mail = identity.get(MailTransport) as MemoryMailTransport;
    nc = await natsConnect();
    dataOf(await request(GEMEENTE_SUBJECTS.upsert, { code: 'GM0637', naam: 'Zoetermeer', bouwstenen: ['identity'] }, {}, { nc }));
    const env = loadEnv(GatewayEnv, { NODE_ENV: 'test', NATS_URL: testEnv().natsUrl, LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent' });
    gateway = await createGateway(env);
    await gateway.listen(0, '127.0.0.1');
    base = await gateway.getUrl();
    await pollUntil(async () => (await fetch(`${base}/health/ready`)).status === 200, { what: 'gateway ready' });
  });

  afterAll(async () => {
    await gateway?.close();
    await identity?.close();
    await nc?.close();
  });

  it('register 202 → confirm 204 → login 201 → refresh 200 → reuse 401 → logout 204', async () => {
    const registratie = { email: 'hanna@example.org', wachtwoord: 'een lange zin als wachtwoord', weergavenaam: 'Hanna' };
    const eerste = await post('/accounts', registratie);
    expect(eerste.status).toBe(202);
    // The same answer for a taken address.
    expect((await post('/accounts', registratie)).status).toBe(202);

    await expectProblem(await post('/sessies', { email: 'hanna@example.org', wachtwoord: registratie.wachtwoord }), 403, 'FORBIDDEN');
    expect((await post('/e-mailbevestigingen', { token: tokenUit('hanna@example.org', 'e-mailbevestigingen') })).status).toBe(204);

    const login = await post('/sessies', { email: 'hanna@example.org', wachtwoord: registratie.wachtwoord });
    expect(login.status).toBe(201);
    const sessie = (await login.json()) as Record<string, string>;
    expect(sessie).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), tweedeFactorInstellen: false });

    const vernieuwd = await post('/sessies/_vernieuwen', { refreshToken: sessie.refreshToken });
    expect(vernieuwd.status).toBe(200);
    const nieuw = (await vernieuwd.json()) as Record<string, string>;
    await expectProblem(await post('/sessies/_vernieuwen', { refreshToken: sessie.refreshToken }), 401, 'UNAUTHENTICATED');
    await expectProblem(await post('/sessies/_vernieuwen', { refreshToken: nieuw.refreshToken }), 401, 'UNAUTHENTICATED');

    const opnieuw = (await (await post('/sessies', { email: 'hanna@example.org', wachtwoord: registratie.wachtwoord })).json()) as Record<string, string>;
    expect((await post('/sessies/huidige', { refreshToken: opnieuw.refreshToken }, {}, 'DELETE')).status).toBe(204);
    await expectProblem(await post('/sessies/_vernieuwen', { refreshToken: opnieuw.refreshToken }), 401, 'UNAUTHENTICATED');
  });

  it('answers bad input with 400 problems naming every field', async () => {
    const problem = await expectProblem(await post('/accounts', { email: 'geen-adres', wachtwoord: 'kort', extra: 1 }), 400, 'VALIDATION_FAILED');
    const names = [...new Set((problem['invalid-params'] as Array<{ name: string }>).map((p) => p.name))].sort();
    expect(names).toEqual(['email', 'extra', 'wachtwoord', 'weergavenaam']);
    const zwak = await expectProblem(await post('/accounts', { email: 'i@example.org', wachtwoord: 'password1234', weergavenaam: 'I' }), 400, 'VALIDATION_FAILED');
    expect(zwak['invalid-params']).toEqual([expect.objectContaining({ name: 'wachtwoord' })]);
  });

  it('wrong password 401 with a bearer challenge; a locked account 429', async () => {
    const fout = await post('/sessies', { email: 'niemand@example.org', wachtwoord: 'wat dan ook' });
    await expectProblem(fout, 401, 'UNAUTHENTICATED');
    expect(fout.headers.get('www-authenticate')).toMatch(/^Bearer/);

    await post('/accounts', { email: 'ivo@example.org', wachtwoord: 'een lange zin als wachtwoord', weergavenaam: 'Ivo' });
    await post('/e-mailbevestigingen', { token: tokenUit('ivo@example.org', 'e-mailbevestigingen') });
    for (let i = 0; i < 5; i++) expect((await post('/sessies', { email: 'ivo@example.org', wachtwoord: 'verkeerd verkeerd' })).status).toBe(401);
    const locked = await post('/sessies', { email: 'ivo@example.org', wachtwoord: 'een lange zin als wachtwoord' });
    const problem = await expectProblem(locked, 429, 'TOO_MANY_REQUESTS');
    expect(problem.detail).toMatch(/Probeer het over 15 minuten opnieuw/);
    // When to try again, for a client to count down: the lock's 15 minutes, in seconds.
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
  });

  it('password reset over HTTP: 202 for anyone, 204 with the code, 422 with a used code', async () => {
    expect((await post('/wachtwoordherstel', { email: 'onbekend@example.org' })).status).toBe(202);
    expect((await post('/wachtwoordherstel', { email: 'hanna@example.org' })).status).toBe(202);
    const token = tokenUit('hanna@example.org', 'wachtwoordherstel/_voltooien');
    expect((await post('/wachtwoordherstel/_voltooien', { token, wachtwoord: 'mijn nieuwe lange wachtwoord' })).status).toBe(204);
    await expectProblem(await post('/wachtwoordherstel/_voltooien', { token, wachtwoord: 'mijn nieuwe lange wachtwoord' }), 422, 'RULE_VIOLATED');
  });

  it('logout with only the access token (no body) ends every session; with nothing it is a 401', async () => {
    const login = (await (await post('/sessies', { email: 'hanna@example.org', wachtwoord: 'mijn nieuwe lange wachtwoord' })).json()) as Record<string, string>;
    const uit = await fetch(`${base}/api/v1/sessies/huidige`, { method: 'DELETE', headers: { authorization: `Bearer ${login.accessToken}` } });
    expect(uit.status).toBe(204);
    await expectProblem(await post('/sessies/_vernieuwen', { refreshToken: login.refreshToken }), 401, 'UNAUTHENTICATED');
    await expectProblem(await fetch(`${base}/api/v1/sessies/huidige`, { method: 'DELETE' }), 401, 'UNAUTHENTICATED');
  });

  it('staff without a second factor get only an enrolment token over HTTP, and enrol with it', async () => {
    await post('/accounts', { email: 'mila@example.org', wachtwoord: 'een lange zin als wachtwoord', weergavenaam: 'Mila' });
    await post('/e-mailbevestigingen', { token: tokenUit('mila@example.org', 'e-mailbevestigingen') });
    await withClient('identity', (c) => c.query(`update identity.account set rollen = '{ambtenaar}' where email = 'mila@example.org'`));
    const login = await post('/sessies', { email: 'mila@example.org', wachtwoord: 'een lange zin als wachtwoord' });
    expect(login.status).toBe(201);
    const body = (await login.json()) as Record<string, string>;
    expect(body).toEqual({ tweedeFactorInstellen: true, inschrijfToken: expect.any(String), inschrijfVerlooptTijdstip: expect.any(String) });

    const inschrijving = await post('/mij/tweede-factor', { inschrijfToken: body.inschrijfToken });
    expect(inschrijving.status).toBe(201);
    const { geheim } = (await inschrijving.json()) as { geheim: string };
    expect((await post('/mij/tweede-factor/_activeren', { inschrijfToken: body.inschrijfToken, code: totpCode(geheim, new Date()) })).status).toBe(204);
    const vol = await post('/sessies', { email: 'mila@example.org', wachtwoord: 'een lange zin als wachtwoord', totpCode: totpCode(geheim, new Date(Date.now() + 30_000)) });
    expect(vol.status).toBe(201);
    expect(await vol.json()).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), tweedeFactorInstellen: false });
  });

  it('second factor needs a login', async () => {
    await expectProblem(await post('/mij/tweede-factor', {}), 401, 'UNAUTHENTICATED');
  });
});
