import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect, type Msg, type NatsConnection, type Subscription } from 'nats';
import { BOUWSTENEN, GEMEENTE_SUBJECTS, healthSubject, SLEUTEL_SUBJECTS, type Bouwsteen, type HealthReply } from '@samen/contracts';
import { encodeJson, loadEnv } from '@samen/platform';
import { definitionOf, pollUntil, startTestService, testEnv, testTokenSigner } from '@samen/testing';
import { GatewayEnv } from './config/gateway-env';
import { createGateway } from './create-gateway';

// The gateway in this process on a free port, against the run's private nats-server (the global
// setup's; TEST_NATS_URL when set), spoken to over real HTTP. Bouwstenen are simulated with raw
// NATS subscriptions, except in the round trip, which starts the real identity.

const ADMIN_TOKEN = 'integration-test-admin-token-0123456789';
/** A new gemeente's settings (identity's standaardInstellingen). */
const INSTELLINGEN = {
  steundrempel: 25,
  reactietermijnDagen: 20,
  peilingen: { maxAdviesvragen: 7, maxBindendeVragen: 3, bindendDrempelPercentage: 50, opkomstquorumPercentage: 30 },
};
const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

interface Gateway {
  app: NestFastifyApplication;
  url: string;
}

async function startGateway(settings: Record<string, string> = {}, waitForNats = true): Promise<Gateway> {
  const env = loadEnv(GatewayEnv, {
    NODE_ENV: 'test',
    NATS_URL: testEnv().natsUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent',
    SAMEN_ADMIN_TOKEN: ADMIN_TOKEN,
    ...settings,
  });
  const app = await createGateway(env);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  // NATS connects in the background; the probe says when requests can go through.
  if (waitForNats) await pollUntil(async () => (await fetch(`${url}/health/ready`)).status === 200, { what: 'gateway ready' });
  return { app, url };
}

function expectApiHeaders(response: Response): void {
  expect(response.headers.get('api-version')).toBe('1.0.0');
  expect(response.headers.get('samen-correlation-id')).toMatch(/\S/);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect([name, response.headers.get(name)]).toEqual([name, value]);
}

async function expectProblem(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expectApiHeaders(response);
  const problem = (await response.json()) as Record<string, unknown>;
  expect(problem).toMatchObject({ status, code, type: `urn:samen:probleem:${code.toLowerCase().replace(/_/g, '-')}` });
  expect(problem.title).toEqual(expect.any(String));
  expect(problem.detail).toEqual(expect.any(String));
  expect(problem.correlationId).toBe(response.headers.get('samen-correlation-id'));
  return problem;
}

function health(bouwsteen: Bouwsteen): HealthReply {
  return { bouwsteen, version: '9.8.7', uptimeSeconds: 1, database: 'up', instance: 'fake', pendingEvents: 0 };
}

/** A simulated bouwsteen: answers `subject` with what `answer` returns (nothing = hang). */
function respond(nc: NatsConnection, subject: string, answer: (msg: Msg) => unknown, queue?: string): Subscription {
  return nc.subscribe(subject, {
    queue,
    callback: (_error, msg) => {
      const reply = answer(msg);
      if (reply !== undefined) msg.respond(encodeJson(reply));
    },
  });
}

