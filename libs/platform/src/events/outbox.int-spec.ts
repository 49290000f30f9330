import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JetStreamClient, NatsConnection, PubAck } from 'nats';
import { GEMEENTE_EVENTS, type CloudEvent, type GemeenteView } from '@samen/contracts';
import { natsConnect, pollUntil, streamEvents, streamLastSeq, testOrm, truncate, withClient } from '@samen/testing';
import { Gemeente } from '../../../../services/identity/src/gemeente/gemeente.entity';
import { Outbox } from './outbox';
import { OutboxMessage } from './outbox.entity';
import { OutboxRelay, type RelayOptions } from './outbox-relay';
import { ensureEventStream } from './stream';
import { wakeRelayAfterCommitWithEvents } from './events.module';

/** The relay "killed" after it took the rows but before JetStream saw the event. */
class KilledBeforePublish extends OutboxRelay {
  protected override async publish(): Promise<void> {
    throw new Error('killed before publish');
  }
}

/** The relay "killed" after JetStream acknowledged the event but before the row was marked. */
class KilledAfterAck extends OutboxRelay {
  protected override async publish(row: OutboxMessage): Promise<void> {
    await super.publish(row);
    throw new Error('killed after the ack');
  }
}

/** Fails on the n-th publish only (1-based), as a broker hiccup would. */
class FailsOnce extends OutboxRelay {
  private calls = 0;
  constructor(orm: MikroORM, js: JetStreamClient, options: RelayOptions, private readonly failOn: number) {
    super(orm, js, options);
  }
  protected override async publish(row: OutboxMessage): Promise<void> {
    if (++this.calls === this.failOn) throw new Error('broker hiccup');
    await super.publish(row);
  }
}

/** Counts its finished rounds, so a test knows the first (at start) is over. */
class CountsRounds extends OutboxRelay {
  rounds = 0;
  override async relayAll(): Promise<number> {
    const published = await super.relayAll();
    this.rounds++;
    return published;
  }
}

