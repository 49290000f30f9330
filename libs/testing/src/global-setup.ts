import type { Client } from 'pg';
import type { NatsServerHandle } from './nats';

/**
 * Global setup of the integration and suite projects (jest.config.js). Once per Jest run:
 *   1. a private nats-server with JetStream on a free port (or TEST_NATS_URL when set);
 *   2. the database of TEST_DATABASE_ADMIN_URL dropped and recreated, every bouwsteen's role and
 *      schema provisioned, every service's real migrations run (which tests the migrations too);
 *   3. both addresses exported through process.env to the test files (see `testEnv()`).
 * Two runs on one machine (two developers' terminals, an editor's test runner) would drop each
 * other's database, so a run holds an advisory lock on it until its teardown; a second run waits.
 * Jest calls it once per project that has tests, so it remembers that it already ran.
 *
 * Only type imports at the top: the platform and the services are loaded inside the function,
 * after the snapshot of globalThis, so that whatever they register globally can be dropped again
 * (see forgetGlobals).
 */

interface SetupState {
  nats?: NatsServerHandle;
  runLock?: Client;
}

const STATE = Symbol.for('samen.testing.globalSetup');
type GlobalWithState = typeof globalThis & { [STATE]?: SetupState };

export default async function globalSetup(): Promise<void> {
  const global = globalThis as GlobalWithState;
  if (global[STATE]) return;
  const state: SetupState = {};
  global[STATE] = state;

  const globalsBefore = new Set(Object.getOwnPropertyNames(globalThis));
  try {
    await prepare(state);
  } finally {
    forgetGlobals(globalsBefore);
  }
}

async function prepare(state: SetupState): Promise<void> {
  await import('reflect-metadata');
  const { BOUWSTENEN } = await import('@samen/contracts');
  const { migrateBouwsteen, provisionDatabase, recreateDatabase } = await import('@samen/platform');
  const { DEFAULT_TEST_DATABASE_ADMIN_URL, rolePassword, serviceDatabaseUrlFor, TEST_ENV_KEYS } = await import('./env');
  const { spawnNatsServer } = await import('./nats');
  const { ORMS } = await import('./services');

  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL || DEFAULT_TEST_DATABASE_ADMIN_URL;
  assertThrowaway(adminUrl);
  state.runLock = await lockTestDatabase(adminUrl);

  const natsStarted = process.env.TEST_NATS_URL ? Promise.resolve(undefined) : spawnNatsServer();
  try {
    await recreateDatabase(adminUrl);
    const passwords = Object.fromEntries(BOUWSTENEN.map((b) => [b, rolePassword(b)]).filter(([, p]) => p));
    await provisionDatabase({ adminUrl, bouwstenen: BOUWSTENEN, passwords });
    await Promise.all(BOUWSTENEN.map((b) => migrateBouwsteen(b, ORMS[b], serviceDatabaseUrlFor(b, adminUrl))));
  } catch (error) {
    await (await natsStarted.catch(() => undefined))?.stop();
    await state.runLock.end().catch(() => undefined);
    throw new Error(`test database at ${redactUrl(adminUrl)} could not be prepared: ${(error as Error).message}`);
  }
  state.nats = await natsStarted;
  if (state.nats) {
    const child = state.nats.process;
    // If Jest dies without running the teardown, do not leave a broker behind.
    process.once('exit', () => child.kill('SIGKILL'));
  }

  process.env[TEST_ENV_KEYS.natsUrl] = state.nats?.url ?? process.env.TEST_NATS_URL;
  process.env[TEST_ENV_KEYS.databaseAdminUrl] = adminUrl;
}

export async function globalTeardown(): Promise<void> {
  const global = globalThis as GlobalWithState;
  const state = global[STATE];
  if (!state) return;
  delete global[STATE];
  await state.nats?.stop();
  await state.runLock?.end().catch(() => undefined);
}

const LOCK_WAIT_MS = 10 * 60_000;

/**
 * Takes a session advisory lock named after the test database, on a connection held until the
 * teardown. If the process dies, PostgreSQL drops the connection and with it the lock.
 */
async function lockTestDatabase(adminUrl: string): Promise<Client> {
  const { Client: PgClient } = await import('pg');
  const url = new URL(adminUrl);
  const database = url.pathname.replace(/^\//, '');
  url.pathname = '/postgres';
  const client = new PgClient({ connectionString: url.toString(), application_name: `samen-test-run ${process.pid}` });
  client.on('error', () => undefined); // a lost connection only loses the lock; never crash Jest for it
  await client.connect();
  const key = `samen-test-run:${database}`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let told = false;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [key]);
    if (rows[0]?.locked) return client;
    if (!told) {
      process.stderr.write(`samen tests: another test run is using database ${database}; waiting for it to finish…\n`);
      told = true;
    }
    if (Date.now() > deadline) {
      await client.end();
      throw new Error(`another test run kept database ${database} for more than ${LOCK_WAIT_MS / 60_000} minutes`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * jest-environment-node copies the globals of this (outer) realm into every test file's sandbox.
 * Libraries keep registries on globalThis (MikroORM `mikro-orm-metadata`, class-validator
 * `classValidatorMetadataStorage`); copied over, a sandbox would share them, and MikroORM would
 * clone entity metadata holding this realm's Maps ("Map.prototype.set called on incompatible
 * receiver"). The setup is done with them, so drop whatever it added.
 */
function forgetGlobals(before: Set<string>): void {
  const global = globalThis as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (!before.has(name)) delete global[name];
  }
}

/** The run drops this database: refuse anything that does not look like a test database. */
function assertThrowaway(adminUrl: string): void {
  const name = decodeURIComponent(new URL(adminUrl).pathname.replace(/^\//, ''));
  if (!/test/i.test(name)) {
    throw new Error(`TEST_DATABASE_ADMIN_URL names database '${name}'; the tests drop it, so its name must contain 'test'.`);
  }
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
