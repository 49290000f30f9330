import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MikroORM } from '@mikro-orm/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect, type NatsConnection } from 'nats';
import { GEMEENTE_EVENTS, GEMEENTE_SUBJECTS, healthSubject, type HealthReply } from '@samen/contracts';
import {
  dataOf,
  definitionOf,
  errorOf,
  expectEventually,
  natsConnect,
  request,
  spawnNatsServer,
  startTestService,
  streamEvents,
  streamLastSeq,
  testEnv,
  testOrm,
  truncate,
  withClient,
  type NatsServerHandle,
} from '@samen/testing';
import { Outbox } from '../events/outbox';
import { OutboxRelay } from '../events/outbox-relay';
import { NatsConnectionHolder } from '../nats/nats-connection';

async function probe(app: NestFastifyApplication, path: string): Promise<number> {
  const url = new URL(await app.getUrl());
  url.hostname = '127.0.0.1';
  url.pathname = path;
  return (await fetch(url)).status;
}

describe('relay wake-up', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;

  beforeAll(async () => {
    await truncate('identity', ['gemeente', 'outbox']);
    nc = await natsConnect();
    // A poll far beyond the test: only the wake-up after commit can deliver the event in time.
    app = await startTestService(definitionOf('identity'), { OUTBOX_POLL_MS: 60_000 });
  });

  afterAll(async () => {
    await app?.close();
    await nc?.close();
  });

  it('publishes an event right after its commit, not at the next poll', async () => {
    const since = await streamLastSeq(nc);
    await request(GEMEENTE_SUBJECTS.upsert, { code: 'GM0401', naam: 'Wakker', bouwstenen: ['identity'] }, {}, { nc });
    await expectEventually(async () => expect((await streamEvents(nc, since)).map((e) => e.event?.subject)).toEqual(['GM0401']), {
      timeoutMs: 2000,
    });
  });

  it('stays idle when nothing is written: its own commits do not wake it again', async () => {
    // Let the wake-up of the test above play out, then count rounds over a quiet second.
    await new Promise((r) => setTimeout(r, 300));
    const relay = app.get(OutboxRelay);
    const rounds = jest.spyOn(relay, 'relayBatch');
    await new Promise((r) => setTimeout(r, 1000));
    expect(rounds).not.toHaveBeenCalled();
    rounds.mockRestore();
  });
});

describe('broker restart', () => {
  let storeDir: string;
  let broker: NatsServerHandle | undefined;
  let app: NestFastifyApplication | undefined;
  let nc: NatsConnection | undefined;
  let orm: MikroORM | undefined;

  beforeAll(async () => {
    await truncate('identity', ['gemeente', 'outbox']);
    storeDir = mkdtempSync(join(tmpdir(), 'samen-nats-restart-'));
    broker = await spawnNatsServer({ storeDir });
    app = await startTestService(definitionOf('identity'), { NATS_URL: broker.url, OUTBOX_POLL_MS: 200 });
    nc = await connect({ servers: broker.url, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
    orm = await testOrm('identity');
  });

  afterAll(async () => {
    await app?.close();
    await nc?.close();
    await broker?.stop();
    await orm?.close(true);
    rmSync(storeDir, { recursive: true, force: true });
  });

  it('keeps events written while the broker is away, and the service answers again once it is back', async () => {
    const client = nc as NatsConnection;
    const service = app as NestFastifyApplication;
    const health = () => request<HealthReply>(healthSubject('identity'), {}, {}, { nc: client, timeoutMs: 1000 });

    expect(dataOf(await health()).database).toBe('up');
    expect(await probe(service, '/health/ready')).toBe(200);

    await broker?.stop();
    // Not ready without NATS: an orchestrator stops sending it work, but does not kill it.
    await expectEventually(async () => expect(await probe(service, '/health/ready')).toBe(503));
    expect(await probe(service, '/health/live')).toBe(200);

    // A change committed while the broker is away (as by a request that was in flight).
    const em = (orm as MikroORM).em.fork() as EntityManager;
    const event = await em.transactional(async (tx) =>
      new Outbox('identity').add(tx, { subject: GEMEENTE_EVENTS.vastgelegd, resource: 'gemeente', event: 'vastgelegd', about: 'GM0402', data: {} }),
    );

    broker = await spawnNatsServer({ port: broker?.port, storeDir });

    await expectEventually(async () => expect(dataOf(await health()).bouwsteen).toBe('identity'), { timeoutMs: 15_000, intervalMs: 200 });
    await expectEventually(async () => expect((await streamEvents(client, 0)).map((e) => e.msgId)).toContain(event.id), {
      timeoutMs: 15_000,
      intervalMs: 200,
    });
    await expectEventually(async () => expect(dataOf(await health()).pendingEvents).toBe(0));
    expect(await probe(service, '/health/ready')).toBe(200);
  });
});

describe('database refusing the service', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  const database = () => new URL(testEnv().databaseAdminUrl).pathname.slice(1);

  /** Lets no new connection of a service role in (superusers still get in), and drops the current ones. */
  async function refuse(refusing: boolean): Promise<void> {
    await withClient('admin', async (c) => {
      await c.query(`alter database "${database()}" connection limit ${refusing ? 0 : -1}`);
      if (refusing) await c.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and usename = 'samen_identity'`, [database()]);
    });
  }

  beforeAll(async () => {
    nc = await natsConnect();
    app = await startTestService(definitionOf('identity'));
  });

  afterAll(async () => {
    await refuse(false);
    await app?.close();
    await nc?.close();
  });

  it('reports the database down in health, answers UNAVAILABLE, and recovers when it is back', async () => {
    const health = async () => dataOf(await request<HealthReply>(healthSubject('identity'), {}, {}, { nc }));
    expect((await health()).database).toBe('up');

    await refuse(true);
    expect((await health()).database).toBe('down');
    expect(await probe(app, '/health/ready')).toBe(503);
    // A dependency that is away is a 503 the caller may retry, not an unexplained 500.
    expect(errorOf(await request(GEMEENTE_SUBJECTS.get, { code: 'GM0637' }, {}, { nc }))).toMatchObject({ code: 'UNAVAILABLE', status: 503 });

    await refuse(false);
    await expectEventually(async () => expect((await health()).database).toBe('up'));
    expect(errorOf(await request(GEMEENTE_SUBJECTS.get, { code: 'GM0637' }, {}, { nc })).code).toBe('NOT_FOUND');
  });
});

describe('stopping during a broker outage', () => {
  it('closes its NATS connection instead of reconnecting forever (which kept the process alive)', async () => {
    const broker = await spawnNatsServer();
    const app = await startTestService(definitionOf('monitoring'), { NATS_URL: broker.url });
    try {
      const holder = app.get(NatsConnectionHolder);
      await broker.stop();
      await expectEventually(() => expect(holder.isConnected).toBe(false));

      const started = Date.now();
      await app.close();
      expect(holder.connection.isClosed()).toBe(true);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await broker.stop();
    }
  });
});
