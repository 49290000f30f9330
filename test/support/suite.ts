import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Bouwsteen } from '@samen/contracts';
import { serviceDatabaseUrlFor, testEnv } from '@samen/testing';

export { freePort, pollUntil } from '@samen/testing';

/**
 * Runs the built suite as real, separate processes (as `npm run up` and production do), so a
 * test can kill one the hard way and watch the others cope.
 */
const ROOT = join(__dirname, '..', '..');

export const { natsUrl: NATS_URL, databaseAdminUrl: ADMIN_URL } = testEnv();
export const ADMIN_TOKEN = 'suite-test-admin-token-0123456789';

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
    DATABASE_URL: serviceDatabaseUrlFor(bouwsteen, ADMIN_URL),
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
