import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { Bouwsteen } from '@samen/contracts';
import { ormOptions, type ServiceOrm } from './orm-options';

/**
 * Runs a bouwsteen's pending migrations once. Meant as a one-shot step before the instances
 * start (compose `migrate`, a Kubernetes Job, `npm run up`), never in every instance's start-up.
 * Two concurrent runs do not race: they serialise on an advisory lock, and the second finds
 * nothing left to do. MikroORM 6 takes no lock of its own (nestjs-notes §0.7).
 */
export async function migrateBouwsteen(bouwsteen: Bouwsteen, orm: ServiceOrm, databaseUrl: string): Promise<string[]> {
  const lock = new Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [`samen-migrate-${bouwsteen}`]);
    // MikroORM would print a line per migration; the caller reports the returned names once.
    const mikro = await MikroORM.init({ ...ormOptions(bouwsteen, orm, databaseUrl, 2), logger: () => undefined });
    try {
      const done = await mikro.getMigrator().up();
      return done.map((m) => m.name);
    } finally {
      await mikro.close(true);
    }
  } finally {
    await lock.query('select pg_advisory_unlock(hashtext($1))', [`samen-migrate-${bouwsteen}`]).catch(() => undefined);
    await lock.end();
  }
}
