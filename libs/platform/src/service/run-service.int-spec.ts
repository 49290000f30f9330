import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsInt, Max, Min } from 'class-validator';
import { ErrorCode as NatsErrorCode, type NatsConnection } from 'nats';
import { healthSubject, requestSubject, type HealthReply } from '@samen/contracts';
import { Publiek } from '../auth/auth.decorators';
import { dataOf, definitionOf, expectEventually, natsConnect, ORMS, request, serviceDatabaseUrlFor, sleep, startTestService, testEnv } from '@samen/testing';

const ROOT = join(__dirname, '../../../..');
const IDENTITY_MAIN = join(ROOT, 'dist/services/identity/src/main.js');

describe('two instances of one bouwsteen (queue group)', () => {
  const apps: NestFastifyApplication[] = [];
  let nc: NatsConnection;

  beforeAll(async () => {
    nc = await natsConnect();
    apps.push(await startTestService(definitionOf('identity')), await startTestService(definitionOf('identity')));
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await nc?.close();
  });

  async function healthInstances(n: number): Promise<string[]> {
    const instances: string[] = [];
    for (let i = 0; i < n; i++) instances.push(dataOf(await request<HealthReply>(healthSubject('identity'), {}, {}, { nc })).instance);
    return instances;
  }

  it('share the requests, and one keeps answering when the other stops', async () => {
    const both = await healthInstances(20);
    // Each request goes to one member of the queue group: random, so with 20 requests both
    // answer (all 20 to one would happen about twice in a million runs).
    expect(new Set(both).size).toBe(2);

    const stopped = apps.shift() as NestFastifyApplication;
    await stopped.close();

    const after = await healthInstances(20);
    expect(after).toHaveLength(20);
    expect(new Set(after).size).toBe(1);
    expect(both).toContain(after[0]);
  });
});

class SlowRequest {
  @IsInt()
  @Min(0)
  @Max(5000)
  ms: number;
}

const SLOW = requestSubject('monitoring', 'test', 'slow');

/** Resolved when the slow handler has the request in hand: no guessing with sleeps. */
let handlerStarted: () => void = () => undefined;

// Every handler says who may call it; this one anyone (the guard refuses undecorated handlers).
@Publiek()
@Controller()
class SlowHandlers {
  @MessagePattern(SLOW)
  async slow(@Payload() request: SlowRequest): Promise<{ sleptMs: number }> {
    handlerStarted();
    await sleep(request.ms);
    return { sleptMs: request.ms };
  }
}

@Module({ controllers: [SlowHandlers] })
class SlowModule {}

describe('graceful shutdown', () => {
  let nc: NatsConnection;

  beforeAll(async () => {
    nc = await natsConnect();
  });

  afterAll(async () => {
    await nc?.close();
  });

  it('answers a request in flight while the instance stops, and takes no new ones', async () => {
    const app = await startTestService({ bouwsteen: 'monitoring', module: SlowModule, orm: ORMS.monitoring }, { SHUTDOWN_GRACE_MS: 1500 });
    let closed = false;
    try {
      const started = new Promise<void>((resolve) => (handlerStarted = resolve));
      const inFlight = request<{ sleptMs: number }>(SLOW, { ms: 600 }, {}, { nc, timeoutMs: 5000 });
      await started;
      const closing = app.close().then(() => (closed = true));

      // Once the transport has unsubscribed, a new request finds nobody (and says so at once)
      // rather than reaching the stopping instance.
      await expectEventually(() =>
        expect(request(SLOW, { ms: 0 }, {}, { nc, timeoutMs: 1000 })).rejects.toMatchObject({ code: NatsErrorCode.NoResponders }),
      );
      expect(dataOf(await inFlight)).toEqual({ sleptMs: 600 });
      await closing;
    } finally {
      if (!closed) await app.close();
    }
  });
});

describe('configuration of a built service', () => {
  beforeAll(() => {
    // npm test builds first; this keeps `jest --selectProjects integration` usable on its own.
    if (!existsSync(IDENTITY_MAIN)) execFileSync(process.execPath, [join(ROOT, 'scripts/build.js')], { cwd: ROOT, stdio: 'ignore' });
  });

  function run(env: Record<string, string>, timeoutMs = 10_000): Promise<{ code: number | null; stderr: string; ms: number }> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [IDENTITY_MAIN], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`identity did not exit within ${timeoutMs} ms; stderr: ${stderr}`));
      }, timeoutMs);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr, ms: Date.now() - started });
      });
    });
  }

  it('refuses to start with a bad DATABASE_URL, names it, and does not echo it', async () => {
    const result = await run({ DATABASE_URL: 'nonsense', NATS_URL: testEnv().natsUrl });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).not.toContain('nonsense');
    expect(result.ms).toBeLessThan(5000);
  });

  it('names every bad setting in one go', async () => {
    const result = await run({ DATABASE_URL: 'nonsense', NATS_URL: 'http://broker', HEALTH_PORT: 'eighty' });
    expect(result.code).not.toBe(0);
    for (const name of ['DATABASE_URL', 'NATS_URL', 'HEALTH_PORT']) expect(result.stderr).toContain(name);
  });

  it('exits non-zero when its database cannot be reached, instead of hanging', async () => {
    const unreachable = new URL(serviceDatabaseUrlFor('identity'));
    unreachable.port = '1';
    const result = await run({ DATABASE_URL: unreachable.toString(), NATS_URL: testEnv().natsUrl });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/could not start/);
  });
});
