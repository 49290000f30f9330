import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Bouwsteen } from '@samen/contracts';
import { serviceDatabaseUrl } from '@samen/platform';

/**
 * Runs the built suite as real, separate processes (as `npm run up` and production do), so a
 * test can kill one the hard way and watch the others cope.
 */
const ROOT = join(__dirname, '..', '..');

export const NATS_URL = process.env.SAMEN_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
export const ADMIN_URL = process.env.SAMEN_TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/samen_test';
export const ADMIN_TOKEN = 'suite-test-admin-token-0123456789';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export class SuiteProcess {
  private output = '';
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  get log(): string {
    return this.output;
  }

  /** The hard way: no graceful shutdown, as when a pod or machine dies. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}

function start(name: string, script: string, env: Record<string, string>): SuiteProcess {
  const child = spawn(process.execPath, [join(ROOT, script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn', NATS_URL, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new SuiteProcess(name, child);
}

export function startBouwsteen(bouwsteen: Bouwsteen, env: Record<string, string> = {}): SuiteProcess {
  return start(bouwsteen, `dist/services/${bouwsteen}/src/main.js`, {
    DATABASE_URL: serviceDatabaseUrl(ADMIN_URL, bouwsteen),
    HEALTH_PORT: '0',
    SHUTDOWN_GRACE_MS: '200',
    ...env,
  });
}

export function startGateway(port: number, env: Record<string, string> = {}): SuiteProcess {
  return start('gateway', 'dist/gateway/src/main.js', {
    PORT: String(port),
    HOST: '127.0.0.1',
    SAMEN_ADMIN_TOKEN: ADMIN_TOKEN,
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  });
}

export async function pollUntil<T>(probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export interface BouwsteenStatus {
  naam: string;
  status: 'up' | 'absent';
  versie?: string;
  responstijdMs?: number;
}

export async function statuses(base: string): Promise<Record<string, BouwsteenStatus['status']>> {
  const response = await fetch(`${base}/api/v1/bouwstenen`);
  const body = (await response.json()) as { bouwstenen: BouwsteenStatus[] };
  return Object.fromEntries(body.bouwstenen.map((b) => [b.naam, b.status]));
}
