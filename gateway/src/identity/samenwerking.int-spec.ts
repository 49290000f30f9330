import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MikroORM } from '@mikro-orm/core';
import { GEMEENTE_SUBJECTS, type Rol } from '@samen/contracts';
import { loadEnv } from '@samen/platform';
import { dataOf, definitionOf, natsConnect, outboxDrained, request, startTestService, testEnv } from '@samen/testing';
import { Account } from '../../../services/identity/src/accounts/account.entity';
import { TokenIssuer } from '../../../services/identity/src/sleutels/token-issuer';
import { GatewayEnv } from '../config/gateway-env';
import { createGateway } from '../create-gateway';

// The HTTP routes of gemeente settings, organisaties, verification and roles, in front of the real
// identity: the role × route matrix (401/403 as problem+json) and gemeente A against gemeente B.

describe('gateway: instellingen, organisaties, verificaties en rollen', () => {
  let identity: NestFastifyApplication;
  let gateway: NestFastifyApplication;
  let url: string;

  async function token(rollen: Rol[], gemeente: string | undefined = 'GM0637', accountId: string = randomUUID()): Promise<string> {
    const issued = await identity.get(TokenIssuer).issueAccessToken({ accountId, rollen, segment: 'inwoner', amr: ['pwd', 'otp'], ...(gemeente ? { gemeente } : {}) });
    return issued.accessToken;
  }

  /** A real account of the gemeente (members must be accounts there). */
  async function account(gemeente: string): Promise<string> {
    const em = identity.get(MikroORM).em.fork();
    const created = em.create(Account, { gemeente, email: `${randomUUID()}@example.org`, weergavenaam: 'Test', wachtwoordHash: 'x' });
    await em.flush();
    return created.id;
  }

  function call(method: string, path: string, options: { token?: string; gemeente?: string; body?: unknown } = {}): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.gemeente) headers['samen-gemeente'] = options.gemeente;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${url}/api/v1${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  }

  async function expectProblem(response: Response, status: number, code: string): Promise<void> {
    expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status, type: expect.stringMatching(/^application\/problem\+json/) });
    expect(await response.json()).toMatchObject({ status, code });
  }

  beforeAll(async () => {
    identity = await startTestService(definitionOf('identity'));
    const nc = await natsConnect();
    for (const [code, naam] of [['GM0637', 'Zoetermeer'], ['GM0518', "'s-Gravenhage"]]) {
      dataOf(await request(GEMEENTE_SUBJECTS.upsert, { code, naam, bouwstenen: ['identity'] }, {}, { nc }));
    }
    await nc.close();
    gateway = await createGateway(loadEnv(GatewayEnv, { NODE_ENV: 'test', NATS_URL: testEnv().natsUrl, LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent' }));
    await gateway.listen(0, '127.0.0.1');
    url = await gateway.getUrl();
    for (let i = 0; i < 50 && (await fetch(`${url}/health/ready`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
  });

  afterAll(async () => {
    await outboxDrained('identity');
    await gateway?.close();
    await identity?.close();
  });

  it('PUT /gemeenten/{code}/instellingen: gemeentebeheer of that gemeente only', async () => {
    const body = { peilingen: { maxAdviesvragen: 5 } };
    await expectProblem(await call('PUT', '/gemeenten/GM0637/instellingen', { body }), 401, 'UNAUTHENTICATED');
    for (const rol of ['inwoner', 'ambtenaar', 'moderator'] as const) {
      await expectProblem(await call('PUT', '/gemeenten/GM0637/instellingen', { body, token: await token([rol]) }), 403, 'FORBIDDEN');
    }
    await expectProblem(await call('PUT', '/gemeenten/GM0637/instellingen', { body, token: await token(['gemeentebeheerder'], 'GM0518') }), 403, 'FORBIDDEN');
    await expectProblem(await call('PUT', '/gemeenten/GM0637/instellingen', { body: { steundrempel: 0 }, token: await token(['gemeentebeheerder']) }), 400, 'VALIDATION_FAILED');
    const response = await call('PUT', '/gemeenten/GM0637/instellingen', { body, token: await token(['gemeentebeheerder']) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { instellingen: { peilingen: { maxAdviesvragen: number } } }).instellingen.peilingen.maxAdviesvragen).toBe(5);
  });

  it('organisaties: create logged in, read publicly without members, manage members as beheerder, invisible from gemeente B', async () => {
    await expectProblem(await call('POST', '/organisaties', { gemeente: 'GM0637', body: { naam: 'Sportclub', segment: 'maatschappelijk' } }), 401, 'UNAUTHENTICATED');
    const anne = randomUUID();
    const anneToken = await token(['inwoner'], 'GM0637', anne);
    const created = await call('POST', '/organisaties', { token: anneToken, body: { naam: 'Sportclub', segment: 'maatschappelijk', kvkNummer: '87654321' } });
    expect(created.status).toBe(201);
    const org = (await created.json()) as { id: string; aantalLeden: number };
    expect(org).toMatchObject({ naam: 'Sportclub', segment: 'maatschappelijk', kvkNummer: '87654321', gemeente: 'GM0637', aantalLeden: 1 });

    const publiek = await call('GET', `/organisaties/${org.id}`, { gemeente: 'GM0637' });
    expect(publiek.status).toBe(200);
    expect(Object.keys((await publiek.json()) as object).sort()).toEqual(['aangemaaktTijdstip', 'aantalLeden', 'gemeente', 'id', 'kvkNummer', 'naam', 'segment']);
    const lijst = (await (await call('GET', '/organisaties?limiet=100', { gemeente: 'GM0637' })).json()) as { organisaties: Array<{ id: string }>; _links: { self: { href: string } } };
    expect(lijst.organisaties.map((o) => o.id)).toContain(org.id);
    expect(lijst._links.self.href).toBe('/api/v1/organisaties?limiet=100');
    const eerste = (await (await call('GET', '/organisaties?limiet=1', { gemeente: 'GM0637' })).json()) as { organisaties: unknown[]; _links: { next?: { href: string } } };
    expect(eerste.organisaties).toHaveLength(1);
    if (eerste._links.next) expect((await call('GET', eerste._links.next.href.replace('/api/v1', ''), { gemeente: 'GM0637' })).status).toBe(200);
    await expectProblem(await call('GET', '/organisaties?limiet=0', { gemeente: 'GM0637' }), 400, 'VALIDATION_FAILED');

    const bram = await account('GM0637');
    const toegevoegd = await call('POST', `/organisaties/${org.id}/lidmaatschappen`, { token: anneToken, body: { accountId: bram, rol: 'lid' } });
    expect(toegevoegd.status).toBe(201);
    await expectProblem(await call('POST', `/organisaties/${org.id}/lidmaatschappen`, { token: await token(['inwoner'], 'GM0637', bram), body: { accountId: randomUUID(), rol: 'lid' } }), 403, 'FORBIDDEN');
    expect((await call('PUT', `/organisaties/${org.id}/lidmaatschappen/${bram}`, { token: anneToken, body: { rol: 'vertegenwoordiger' } })).status).toBe(200);
    const leden = (await (await call('GET', `/organisaties/${org.id}/lidmaatschappen`, { token: anneToken })).json()) as { lidmaatschappen: unknown[] };
    expect(leden.lidmaatschappen).toHaveLength(2);
    await expectProblem(await call('DELETE', `/organisaties/${org.id}/lidmaatschappen/${anne}`, { token: anneToken }), 422, 'RULE_VIOLATED');
    expect((await call('DELETE', `/organisaties/${org.id}/lidmaatschappen/${bram}`, { token: anneToken })).status).toBe(204);

    // Gemeente B: not found for reads and writes in its own gemeente, forbidden when naming A.
    const beheerB = await token(['gemeentebeheerder'], 'GM0518');
    await expectProblem(await call('GET', `/organisaties/${org.id}`, { gemeente: 'GM0518' }), 404, 'NOT_FOUND');
    await expectProblem(await call('GET', `/organisaties/${org.id}/lidmaatschappen`, { token: beheerB }), 404, 'NOT_FOUND');
    await expectProblem(await call('POST', `/organisaties/${org.id}/lidmaatschappen`, { token: beheerB, body: { accountId: randomUUID(), rol: 'lid' } }), 404, 'NOT_FOUND');
    await expectProblem(await call('POST', `/organisaties/${org.id}/lidmaatschappen`, { token: beheerB, gemeente: 'GM0637', body: { accountId: randomUUID(), rol: 'lid' } }), 403, 'FORBIDDEN');
    await expectProblem(await call('GET', '/organisaties/niet-een-uuid', { gemeente: 'GM0637' }), 400, 'VALIDATION_FAILED');
  });

  it('verificatiecodes: CSV for staff, redeemed once by a resident at /mij/verificaties', async () => {
    const body = { gebied: 'WK063704', aantal: 2, verlooptDatum: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10) };
    await expectProblem(await call('POST', '/verificatiecodes/batches', { body }), 401, 'UNAUTHENTICATED');
    for (const rol of ['inwoner', 'moderator'] as const) {
      await expectProblem(await call('POST', '/verificatiecodes/batches', { body, token: await token([rol]) }), 403, 'FORBIDDEN');
    }
    const response = await call('POST', '/verificatiecodes/batches', { body, token: await token(['ambtenaar']) });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="verificatiecodes-WK063704-[0-9a-f-]{36}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('code,gebied,verlooptDatum');
    expect(lines).toHaveLength(3);
    const [code] = lines[1].split(',');

    await expectProblem(await call('POST', '/mij/verificaties', { body: { code } }), 401, 'UNAUTHENTICATED');
    const inwoner = await token(['inwoner']);
    const redeemed = await call('POST', '/mij/verificaties', { token: inwoner, body: { code } });
    expect(redeemed.status).toBe(201);
    expect(await redeemed.json()).toMatchObject({ gebied: 'WK063704', methode: 'code' });
    await expectProblem(await call('POST', '/mij/verificaties', { token: inwoner, body: { code } }), 422, 'RULE_VIOLATED');
    await expectProblem(await call('POST', '/mij/verificaties', { token: await token(['inwoner'], 'GM0518'), body: { code: lines[2].split(',')[0] } }), 422, 'RULE_VIOLATED');
  });

  it('persoonlijke verificatie and rollen: staff only', async () => {
    const id = randomUUID();
    await expectProblem(await call('POST', `/accounts/${id}/verificaties`, { token: await token(['inwoner']), body: { gebied: 'WK063701' } }), 403, 'FORBIDDEN');
    await expectProblem(await call('POST', `/accounts/${id}/verificaties`, { token: await token(['ambtenaar']), body: { gebied: 'WK063701' } }), 404, 'NOT_FOUND');
    await expectProblem(await call('PUT', `/accounts/${id}/rollen/moderator`), 401, 'UNAUTHENTICATED');
    await expectProblem(await call('PUT', `/accounts/${id}/rollen/moderator`, { token: await token(['ambtenaar']) }), 403, 'FORBIDDEN');
    await expectProblem(await call('PUT', `/accounts/${id}/rollen/platformbeheerder`, { token: await token(['gemeentebeheerder']) }), 400, 'VALIDATION_FAILED');
    await expectProblem(await call('PUT', `/accounts/${id}/rollen/moderator`, { token: await token(['gemeentebeheerder']) }), 404, 'NOT_FOUND');
    await expectProblem(await call('DELETE', `/accounts/${id}/rollen/moderator`, { token: await token(['moderator']) }), 403, 'FORBIDDEN');
  });
});
