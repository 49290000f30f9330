import 'reflect-metadata';
import { BOUWSTENEN } from '@samen/contracts';
import { migrateBouwsteen, provisionDatabase, recreateDatabase } from '@samen/platform';
import { DEFAULT_TEST_DATABASE_ADMIN_URL, rolePassword, serviceDatabaseUrlFor, TEST_ENV_KEYS } from './env';
import { spawnNatsServer, type NatsServerHandle } from './nats';
import { ORMS } from './services';

/**
 * Global setup of the integration and suite projects (jest.config.js). Once per Jest run:
 *   1. a private nats-server with JetStream on a free port (or TEST_NATS_URL when set);
 *   2. the database of TEST_DATABASE_ADMIN_URL dropped and recreated, every bouwsteen's role and
 *      schema provisioned, every service's real migrations run (which tests the migrations too);
 *   3. both addresses exported through process.env to the test files (see `testEnv()`).
 * Jest calls it once per project that has tests, so it remembers that it already ran.
 */

interface SetupState {
  nats?: NatsServerHandle;
}

const STATE = Symbol.for('samen.testing.globalSetup');
type GlobalWithState = typeof globalThis & { [STATE]?: SetupState };

export default async function globalSetup(): Promise<void> {
  const global = globalThis as GlobalWithState;
  if (global[STATE]) return;
  const state: SetupState = {};
  global[STATE] = state;

  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL || DEFAULT_TEST_DATABASE_ADMIN_URL;
  assertThrowaway(adminUrl);

  const natsStarted = process.env.TEST_NATS_URL ? Promise.resolve(undefined) : spawnNatsServer();
  try {
    await recreateDatabase(adminUrl);
    const passwords = Object.fromEntries(BOUWSTENEN.map((b) => [b, rolePassword(b)]).filter(([, p]) => p));
    await provisionDatabase({ adminUrl, bouwstenen: BOUWSTENEN, passwords });
    await Promise.all(BOUWSTENEN.map((b) => migrateBouwsteen(b, ORMS[b], serviceDatabaseUrlFor(b, adminUrl))));
  } catch (error) {
    await (await natsStarted.catch(() => undefined))?.stop();
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
