import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from 'nats';
import { EVENT_STREAM, GEMEENTE_SUBJECTS } from '@samen/contracts';
import { erasureConsumerName, loadEnv } from '@samen/platform';
import { dataOf, definitionOf, natsConnect, pollUntil, request, startTestService, testEnv, truncate, withClient } from '@samen/testing';
import { MailTransport, type MemoryMailTransport } from '../../../services/identity/src/mail/mail-transport';
import { TokenIssuer } from '../../../services/identity/src/sleutels/token-issuer';
import { GatewayEnv } from '../config/gateway-env';
import { createGateway } from '../create-gateway';

// The AVG routes over real HTTP: the gateway, identity and monitoring in this process; citycontent,
// samenspreker and beleidsagenda do not run, and the export says so instead of failing.

const WACHTWOORD = 'een lange zin als wachtwoord';

describe('gateway: AVG routes (mij, export, erasure, verwerkingen)', () => {
  let identity: NestFastifyApplication;
  let monitoring: NestFastifyApplication;
  let gateway: NestFastifyApplication;
  let nc: NatsConnection;
  let base: string;
  let mail: MemoryMailTransport;

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        'samen-gemeente': 'GM0637',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });

  async function expectProblem(response: Response, status: number, code: string): Promise<void> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status, code });
  }

  async function inwoner(email: string, weergavenaam: string): Promise<{ id: string; token: string }> {
    expect((await call('POST', '/accounts', undefined, { email, wachtwoord: WACHTWOORD, weergavenaam })).status).toBe(202);
    const token = /\(POST \/api\/v1\/e-mailbevestigingen\): (\S+)/.exec(mail.aan(email).at(-1)?.tekst ?? '')?.[1];
    expect((await call('POST', '/e-mailbevestigingen', undefined, { token })).status).toBe(204);
    const sessie = (await (await call('POST', '/sessies', undefined, { email, wachtwoord: WACHTWOORD })).json()) as { accessToken: string };
    const claims = JSON.parse(Buffer.from(sessie.accessToken.split('.')[1], 'base64url').toString()) as { sub: string };
    return { id: claims.sub, token: sessie.accessToken };
  }

  beforeAll(async () => {
    await truncate('identity', ['refresh_token', 'account_token', 'lidmaatschap', 'verificatie', 'account', 'verwerking', 'outbox']);
    identity = await startTestService(definitionOf('identity'));
    monitoring = await startTestService(definitionOf('monitoring'));
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
    await monitoring?.close();
    await identity?.close();
    if (nc) {
      await (await nc.jetstreamManager()).consumers.delete(EVENT_STREAM, erasureConsumerName('monitoring')).catch(() => undefined);
      await nc.close();
    }
  });

  it('GET /mij/account shows my own data; without a token 401', async () => {
    const anna = await inwoner('anna@example.org', 'Anna');
    const response = await call('GET', '/mij/account', anna.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ accountId: anna.id, email: 'anna@example.org', weergavenaam: 'Anna', gemeente: 'GM0637', rollen: ['inwoner'], lidmaatschappen: [] });
    await expectProblem(await call('GET', '/mij/account'), 401, 'UNAUTHENTICATED');
  });

  it('GET /mij/export downloads my data from every running bouwsteen and marks the others absent', async () => {
    const bram = await inwoner('bram@example.org', 'Bram');
    const response = await call('GET', '/mij/export', bram.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="samen-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = (await response.json()) as { accountId: string; bouwstenen: Array<{ bouwsteen: string; status: string; gegevens?: Record<string, unknown> }> };
    expect(body.accountId).toBe(bram.id);
    const per = Object.fromEntries(body.bouwstenen.map((b) => [b.bouwsteen, b]));
    expect(per.identity).toMatchObject({ status: 'geleverd', gegevens: { account: { email: 'bram@example.org', weergavenaam: 'Bram' } } });
    expect(per.monitoring).toEqual({ bouwsteen: 'monitoring', status: 'geleverd', gegevens: {} });
    for (const b of ['citycontent', 'samenspreker', 'beleidsagenda']) expect(per[b]).toEqual({ bouwsteen: b, status: 'absent' });
    expect(JSON.stringify(body)).not.toMatch(/argon2|"hash"/);
    await expectProblem(await call('GET', '/mij/export'), 401, 'UNAUTHENTICATED');

    // The export is in my log.
    const log = await call('GET', '/mij/verwerkingen', bram.token);
    expect(log.status).toBe(200);
    expect(await log.json()).toMatchObject({
      verwerkingen: [{ betrokkene: bram.id, actor: bram.id, handeling: 'export' }],
      _links: { self: { href: '/api/v1/mij/verwerkingen' } },
    });
  });

  it('GET /verwerkingen: the gemeentebeheerder pages through the log of its gemeente; others 403', async () => {
    const cas = await inwoner('cas@example.org', 'Cas');
    await call('GET', '/mij/export', cas.token);
    await call('GET', '/mij/export', cas.token);
    await expectProblem(await call('GET', '/verwerkingen', cas.token), 403, 'FORBIDDEN');
    await expectProblem(await call('GET', '/verwerkingen'), 401, 'UNAUTHENTICATED');

    const beheerder = (
      await identity.get(TokenIssuer).issueAccessToken({ accountId: cas.id, gemeente: 'GM0637', rollen: ['gemeentebeheerder'], segment: 'inwoner', amr: ['pwd', 'otp'] })
    ).accessToken;
    await expectProblem(await call('GET', '/verwerkingen?limiet=0', beheerder), 400, 'VALIDATION_FAILED');
    const eerste = await call('GET', '/verwerkingen?limiet=1', beheerder);
    expect(eerste.status).toBe(200);
    const pagina = (await eerste.json()) as { verwerkingen: Array<{ handeling: string }>; _links: { next?: { href: string } } };
    expect(pagina.verwerkingen).toHaveLength(1);
    expect(pagina._links.next?.href).toMatch(/^\/api\/v1\/verwerkingen\?na=[A-Za-z0-9_-]+&limiet=1$/);
    const tweede = await fetch(`${base}${pagina._links.next?.href}`, { headers: { authorization: `Bearer ${beheerder}` } });
    expect(tweede.status).toBe(200);
    expect(((await tweede.json()) as { verwerkingen: unknown[] }).verwerkingen).toHaveLength(1);
  });

  it('DELETE /mij needs my password, erases me, and I cannot log in any more', async () => {
    const dirk = await inwoner('dirk@example.org', 'Dirk');
    await expectProblem(await call('DELETE', '/mij', dirk.token, {}), 400, 'VALIDATION_FAILED');
    await expectProblem(await call('DELETE', '/mij', dirk.token, { wachtwoord: 'niet het mijne' }), 401, 'UNAUTHENTICATED');
    await expectProblem(await call('DELETE', '/mij', undefined, { wachtwoord: WACHTWOORD }), 401, 'UNAUTHENTICATED');
    expect((await call('DELETE', '/mij', dirk.token, { wachtwoord: WACHTWOORD })).status).toBe(204);

    await withClient('identity', async (c) => {
      const { rows } = await c.query(`select "email", "weergavenaam", "wachtwoord_hash", "verwijderd_tijdstip" from "identity"."account" where "id" = $1`, [dirk.id]);
      expect(rows).toEqual([{ email: null, weergavenaam: null, wachtwoord_hash: null, verwijderd_tijdstip: expect.any(Date) }]);
    });
    await expectProblem(await call('POST', '/sessies', undefined, { email: 'dirk@example.org', wachtwoord: WACHTWOORD }), 401, 'UNAUTHENTICATED');
  });
});
