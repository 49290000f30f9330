import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { AckPolicy, type JetStreamClient, type JetStreamManager, type NatsConnection } from 'nats';
import { ClsServiceManager } from 'nestjs-cls';
import { EVENT_STREAM, type CloudEvent } from '@samen/contracts';
import { expectEventually, natsConnect, sleep, testOrm, truncate, withClient } from '@samen/testing';
import { EventConsumer, type EventHandler } from './event-consumer';
import { ensureEventStream } from './stream';

type Outcome = Awaited<ReturnType<EventConsumer['process']>>;

/** A real side effect in the consuming bouwsteen's schema, written in the handler's transaction. */
const EFFECTS = 'monitoring.test_consumer_effect';
const ACK_WAIT_MS = 600;

describe('EventConsumer (monitoring schema, real PostgreSQL and JetStream)', () => {
  let orm: MikroORM;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  const consumers: EventConsumer[] = [];
  const durables: string[] = [];

  beforeAll(async () => {
    orm = await testOrm('monitoring');
    nc = await natsConnect();
    js = nc.jetstream();
    jsm = await nc.jetstreamManager();
    await ensureEventStream(jsm);
    // Created by monitoring's own role, as a migration of monitoring would.
    await withClient('monitoring', (c) => c.query(`create table if not exists ${EFFECTS} (event_id varchar(200) not null, consumer varchar(120) not null)`));
  });

  beforeEach(() => truncate('monitoring', ['inbox', 'test_consumer_effect']));

  afterEach(async () => {
    // Stop fetching before deleting the durable, or the pull would fail under it.
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    for (const durable of durables.splice(0)) await jsm.consumers.delete(EVENT_STREAM, durable).catch(() => undefined);
  });

  afterAll(async () => {
    await withClient('monitoring', (c) => c.query(`drop table if exists ${EFFECTS}`));
    await nc?.close();
    await orm?.close(true);
  });

  /** A fresh subject and durable per test, so no test sees another's events or consumer state. */
  function names() {
    const id = randomUUID().slice(0, 8);
    const durable = `monitoring__test_${id}`;
    durables.push(durable);
    return { subject: `evt.monitoring.v1.test-${id}`, durable };
  }

  function newConsumer(): EventConsumer {
    const consumer = new EventConsumer(orm, ClsServiceManager.getClsService(), js, jsm, {
      schema: 'monitoring',
      ackWaitMs: ACK_WAIT_MS,
      maxBackoffMs: 100,
    });
    consumers.push(consumer);
    return consumer;
  }

  /** Records what `process` decided for each delivery. */
  function outcomesOf(consumer: EventConsumer): Outcome[] {
    const outcomes: Outcome[] = [];
    const original = consumer.process.bind(consumer);
    jest.spyOn(consumer, 'process').mockImplementation(async (msg, handler) => {
      const outcome = await original(msg, handler);
      outcomes.push(outcome);
      return outcome;
    });
    return outcomes;
  }

  function cloudEvent(subject: string, data: object = {}): CloudEvent {
    return {
      specversion: '1.0',
      id: randomUUID(),
      source: 'urn:samen:identity',
      type: 'nl.samen.identity.test.gebeurd.v1',
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data,
      subject,
    };
  }

  async function publish(subject: string, body: CloudEvent | string, msgID?: string): Promise<void> {
    const data = new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
    await js.publish(subject, data, { msgID: msgID ?? (typeof body === 'string' ? randomUUID() : body.id) });
  }

  /** A handler that writes one effect row per call; `failFirst` makes its first call throw after writing. */
  function effectHandler(subject: string, durable: string, failFirst = false): EventHandler & { calls: string[] } {
    const calls: string[] = [];
    return {
      consumer: durable,
      subject,
      calls,
      async handle(event, em) {
        calls.push(event.id);
        await em.execute(`insert into ${EFFECTS} (event_id, consumer) values (?, ?)`, [event.id, durable]);
        if (failFirst && calls.length === 1) throw new Error('database hiccup in the handler');
      },
    };
  }

  async function effects(eventId: string): Promise<number> {
    const { rows } = await withClient('monitoring', (c) => c.query(`select count(*)::int as n from ${EFFECTS} where event_id = $1`, [eventId]));
    return rows[0].n;
  }

  async function inboxRows(durable: string): Promise<number> {
    const { rows } = await withClient('monitoring', (c) => c.query('select count(*)::int as n from monitoring.inbox where consumer = $1', [durable]));
    return rows[0].n;
  }

  it('delivers again after the handler throws, and then applies the event once', async () => {
    const { subject, durable } = names();
    const consumer = newConsumer();
    const outcomes = outcomesOf(consumer);
    const handler = effectHandler(subject, durable, true);
    await consumer.start(handler);

    const event = cloudEvent(subject);
    await publish(subject, event);

    await expectEventually(() => expect(outcomes).toEqual(['failed', 'applied']), { timeoutMs: 5000 });
    expect(handler.calls).toEqual([event.id, event.id]);
    // The failed attempt's write was rolled back with its inbox row; only the retry's remains.
    expect(await effects(event.id)).toBe(1);
    expect(await inboxRows(durable)).toBe(1);
    await expectEventually(async () => {
      const info = await jsm.consumers.info(EVENT_STREAM, durable);
      expect(info.num_ack_pending).toBe(0);
      expect(info.num_pending).toBe(0);
    });
  });

  it('applies a duplicate of an event (same id, past JetStream dedupe) only once', async () => {
    const { subject, durable } = names();
    const consumer = newConsumer();
    const outcomes = outcomesOf(consumer);
    const handler = effectHandler(subject, durable);
    await consumer.start(handler);

    const event = cloudEvent(subject);
    // Different message ids: JetStream stores both, as after a relay restart outside the window.
    await publish(subject, event, `${event.id}-first`);
    await publish(subject, event, `${event.id}-again`);

    await expectEventually(() => expect(outcomes).toEqual(['applied', 'duplicate']));
    expect(handler.calls).toEqual([event.id]);
    expect(await effects(event.id)).toBe(1);
    expect(await inboxRows(durable)).toBe(1);
  });

  it('terminates an unreadable event instead of delivering it again, and goes on with the next', async () => {
    const { subject, durable } = names();
    const consumer = newConsumer();
    const outcomes = outcomesOf(consumer);
    const handler = effectHandler(subject, durable);
    await consumer.start(handler);

    await publish(subject, '{"this is": not json');
    await publish(subject, JSON.stringify({ specversion: '1.0', data: {} })); // JSON, but no id or type
    await expectEventually(() => expect(outcomes).toEqual(['rejected', 'rejected']));

    // Well past ack_wait: a nak'ed or un-acked message would have come back by now.
    await sleep(ACK_WAIT_MS * 2);
    expect(outcomes).toEqual(['rejected', 'rejected']);
    const info = await jsm.consumers.info(EVENT_STREAM, durable);
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_redelivered).toBe(0);
    expect(handler.calls).toEqual([]);

    const good = cloudEvent(subject);
    await publish(subject, good);
    await expectEventually(() => expect(outcomes).toEqual(['rejected', 'rejected', 'applied']));
    expect(await effects(good.id)).toBe(1);
  });

  it('shares one durable between instances: every event is applied once across them', async () => {
    const { subject, durable } = names();
    const instances = [newConsumer(), newConsumer()];
    const outcomes = instances.map(outcomesOf);
    const handlers = instances.map(() => effectHandler(subject, durable));
    await Promise.all(instances.map((c, i) => c.start(handlers[i])));

    const events = Array.from({ length: 20 }, () => cloudEvent(subject));
    for (const event of events) await publish(subject, event);

    await expectEventually(() => expect(outcomes.flat().filter((o) => o === 'applied')).toHaveLength(20));
    const handled = handlers.flatMap((h) => h.calls).sort();
    expect(handled).toEqual(events.map((e) => e.id).sort());
    expect(await inboxRows(durable)).toBe(20);
  });

  it('process() called twice with the same delivery changes nothing the second time', async () => {
    const { subject, durable } = names();
    const handler = effectHandler(subject, durable);
    const event = cloudEvent(subject);
    await publish(subject, event);
    // A plain pull, without start(): this test drives process() itself.
    await jsm.consumers.add(EVENT_STREAM, { durable_name: durable, filter_subject: subject, ack_policy: AckPolicy.Explicit });
    const msg = await (await js.consumers.get(EVENT_STREAM, durable)).next({ expires: 2000 });
    if (!msg) throw new Error('no message fetched');

    const consumer = newConsumer();
    expect(await consumer.process(msg, handler)).toBe('applied');
    expect(await consumer.process(msg, handler)).toBe('duplicate');
    expect(handler.calls).toEqual([event.id]);
    expect(await effects(event.id)).toBe(1);
  });
});
