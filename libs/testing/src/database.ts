import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { Bouwsteen } from '@samen/contracts';
import { ormOptions } from '@samen/platform';
import { serviceDatabaseUrlFor, testEnv } from './env';
import { pollUntil } from './poll';
import { ORMS } from './services';

/**
 * A pg client on the test database, as the bouwsteen's own role (what the service can do) or,
 * with `'admin'`, as the superuser (to look behind the services' backs). The caller ends it.
 */
export async function pgClient(as: Bouwsteen | 'admin'): Promise<Client> {
  const url = as === 'admin' ? testEnv().databaseAdminUrl : serviceDatabaseUrlFor(as);
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Runs `fn` with a client and always ends it. */
export async function withClient<T>(as: Bouwsteen | 'admin', fn: (client: Client) => Promise<T>): Promise<T> {
  const client = await pgClient(as);
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Empties tables of a bouwsteen's schema, as its own role (which owns them). */
export async function truncate(bouwsteen: Bouwsteen, tables: string[]): Promise<void> {
  if (tables.length === 0) return;
  const list = tables
    .map((table) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`unsafe table name ${table}`);
      return `"${bouwsteen}"."${table}"`;
    })
    .join(', ');
  await withClient(bouwsteen, (client) => client.query(`truncate table ${list} cascade`).then(() => undefined));
}

/**
 * Waits until the bouwsteen's relay has published everything in its outbox. Call it before
 * stopping a service a test started: rows left behind would be published by the next instance
 * that starts on this database (a later test file), as events out of nowhere.
 */
export async function outboxDrained(bouwsteen: Bouwsteen, timeoutMs = 5000): Promise<void> {
  await pollUntil(
    async () => {
      const { rows } = await withClient(bouwsteen, (c) => c.query(`select count(*)::int as n from "${bouwsteen}"."outbox" where published_at is null`));
      return rows[0].n === 0;
    },
    { timeoutMs, what: `${bouwsteen} outbox drained` },
  );
}

/**
 * The bouwsteen's MikroORM on the test database, without Nest: for tests of the platform parts
 * that are not Nest handlers (relay, consumer). The caller closes it.
 */
export function testOrm(bouwsteen: Bouwsteen): Promise<MikroORM> {
  return MikroORM.init(ormOptions(bouwsteen, ORMS[bouwsteen], serviceDatabaseUrlFor(bouwsteen), 4));
}