async function hasResponder(nc: NatsConnection, subject: string): Promise<boolean> {
  try {
    await nc.request(subject, encodeJson({}), { timeout: 300 });
    return true;
  } catch {
    return false;
  }
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'PUT',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}`, ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('gateway', () => {
  let gateway: Gateway;
  let nc: NatsConnection;
  const api = (path: string, init?: RequestInit) => fetch(`${gateway.url}/api/v1${path}`, init);

  beforeAll(async () => {
    nc = await connect({ servers: testEnv().natsUrl, name: 'gateway-int-spec' });
    gateway = await startGateway({ NATS_REQUEST_TIMEOUT_MS: '300', DISCOVERY_TIMEOUT_MS: '300' });
  });

  afterAll(async () => {
    await gateway?.app.close();
    await nc?.drain();
  });

  describe('headers and errors on every response', () => {
    it('sends API-Version, the correlation id and the security headers on 200, 400 and 404', async () => {
      const ok = await api('/openapi.json');
      expect(ok.status).toBe(200);
      expectApiHeaders(ok);
      await expectProblem(await api('/gemeenten/GM12'), 400, 'VALIDATION_FAILED');
      await expectProblem(await api('/onbekend'), 404, 'NOT_FOUND');
    });

    it('echoes the caller’s correlation id', async () => {
      const response = await api('/onbekend', { headers: { 'Samen-Correlation-Id': 'test-corr-42' } });
      expect(response.headers.get('samen-correlation-id')).toBe('test-corr-42');
      expect(await response.json()).toMatchObject({ correlationId: 'test-corr-42', instance: '/api/v1/onbekend' });
    });

    it('answers an unknown route with 404 problem+json', async () => {
      const problem = await expectProblem(await api('/onbekend'), 404, 'NOT_FOUND');
      expect(problem).toMatchObject({ title: 'Niet gevonden', instance: '/api/v1/onbekend' });
    });

    it('answers a trailing slash with 404, not a redirect', async () => {
      await expectProblem(await api('/bouwstenen/', { redirect: 'manual' }), 404, 'NOT_FOUND');
    });

    it('answers a URL that cannot be decoded with 400 problem+json, headers included', async () => {
      await expectProblem(await api('/gemeenten/%E0%A4%A'), 400, 'MALFORMED_REQUEST');
    });

    it('answers a wrong method on a known path with 405 and Allow', async () => {
      const response = await api('/gemeenten/GM0637', { method: 'DELETE' });
      expect(response.headers.get('allow')).toBe('GET, PUT');
      await expectProblem(response, 405, 'METHOD_NOT_ALLOWED');
    });

    it('answers a malformed JSON body with 400 MALFORMED_REQUEST', async () => {
      await expectProblem(await api('/gemeenten/GM0637', json('{"naam": ')), 400, 'MALFORMED_REQUEST');
    });

    it('answers a body over BODY_LIMIT_BYTES with 413', async () => {
      const tooLarge = JSON.stringify({ naam: 'x'.repeat(1024 * 1024 + 10), bouwstenen: ['identity'] });
      await expectProblem(await api('/gemeenten/GM0637', json(tooLarge)), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('answers a body that is not JSON with 415', async () => {
      await expectProblem(await api('/gemeenten/GM0637', json('naam=x', { 'content-type': 'text/plain' })), 415, 'UNSUPPORTED_MEDIA_TYPE');
      await expectProblem(
        await api('/gemeenten/GM0637', json('naam=x', { 'content-type': 'application/x-www-form-urlencoded' })),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });

    it('names an invalid path parameter', async () => {
      const problem = await expectProblem(await api('/gemeenten/gm0637'), 400, 'VALIDATION_FAILED');
      expect(problem['invalid-params']).toEqual([{ name: 'code', code: 'matches', reason: expect.stringContaining('GM') }]);
    });

    it('names every invalid field of a body in one 400, unknown fields included', async () => {
      const body = { naam: '', bouwstenen: ['identity', 'identity', 'weerbericht'], extra: true };
      const problem = await expectProblem(await api('/gemeenten/GM0637', json(body)), 400, 'VALIDATION_FAILED');
      const named = (problem['invalid-params'] as Array<{ name: string; code: string }>).map((p) => `${p.name}:${p.code}`);
      expect(named.sort()).toEqual(['bouwstenen:arrayUnique', 'bouwstenen:isIn', 'extra:whitelistValidation', 'naam:isLength']);
    });

    it('refuses a Samen-Gemeente header that is no CBS code', async () => {
      const problem = await expectProblem(await api('/bouwstenen', { headers: { 'Samen-Gemeente': 'Zoetermeer' } }), 400, 'VALIDATION_FAILED');
      expect(problem['invalid-params']).toEqual([expect.objectContaining({ name: 'Samen-Gemeente' })]);
    });
  });

  describe('bouwstenen', () => {
    it('lists all five, live: up for one that answers, absent for the others, and notices a stop at the next request', async () => {
      const fake = respond(nc, healthSubject('monitoring'), () => ({ data: health('monitoring') }));
      await nc.flush();
      const expectedUp = new Map<Bouwsteen, boolean>();
      for (const bouwsteen of BOUWSTENEN) expectedUp.set(bouwsteen, await hasResponder(nc, healthSubject(bouwsteen)));

      const response = await api('/bouwstenen');
      expect(response.status).toBe(200);
      expectApiHeaders(response);
      const { bouwstenen } = (await response.json()) as { bouwstenen: Array<Record<string, unknown>> };
      expect(bouwstenen.map((b) => b.naam)).toEqual([...BOUWSTENEN]);
      expect(bouwstenen.map((b) => b.status)).toEqual(BOUWSTENEN.map((b) => (expectedUp.get(b) ? 'up' : 'absent')));
      expect(bouwstenen[4]).toEqual({ naam: 'monitoring', status: 'up', versie: '9.8.7', responstijdMs: expect.any(Number), database: 'up' });

      fake.unsubscribe();
      await nc.flush();
      const after = (await (await api('/bouwstenen')).json()) as { bouwstenen: Array<Record<string, unknown>> };
      expect(after.bouwstenen[4]).toEqual({ naam: 'monitoring', status: 'absent' });
    });

    it('answers 503 at once for an absent bouwsteen', async () => {
      expect(await hasResponder(nc, healthSubject('samenspreker'))).toBe(false);
      const started = Date.now();
      const problem = await expectProblem(await api('/bouwstenen/samenspreker'), 503, 'BOUWSTEEN_ABSENT');
      expect(Date.now() - started).toBeLessThan(250);
      expect(problem.title).toBe('Bouwsteen niet beschikbaar');
    });

    it('answers 404 for a name that is no bouwsteen', async () => {
      await expectProblem(await api('/bouwstenen/weerbericht'), 404, 'NOT_FOUND');
    });
  });

  describe('a bouwsteen over NATS', () => {
    let fakes: Subscription[] = [];
    afterEach(async () => {
      fakes.forEach((fake) => fake.unsubscribe());
      fakes = [];
      await nc.flush();
    });

    it('answers 504 when the bouwsteen never replies, after NATS_REQUEST_TIMEOUT_MS', async () => {
      fakes.push(respond(nc, GEMEENTE_SUBJECTS.list, () => undefined, 'identity'));
      await nc.flush();
      const started = Date.now();
      const problem = await expectProblem(await api('/gemeenten'), 504, 'BOUWSTEEN_TIMEOUT');
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(280);
      expect(elapsed).toBeLessThan(1500);
      expect(problem.title).toBe('Bouwsteen antwoordt niet op tijd');
    });

    it('maps an error reply to its status and sends the message context in NATS headers', async () => {
      let seen: Msg | undefined;
      fakes.push(
        respond(
          nc,
          GEMEENTE_SUBJECTS.get,
          (msg) => {
            seen = msg;
            return { error: { code: 'NOT_FOUND', status: 404, message: 'Gemeente GM0001 bestaat niet.' } };
          },
          'identity',
        ),
      );
      // The gateway verifies a token itself before forwarding it, with identity's keys.
      const signer = await testTokenSigner();
      fakes.push(respond(nc, SLEUTEL_SUBJECTS.jwks, () => ({ data: signer.jwks }), 'identity'));
      const token = await signer.sign({ gemeente: 'GM0637' });
      await nc.flush();
      const response = await api('/gemeenten/GM0001', {
        headers: { 'Samen-Gemeente': 'GM0637', 'Samen-Correlation-Id': 'ctx-1', authorization: `Bearer ${token}` },
      });
      const problem = await expectProblem(response, 404, 'NOT_FOUND');
      expect(problem.detail).toBe('Gemeente GM0001 bestaat niet.');
      expect(JSON.parse(new TextDecoder().decode(seen?.data))).toEqual({ code: 'GM0001' });
      expect(seen?.headers?.get('Samen-Correlation-Id')).toBe('ctx-1');
      expect(seen?.headers?.get('Samen-Gemeente')).toBe('GM0637');
      expect(seen?.headers?.get('Authorization')).toBe(`Bearer ${token}`);
    });

    it('answers 500 without internals when a bouwsteen replies with a code outside the contract', async () => {
      fakes.push(respond(nc, GEMEENTE_SUBJECTS.list, () => ({ error: { code: 'DISK_ON_FIRE', status: 999, message: 'at /var/lib/x' } }), 'identity'));
      await nc.flush();
      const problem = await expectProblem(await api('/gemeenten'), 500, 'INTERNAL');
      expect(JSON.stringify(problem)).not.toContain('/var/lib');
    });

    it('keeps the admin token off the bus', async () => {
      let seen: Msg | undefined;
      fakes.push(
        respond(
          nc,
          GEMEENTE_SUBJECTS.upsert,
          (msg) => {
            seen = msg;
            return { data: { code: 'GM0637', naam: 'Zoetermeer', bouwstenen: ['identity'], instellingen: INSTELLINGEN, aangemaaktTijdstip: '2026-11-27T09:00:00.000Z', intern: 1 } };
          },
          'identity',
        ),
      );
      await nc.flush();
      const response = await api('/gemeenten/GM0637', json({ naam: 'Zoetermeer', bouwstenen: ['identity'] }));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ code: 'GM0637', naam: 'Zoetermeer', bouwstenen: ['identity'], instellingen: INSTELLINGEN, aangemaaktTijdstip: '2026-11-27T09:00:00.000Z' });
      expect(JSON.parse(new TextDecoder().decode(seen?.data))).toEqual({ code: 'GM0637', naam: 'Zoetermeer', bouwstenen: ['identity'] });
      expect(seen?.headers?.get('Authorization')).toBeFalsy();
    });
  });

  describe('PUT /gemeenten/{code} needs the admin token', () => {
    it.each([
      ['no token', {}],
      ['a wrong token', { authorization: 'Bearer integration-test-admin-token-012345678X' }],
    ])('401 with %s', async (_name, headers) => {
      const init = json({ naam: 'Zoetermeer', bouwstenen: ['identity'] });
      init.headers = { 'content-type': 'application/json', ...headers };
      const response = await api('/gemeenten/GM0637', init);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      await expectProblem(response, 401, 'UNAUTHENTICATED');
    });
  });

  describe('the API description', () => {
    it('serves openapi.json to every origin, with every operation documented', async () => {
      const response = await api('/openapi.json', { headers: { origin: 'https://elders.example' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };
      expect(document.openapi).toBe('3.0.3');
      const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
      expect(operations.length).toBeGreaterThanOrEqual(6);
      for (const operation of operations) {
        expect(operation).toEqual(expect.objectContaining({ operationId: expect.any(String), summary: expect.any(String), description: expect.any(String), tags: [expect.any(String)] }));
      }
    });

    it('matches the committed docs/api/openapi.json (else run npm run build && npm run lint:openapi)', async () => {
      const committed = JSON.parse(readFileSync(join(__dirname, '../../docs/api/openapi.json'), 'utf8'));
      expect(await (await api('/openapi.json')).json()).toEqual(committed);
    });

    it('does not open the rest of the API to other origins', async () => {
      const response = await api('/bouwstenen', { headers: { origin: 'https://elders.example' } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('serves the interactive documentation with its own CSP, still unframeable', async () => {
      const page = await api('/documentatie');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('api-version')).toBe('1.0.0');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(await page.text()).toContain('<title>Samen API – documentatie</title>');
      const script = await api('/documentatie/swagger-ui-bundle.js');
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      // Only the files the page needs are served from swagger-ui-dist.
      const other = await api('/documentatie/package.json');
      expect(other.status).toBe(404);
      expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });
  });
});

describe('gateway settings', () => {
  it('limits requests per client: 429 with Retry-After past RATE_LIMIT_PER_MINUTE; probes are not limited', async () => {
    const { app, url } = await startGateway({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      for (let i = 0; i < 3; i++) expect((await fetch(`${url}/api/v1/openapi.json`)).status).toBe(200);
      const limited = await fetch(`${url}/api/v1/bouwstenen`);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      await expectProblem(limited, 429, 'TOO_MANY_REQUESTS');
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('answers 403 to administration while SAMEN_ADMIN_TOKEN is unset', async () => {
    const { app, url } = await startGateway({ SAMEN_ADMIN_TOKEN: '' });
    try {
      const response = await fetch(`${url}/api/v1/gemeenten/GM0637`, json({ naam: 'Zoetermeer', bouwstenen: ['identity'] }));
      await expectProblem(response, 403, 'FORBIDDEN');
    } finally {
      await app.close();
    }
  });

  it('opens the API to the origins in CORS_ORIGINS only', async () => {
    const { app, url } = await startGateway({ CORS_ORIGINS: 'https://app.gemeente.example' });
    try {
      const preflight = await fetch(`${url}/api/v1/gemeenten/GM0637`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.gemeente.example', 'access-control-request-method': 'PUT' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.gemeente.example');
      const other = await fetch(`${url}/api/v1/bouwstenen`, { headers: { origin: 'https://elders.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('starts without NATS, reports not ready and answers 503 instead of hanging', async () => {
    const { app, url } = await startGateway({ NATS_URL: 'nats://127.0.0.1:1' }, false);
    try {
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      await expectProblem(await fetch(`${url}/health/ready`), 503, 'UNAVAILABLE');
      await expectProblem(await fetch(`${url}/api/v1/bouwstenen`), 503, 'UNAVAILABLE');
      await expectProblem(await fetch(`${url}/api/v1/gemeenten`), 503, 'UNAVAILABLE');
    } finally {
      await app.close();
    }
  });
});

describe('gateway with the real identity', () => {
  it('sets up a gemeente idempotently, reads it back, and notices when identity stops', async () => {
    const identity = await startTestService(definitionOf('identity'));
    const { app, url } = await startGateway();
    try {
      const code = 'GM9901';
      const put = () => fetch(`${url}/api/v1/gemeenten/${code}`, json({ naam: 'Testdorp', bouwstenen: ['identity', 'samenspreker'] }));
      const first = await put();
      expect(first.status).toBe(200);
      const created = await first.json();
      expect(created).toEqual({ code, naam: 'Testdorp', bouwstenen: ['identity', 'samenspreker'], instellingen: INSTELLINGEN, aangemaaktTijdstip: expect.stringMatching(/Z$/) });
      expect(await (await put()).json()).toEqual(created);

      expect(await (await fetch(`${url}/api/v1/gemeenten/${code}`)).json()).toEqual(created);
      const list = (await (await fetch(`${url}/api/v1/gemeenten`)).json()) as { gemeenten: unknown[] };
      expect(list.gemeenten).toContainEqual(created);
      await expectProblem(await fetch(`${url}/api/v1/gemeenten/GM9902`), 404, 'NOT_FOUND');

      const found = await (await fetch(`${url}/api/v1/bouwstenen/identity`)).json();
      expect(found).toEqual({ naam: 'identity', status: 'up', versie: expect.any(String), responstijdMs: expect.any(Number), database: 'up' });

      await identity.close();
      await expectProblem(await fetch(`${url}/api/v1/bouwstenen/identity`), 503, 'BOUWSTEEN_ABSENT');
      await expectProblem(await fetch(`${url}/api/v1/gemeenten`), 503, 'BOUWSTEEN_ABSENT');
    } finally {
      await app.close();
      await identity.close();
    }
  });
});
