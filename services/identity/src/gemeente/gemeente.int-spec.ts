import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from 'nats';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  CONTEXT_HEADERS,
  GEMEENTE_EVENTS,
  GEMEENTE_SUBJECTS,
  HealthReply,
  healthSubject,
  type GemeenteList,
  type GemeenteView,
} from '@samen/contracts';
import { suiteVersion } from '@samen/platform';
import {
  dataOf,
  definitionOf,
  errorOf,
  natsConnect,
  pollUntil,
  request,
  startTestService,
  streamEvents,
  streamLastSeq,
  truncate,
  withClient,
} from '@samen/testing';
import { standaardInstellingen } from './instellingen';

describe('identity over NATS (gemeenten)', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  const ask = <T>(subject: string, payload: unknown, headers: Record<string, string> = {}) => request<T>(subject, payload, headers, { nc });

  beforeAll(async () => {
    await truncate('identity', ['gemeente', 'outbox', 'inbox']);
    app = await startTestService(definitionOf('identity'));
    nc = await natsConnect();
  });

  afterAll(async () => {
    await nc?.close();
    await app?.close();
  });

  it('answers health with its version, uptime and a reachable database', async () => {
    const health = dataOf(await ask<HealthReply>(healthSubject('identity'), {}));
    expect(health).toMatchObject({ bouwsteen: 'identity', version: suiteVersion(), database: 'up', pendingEvents: 0 });
    expect(health.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(health.instance).toEqual(expect.any(String));
    // The reply honours its own contract class.
    expect(validateSync(plainToInstance(HealthReply, health))).toEqual([]);
  });

  it('upserts, gets and lists a gemeente', async () => {
    const created = dataOf(
      await ask<GemeenteView>(GEMEENTE_SUBJECTS.upsert, { code: 'GM0637', naam: 'Zoetermeer', bouwstenen: ['samenspreker', 'identity'] }),
    );
    expect(created).toEqual({
      code: 'GM0637',
      naam: 'Zoetermeer',
      bouwstenen: ['identity', 'samenspreker'],
      instellingen: standaardInstellingen(),
      aangemaaktTijdstip: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });

    const renamed = dataOf(await ask<GemeenteView>(GEMEENTE_SUBJECTS.upsert, { code: 'GM0637', naam: 'Gemeente Zoetermeer', bouwstenen: ['identity'] }));
    expect(renamed).toMatchObject({ naam: 'Gemeente Zoetermeer', bouwstenen: ['identity'] });
    // An update keeps the creation moment.
    expect(renamed.aangemaaktTijdstip).toBe(created.aangemaaktTijdstip);

    dataOf(await ask<GemeenteView>(GEMEENTE_SUBJECTS.upsert, { code: 'GM0518', naam: "'s-Gravenhage", bouwstenen: ['identity'] }));

    expect(dataOf(await ask<GemeenteView>(GEMEENTE_SUBJECTS.get, { code: 'GM0637' }))).toEqual(renamed);
    const list = dataOf(await ask<GemeenteList>(GEMEENTE_SUBJECTS.list, {}));
    expect(list.items.map((g) => g.code)).toEqual(['GM0518', 'GM0637']);
  });

  it('names every invalid field in one VALIDATION_FAILED error, and writes nothing', async () => {
    const error = errorOf(
      await ask(GEMEENTE_SUBJECTS.upsert, { code: 'Zoetermeer', naam: '', bouwstenen: ['identity', 'agenda'], stiekem: true }, {
        [CONTEXT_HEADERS.correlationId]: 'validation-1',
      }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, correlationId: 'validation-1' });
    expect(error.invalidParams?.map((p) => p.name).sort()).toEqual(['bouwstenen', 'code', 'naam', 'stiekem']);
    for (const param of error.invalidParams ?? []) expect(param.reason).toEqual(expect.any(String));
    const rows = await withClient('identity', (c) => c.query(`select count(*)::int as n from identity.gemeente where code = 'Zoetermeer'`));
    expect(rows.rows[0].n).toBe(0);
  });

  it('answers MALFORMED_REQUEST to a body that is not JSON', async () => {
    const error = errorOf(await ask(GEMEENTE_SUBJECTS.upsert, '{"code": "GM0637", naam', { [CONTEXT_HEADERS.correlationId]: 'malformed-1' }));
    expect(error).toMatchObject({ code: 'MALFORMED_REQUEST', status: 400, correlationId: 'malformed-1' });
  });

  it('answers NOT_FOUND with the caller correlation id', async () => {
    const error = errorOf(await ask(GEMEENTE_SUBJECTS.get, { code: 'GM9999' }, { [CONTEXT_HEADERS.correlationId]: 'trace-me-123' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, correlationId: 'trace-me-123' });
    expect(error.message).toContain('GM9999');
  });

  it('answers UNKNOWN_GEMEENTE to a gemeente header that is no CBS code, with the caller correlation id', async () => {
    const error = errorOf(
      await ask(GEMEENTE_SUBJECTS.list, {}, { [CONTEXT_HEADERS.gemeente]: 'Zoetermeer', [CONTEXT_HEADERS.correlationId]: 'bad-gemeente-1' }),
    );
    expect(error).toMatchObject({ code: 'UNKNOWN_GEMEENTE', status: 400, correlationId: 'bad-gemeente-1' });
  });

  // DESIGN rule 6: bad input is a 4xx, never a 5xx.
  it.each(['null', '[]', '"GM0637"', '42'])('answers a payload that is no object (%s) with a 400', async (body) => {
    for (const subject of [GEMEENTE_SUBJECTS.get, GEMEENTE_SUBJECTS.upsert]) {
      expect(errorOf(await ask(subject, body))).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    }
  });

  it('treats concurrent first upserts of one gemeente as the idempotent call it is: all succeed, one row, one event', async () => {
    const since = await streamLastSeq(nc);
    const input = { code: 'GM0200', naam: 'Gelijktijdig', bouwstenen: ['identity'] };
    const replies = await Promise.all(Array.from({ length: 6 }, () => ask<GemeenteView>(GEMEENTE_SUBJECTS.upsert, input)));

    const views = replies.map(dataOf);
    expect(new Set(views.map((v) => JSON.stringify(v))).size).toBe(1);
    const rows = await withClient('identity', (c) =>
      c.query(`select (select count(*)::int from identity.gemeente where code = 'GM0200') as gemeenten,
                      (select count(*)::int from identity.outbox where event->>'subject' = 'GM0200') as events`),
    );
    expect(rows.rows[0]).toEqual({ gemeenten: 1, events: 1 });
    await pollUntil(async () => (await streamEvents(nc, since)).some((e) => e.event?.subject === 'GM0200'), { what: 'event of GM0200' });
  });

  it('publishes the events of one gemeente in the order its changes were committed', async () => {
    const since = await streamLastSeq(nc);
    await ask(GEMEENTE_SUBJECTS.upsert, { code: 'GM0300', naam: 'Versie 0', bouwstenen: ['identity'] });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => ask(GEMEENTE_SUBJECTS.upsert, { code: 'GM0300', naam: `Versie ${i + 1}`, bouwstenen: ['identity'] })),
    );
    const final = dataOf(await ask<GemeenteView>(GEMEENTE_SUBJECTS.get, { code: 'GM0300' }));

    // A consumer that applies the events in stream order must end where the database is.
    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(nc, since)).filter((e) => e.event?.subject === 'GM0300');
        return found.length === 9 ? found : undefined;
      },
      { what: '9 events of GM0300' },
    );
    expect((events[8].event?.data as GemeenteView).naam).toBe(final.naam);
  });

  it('publishes the upsert event to the stream, once, with the CloudEvents envelope', async () => {
    const since = await streamLastSeq(nc);
    const view = dataOf(
      await ask<GemeenteView>(GEMEENTE_SUBJECTS.upsert, { code: 'GM0363', naam: 'Amsterdam', bouwstenen: ['identity'] }, {
        [CONTEXT_HEADERS.correlationId]: 'event-1',
      }),
    );
    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(nc, since)).filter((e) => e.event?.subject === 'GM0363');
        return found.length > 0 ? found : undefined;
      },
      { what: 'gemeente-vastgelegd event in the stream' },
    );
    expect(events).toHaveLength(1);
    const [published] = events;
    expect(published.subject).toBe(GEMEENTE_EVENTS.vastgelegd);
    expect(published.msgId).toBe(published.event?.id);
    expect(published.event).toEqual({
      specversion: '1.0',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      source: 'urn:samen:identity',
      type: 'nl.samen.identity.gemeente.vastgelegd.v1',
      time: expect.any(String),
      subject: 'GM0363',
      datacontenttype: 'application/json',
      gemeente: 'GM0363',
      correlationid: 'event-1',
      data: view,
    });
    // The relay marked its row, so health reports nothing pending.
    await pollUntil(async () => dataOf(await ask<HealthReply>(healthSubject('identity'), {})).pendingEvents === 0, { what: 'outbox drained' });

    // Upserting the same data again changes nothing, so no second event.
    await ask(GEMEENTE_SUBJECTS.upsert, { code: 'GM0363', naam: 'Amsterdam', bouwstenen: ['identity'] });
    const outbox = await withClient('identity', (c) => c.query(`select count(*)::int as n from identity.outbox where event->>'subject' = 'GM0363'`));
    expect(outbox.rows[0].n).toBe(1);
  });
});