describe('transactional outbox and relay (identity schema, real PostgreSQL and JetStream)', () => {
  let orm: MikroORM;
  let nc: NatsConnection;
  let js: JetStreamClient;
  const outbox = new Outbox('identity');
  const options: RelayOptions = { bouwsteen: 'identity', pollMs: 60_000 };
  let since: number;

  beforeAll(async () => {
    orm = await testOrm('identity');
    nc = await natsConnect();
    js = nc.jetstream();
    await ensureEventStream(await nc.jetstreamManager());
  });

  beforeEach(async () => {
    await truncate('identity', ['gemeente', 'outbox']);
    since = await streamLastSeq(nc);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await nc?.close();
    await orm?.close(true);
  });

  /** A domain change and its event, committed together as the identity service does. */
  async function vastleggen(code: string, fail = false): Promise<CloudEvent<GemeenteView>> {
    const em = orm.em.fork() as EntityManager;
    return em.transactional(async (tx) => {
      const gemeente = tx.create(Gemeente, { code, naam: `Gemeente ${code}`, bouwstenen: ['identity'], aangemaaktTijdstip: new Date() });
      const event = await outbox.add(tx, {
        subject: GEMEENTE_EVENTS.vastgelegd,
        resource: 'gemeente',
        event: 'vastgelegd',
        about: code,
        data: { code, naam: gemeente.naam, bouwstenen: gemeente.bouwstenen, instellingen: gemeente.instellingen, aangemaaktTijdstip: gemeente.aangemaaktTijdstip.toISOString() },
      });
      if (fail) throw new Error('a later step of the same change failed');
      return event;
    });
  }

  async function outboxRow(id: string): Promise<{ published_at: Date | null; attempts: number; last_error: string | null } | undefined> {
    const { rows } = await withClient('identity', (c) => c.query('select published_at, attempts, last_error from identity.outbox where id = $1', [id]));
    return rows[0];
  }

  async function copiesInStream(id: string): Promise<number> {
    return (await streamEvents(nc, since)).filter((e) => e.msgId === id).length;
  }

  it('keeps the event when the relay dies before publishing, and a fresh relay publishes it once', async () => {
    const event = await vastleggen('GM0001');

    expect(await new KilledBeforePublish(orm, js, options).relayAll()).toBe(0);
    expect(await outboxRow(event.id)).toMatchObject({ published_at: null, attempts: 1, last_error: 'killed before publish' });
    expect(await copiesInStream(event.id)).toBe(0);

    const fresh = new OutboxRelay(orm, js, options);
    expect(await fresh.relayAll()).toBe(1);
    expect((await outboxRow(event.id))?.published_at).toBeInstanceOf(Date);

    const stored = (await streamEvents(nc, since)).filter((e) => e.msgId === event.id);
    expect(stored).toHaveLength(1);
    expect(stored[0].subject).toBe(GEMEENTE_EVENTS.vastgelegd);
    expect(stored[0].event).toEqual(event);

    // Nothing is left, and running again publishes nothing more.
    expect(await fresh.relayAll()).toBe(0);
    expect(await copiesInStream(event.id)).toBe(1);
  });

  it('publishes again when the relay dies after the ack, and JetStream drops the copy', async () => {
    const publish = jest.spyOn(js, 'publish');
    const event = await vastleggen('GM0002');

    expect(await new KilledAfterAck(orm, js, options).relayAll()).toBe(0);
    expect(await outboxRow(event.id)).toMatchObject({ published_at: null, attempts: 1 });
    expect(await copiesInStream(event.id)).toBe(1);

    expect(await new OutboxRelay(orm, js, options).relayAll()).toBe(1);
    expect((await outboxRow(event.id))?.published_at).toBeInstanceOf(Date);

    const acks = await Promise.all(publish.mock.results.map((r) => r.value as Promise<PubAck>));
    expect(acks).toHaveLength(2);
    expect(acks[0].duplicate).toBe(false);
    // Same message id (= event id) inside the duplicate window: JetStream says "duplicate"…
    expect(acks[1].duplicate).toBe(true);
    expect(acks[1].seq).toBe(acks[0].seq);
    // …and keeps one copy.
    expect(await copiesInStream(event.id)).toBe(1);
  });

  it('refuses an event outside a transaction, where it would not share the change’s fate', async () => {
    await expect(outbox.add(orm.em.fork() as EntityManager, { subject: GEMEENTE_EVENTS.vastgelegd, resource: 'gemeente', event: 'vastgelegd', about: 'GM0004', data: {} })).rejects.toThrow(
      /outside a transaction/,
    );
    const { rows } = await withClient('identity', (c) => c.query('select count(*)::int as n from identity.outbox'));
    expect(rows[0].n).toBe(0);
  });

  it('wakes a running relay when a commit wrote events, instead of waiting for its next poll', async () => {
    const relay = new CountsRounds(orm, js, options); // polls once a minute
    orm.em.getEventManager().registerSubscriber(wakeRelayAfterCommitWithEvents(relay));
    relay.start();
    try {
      await pollUntil(() => relay.rounds > 0, { timeoutMs: 5_000, what: 'its first, empty round' });
      const event = await vastleggen('GM0005');
      await pollUntil(async () => (await streamEvents(nc, since)).some((e) => e.msgId === event.id), { timeoutMs: 5_000 });
    } finally {
      await relay.stop();
    }
  });

  it('writes no event for a change that was rolled back', async () => {
    await expect(vastleggen('GM0003', true)).rejects.toThrow('a later step of the same change failed');

    const { rows } = await withClient('identity', (c) =>
      c.query(`select (select count(*)::int from identity.outbox) as events, (select count(*)::int from identity.gemeente) as gemeenten`),
    );
    expect(rows[0]).toEqual({ events: 0, gemeenten: 0 });
    expect(await new OutboxRelay(orm, js, options).relayAll()).toBe(0);
    expect(await streamEvents(nc, since)).toEqual([]);
  });

  it('empties the whole outbox in order, batch after batch', async () => {
    const events = [];
    for (let i = 10; i < 15; i++) events.push(await vastleggen(`GM00${i}`));

    expect(await new OutboxRelay(orm, js, { ...options, batchSize: 2 }).relayAll()).toBe(5);
    expect((await streamEvents(nc, since)).map((e) => e.msgId)).toEqual(events.map((e) => e.id));
  });

  it('publishes the events of one transaction in the order they were added', async () => {
    // Added within the same millisecond: the order must not depend on the clock or on the ids.
    const em = orm.em.fork() as EntityManager;
    const events = await em.transactional(async (tx) => {
      const added = [];
      for (let i = 0; i < 10; i++) added.push(await outbox.add(tx, { subject: GEMEENTE_EVENTS.vastgelegd, resource: 'gemeente', event: 'vastgelegd', about: `GM01${i}0`, data: { i } }));
      return added;
    });

    expect(await new OutboxRelay(orm, js, options).relayAll()).toBe(10);
    expect((await streamEvents(nc, since)).map((e) => e.msgId)).toEqual(events.map((e) => e.id));
  });

  it('stops at a failed publish and later continues from there, keeping the order', async () => {
    const events = [];
    for (let i = 20; i < 23; i++) events.push(await vastleggen(`GM00${i}`));

    expect(await new FailsOnce(orm, js, options, 2).relayAll()).toBe(1);
    expect((await streamEvents(nc, since)).map((e) => e.msgId)).toEqual([events[0].id]);
    expect(await outboxRow(events[2].id)).toMatchObject({ published_at: null, attempts: 0 });

    expect(await new OutboxRelay(orm, js, options).relayAll()).toBe(2);
    expect((await streamEvents(nc, since)).map((e) => e.msgId)).toEqual(events.map((e) => e.id));
  });

  it('lets one instance relay at a time, so concurrent relays publish each event once', async () => {
    const publish = jest.spyOn(js, 'publish');
    const events = [];
    for (let i = 30; i < 50; i++) events.push(await vastleggen(`GM00${i}`));

    const relays = [1, 2, 3].map(() => new OutboxRelay(orm, js, { ...options, batchSize: 5 }));
    const counts = await Promise.all(relays.map((r) => r.relayAll()));
    // A relay that finds the lock taken gives up for this round; the next poll catches up.
    const rest = await new OutboxRelay(orm, js, options).relayAll();

    expect(counts.reduce((a, b) => a + b, 0) + rest).toBe(20);
    expect(publish).toHaveBeenCalledTimes(20);
    expect((await streamEvents(nc, since)).map((e) => e.msgId)).toEqual(events.map((e) => e.id));
  });
});
