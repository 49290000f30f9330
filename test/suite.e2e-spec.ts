import { connect, type NatsConnection } from 'nats';
import { BOUWSTENEN, GEMEENTE_EVENTS, type GemeenteView } from '@samen/contracts';
import { streamEvents, streamLastSeq } from '@samen/testing';
import {
  ADMIN_TOKEN,
  NATS_URL,
  freePort,
  pollUntil,
  startBouwsteen,
  startGateway,
  statuses,
  type SuiteProcess,
} from './support/suite';

/**
 * The whole suite as separate processes, driven over HTTP like a client: the "done means" of
 * the first issue. Processes are real, so killing one is the real failure.
 */
describe('the suite, end to end', () => {
  let base: string;
  let gateway: SuiteProcess;
  const services = new Map<string, SuiteProcess>();
  let nats: NatsConnection;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    for (const bouwsteen of BOUWSTENEN) services.set(bouwsteen, startBouwsteen(bouwsteen));
    gateway = startGateway(port);
    nats = await connect({ servers: NATS_URL });
    await pollUntil(async () => {
      const all = await statuses(base);
      return BOUWSTENEN.every((b) => all[b] === 'up') ? all : undefined;
    }, { timeoutMs: 30_000, intervalMs: 200 }).catch((error: Error) => {
      throw new Error(`${error.message}\n${[gateway, ...services.values()].map((p) => `--- ${p.name}\n${p.log.slice(-2000)}`).join('\n')}`);
    });
  }, 60_000);

  afterAll(async () => {
    await nats?.close();
    await Promise.all([...services.values(), gateway].filter(Boolean).map((p) => p.stop()));
  }, 30_000);

  it('shows all five bouwstenen up, with version and round-trip time', async () => {
    const response = await fetch(`${base}/api/v1/bouwstenen`);
    expect(response.status).toBe(200);
    expect(response.headers.get('api-version')).toMatch(/^1\.\d+\.\d+/);
    const body = (await response.json()) as { bouwstenen: Array<{ naam: string; status: string; versie: string; responstijdMs: number }> };
    expect(body.bouwstenen.map((b) => b.naam)).toEqual([...BOUWSTENEN]);
    for (const b of body.bouwstenen) {
      expect(b.status).toBe('up');
      expect(b.versie).toMatch(/^\d+\.\d+\.\d+/);
      expect(b.responstijdMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('answers 503 at once for a killed bouwsteen and recovers when it is back, without a gateway restart', async () => {
    await services.get('samenspreker')!.kill();

    const killedAt = Date.now();
    const problem = await pollUntil(async () => {
      const response = await fetch(`${base}/api/v1/bouwstenen/samenspreker`);
      return response.status === 503 ? response : undefined;
    }, { timeoutMs: 2000, intervalMs: 25 });
    expect(Date.now() - killedAt).toBeLessThan(2000);
    expect(problem.headers.get('content-type')).toContain('application/problem+json');
    expect(problem.headers.get('api-version')).toBeTruthy();
    const body = (await problem.json()) as { status: number; code: string; title: string };
    expect(body).toMatchObject({ status: 503, code: 'BOUWSTEEN_ABSENT' });
    expect((await statuses(base)).samenspreker).toBe('absent');
    // The others are untouched.
    expect((await statuses(base)).identity).toBe('up');

    services.set('samenspreker', startBouwsteen('samenspreker'));
    await pollUntil(async () => ((await statuses(base)).samenspreker === 'up' ? true : undefined), { timeoutMs: 20_000, intervalMs: 100 });
    const again = await fetch(`${base}/api/v1/bouwstenen/samenspreker`);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ naam: 'samenspreker', status: 'up' });
  }, 30_000);

  it('records a gemeente through the public API and publishes its event exactly once', async () => {
    // A code no other test uses, so the first PUT is a real change.
    const code = 'GM0555';
    const since = await streamLastSeq(nats);
    const put = await fetch(`${base}/api/v1/gemeenten/${code}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ naam: 'Samendorp', bouwstenen: ['identity', 'samenspreker'] }),
    });
    expect(put.status).toBe(200);
    const get = await fetch(`${base}/api/v1/gemeenten/${code}`);
    expect(get.status).toBe(200);
    expect((await get.json()) as GemeenteView).toMatchObject({ code, naam: 'Samendorp' });

    // The outbox relay delivers the fact to JetStream without anyone asking for it.
    const ours = async () =>
      (await streamEvents(nats, since)).filter((e) => e.subject === GEMEENTE_EVENTS.vastgelegd && e.event?.subject === code);
    const [event] = await pollUntil(async () => ((await ours()).length > 0 ? ours() : undefined), { timeoutMs: 5000 });
    expect(event.event).toMatchObject({ specversion: '1.0', type: 'nl.samen.identity.gemeente.vastgelegd.v1', gemeente: code });

    // The same PUT again changes nothing and so says nothing new.
    const repeat = await fetch(`${base}/api/v1/gemeenten/${code}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ naam: 'Samendorp', bouwstenen: ['samenspreker', 'identity'] }),
    });
    expect(repeat.status).toBe(200);
    await new Promise((r) => setTimeout(r, 700));
    expect(await ours()).toHaveLength(1);
  });

  it('answers every kind of wrong request with a 4xx problem and an API-Version, never a 5xx', async () => {
    const cases: Array<[string, RequestInit | undefined, number]> = [
      ['/api/v1/onbekend', undefined, 404],
      ['/api/v1/bouwstenen/', undefined, 404],
      ['/api/v1/bouwstenen/onbekend', undefined, 404],
      ['/api/v1/gemeenten/XX12', undefined, 400],
      ['/api/v1/gemeenten/GM9999', undefined, 404],
      ['/api/v1/gemeenten/GM0637', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"naam": "Zoet' }, 400],
      ['/api/v1/gemeenten/GM0637', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"naam":"Z","bouwstenen":[]}' }, 401],
    ];
    for (const [path, init, status] of cases) {
      const response = await fetch(`${base}${path}`, init);
      expect({ path, status: response.status }).toEqual({ path, status });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('api-version')).toBeTruthy();
      const body = (await response.json()) as { status: number; title: string; code: string };
      expect(body.status).toBe(status);
      expect(body.title).toBeTruthy();
      expect(body.code).toBeTruthy();
    }
  });

  it('serves the OpenAPI document openly, with CORS *', async () => {
    const response = await fetch(`${base}/api/v1/openapi.json`, { headers: { origin: 'https://example.org' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const document = (await response.json()) as { openapi: string; servers: Array<{ url: string }> };
    expect(document.openapi).toMatch(/^3\.0\./);
    expect(document.servers[0]?.url).toMatch(/\/api\/v1$/);
  });
});
