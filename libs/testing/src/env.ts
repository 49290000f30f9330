import { loadEnv, serviceDatabaseUrl, ServiceEnv } from '@samen/platform';
import type { Bouwsteen } from '@samen/contracts';

/** Names under which the global setup hands its dependencies to the test files. */
export const TEST_ENV_KEYS = {
  natsUrl: 'SAMEN_TEST_NATS_URL',
  databaseAdminUrl: 'SAMEN_TEST_DATABASE_ADMIN_URL',
} as const;

/** The test database; dropped and recreated on every run, so never the development one. */
export const DEFAULT_TEST_DATABASE_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/samen_test';

export interface TestEnv {
  /** The private nats-server of this run (or TEST_NATS_URL). */
  natsUrl: string;
  /** Superuser connection to the test database. */
  databaseAdminUrl: string;
}

/** What the global setup prepared. Fails loudly outside the integration and suite projects. */
export function testEnv(): TestEnv {
  const natsUrl = process.env[TEST_ENV_KEYS.natsUrl];
  const databaseAdminUrl = process.env[TEST_ENV_KEYS.databaseAdminUrl];
  if (!natsUrl || !databaseAdminUrl) {
    throw new Error(
      `${TEST_ENV_KEYS.natsUrl} / ${TEST_ENV_KEYS.databaseAdminUrl} are not set: this test needs the global setup ` +
        'of the integration or suite project (npx jest --selectProjects integration --runInBand).',
    );
  }
  return { natsUrl, databaseAdminUrl };
}

/** A role password from `<BOUWSTEEN>_DB_PASSWORD`, as `db:provision` reads it; usually unset (trust). */
export function rolePassword(bouwsteen: Bouwsteen): string | undefined {
  return process.env[`${bouwsteen.toUpperCase()}_DB_PASSWORD`] || undefined;
}

/** The test database as the bouwsteen's own role sees it. */
export function serviceDatabaseUrlFor(bouwsteen: Bouwsteen, adminUrl = testEnv().databaseAdminUrl): string {
  return serviceDatabaseUrl(adminUrl, bouwsteen, rolePassword(bouwsteen));
}

/** Settings to override; a bouwsteen's own settings (e.g. identity's IDENTITY_KEY_SECRET) too. */
export type EnvOverrides = Partial<Record<keyof ServiceEnv, string | number>> & Record<string, string | number>;

/**
 * Valid settings for one instance against the test dependencies, checked by the same
 * `loadEnv` as production: silent logs (TEST_LOG_LEVEL=debug to see them), a random health
 * port, and a short shutdown grace so that closing an app does not slow the run down.
 */
export function serviceEnv(bouwsteen: Bouwsteen, overrides: EnvOverrides = {}, envClass: new () => ServiceEnv = ServiceEnv): ServiceEnv {
  const { natsUrl } = testEnv();
  return loadEnv(envClass, {
    NODE_ENV: 'test',
    NATS_URL: natsUrl,
    DATABASE_URL: serviceDatabaseUrlFor(bouwsteen),
    DATABASE_POOL_MAX: 4,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent',
    HEALTH_PORT: 0,
    SHUTDOWN_GRACE_MS: 100,
    OUTBOX_POLL_MS: 100,
    ...overrides,
  });
}
