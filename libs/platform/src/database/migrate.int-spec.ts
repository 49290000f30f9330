import { BOUWSTENEN, type Bouwsteen } from '@samen/contracts';
import { ORMS, pgClient, rolePassword, testEnv, withClient } from '@samen/testing';
import { Client } from 'pg';
import { migrateBouwsteen } from './migrate';
import { PLATFORM_MIGRATIONS } from './platform-migrations';
import { provisionDatabase, recreateDatabase, roleOf, serviceDatabaseUrl } from './provision';

/** Tables the platform puts in every bouwsteen's schema. */
const PLATFORM_TABLES = ['inbox', 'mikro_orm_migrations', 'outbox'];

describe('schemas, roles and migrations (the database the global setup migrated)', () => {
  it('puts every table of a bouwsteen in its own schema, owned by its own role', async () => {
    const { rows } = await withClient('admin', (c) =>
      c.query<{ schemaname: string; tablename: string; tableowner: string }>(
        `select schemaname, tablename, tableowner from pg_tables
          where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`,
      ),
    );
    // Nothing in public: a table there would be readable by whoever can reach the database.
    expect(rows.filter((r) => !(BOUWSTENEN as readonly string[]).includes(r.schemaname))).toEqual([]);
    for (const bouwsteen of BOUWSTENEN) {
      const own = rows.filter((r) => r.schemaname === bouwsteen);
      expect(own.map((r) => r.tablename)).toEqual(expect.arrayContaining(PLATFORM_TABLES));
      for (const row of own) expect(`${row.schemaname}.${row.tablename}:${row.tableowner}`).toBe(`${row.schemaname}.${row.tablename}:${roleOf(bouwsteen)}`);
    }
    // A bouwsteen's own tables land in its schema only (identity's gemeente, for one).
    expect(rows.filter((r) => r.tablename === 'gemeente').map((r) => r.schemaname)).toEqual(['identity']);
  });

  it('has each schema owned by its role, and the schema is where the role looks first', async () => {
    const { rows } = await withClient('admin', (c) =>
      c.query<{ nspname: string; owner: string }>(
        `select nspname, pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = any($1::text[]) order by 1`,
        [BOUWSTENEN],
      ),
    );
    expect(rows).toEqual([...BOUWSTENEN].sort().map((b) => ({ nspname: b, owner: roleOf(b) })));
    for (const bouwsteen of BOUWSTENEN) {
      const path = await withClient(bouwsteen, (c) => c.query<{ search_path: string }>('show search_path'));
      expect(path.rows[0].search_path).toBe(bouwsteen);
    }
  });

  // DESIGN rule 1, enforced by PostgreSQL rather than by discipline.
  it.each<[Bouwsteen, Bouwsteen]>([
    ['identity', 'samenspreker'],
    ['samenspreker', 'identity'],
    ['monitoring', 'beleidsagenda'],
  ])('denies %s reading or writing the tables of %s', async (reader, owner) => {
    const client = await pgClient(reader);
    try {
      await expect(client.query(`select * from "${owner}"."outbox"`)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied/) });
      await expect(client.query(`insert into "${owner}"."inbox" (consumer, event_id) values ('x', 'y')`)).rejects.toMatchObject({ code: '42501' });
      await expect(client.query(`create table "${owner}"."sneaky" (id int)`)).rejects.toMatchObject({ code: '42501' });
      await expect(client.query(`create table public.sneaky (id int)`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.end();
    }
  });
});

describe('migrateBouwsteen on a fresh database', () => {
  // A database of its own: the shared test database is already migrated, and this test must
  // see the migrations applied from nothing.
  const adminUrl = (() => {
    const url = new URL(testEnv().databaseAdminUrl);
    url.pathname = `${url.pathname}_migrate`;
    return url.toString();
  })();
  const identityUrl = () => serviceDatabaseUrl(adminUrl, 'identity', rolePassword('identity'));

  beforeAll(async () => {
    await recreateDatabase(adminUrl);
    await provisionDatabase({ adminUrl, bouwstenen: ['identity'], passwords: { identity: rolePassword('identity') } });
  });

  afterAll(async () => {
    const url = new URL(adminUrl);
    const name = url.pathname.slice(1);
    url.pathname = '/postgres';
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(`drop database if exists "${name}" with (force)`).finally(() => client.end());
  });

  it('runs concurrently from two places: both succeed, each migration is applied once', async () => {
    const all = [...PLATFORM_MIGRATIONS, ...ORMS.identity.migrations].map((m) => m.name);
    const runs = await Promise.all([
      migrateBouwsteen('identity', ORMS.identity, identityUrl()),
      migrateBouwsteen('identity', ORMS.identity, identityUrl()),
    ]);
    // One did the work, the other waited on the lock and found nothing left.
    expect(runs.map((applied) => applied.length).sort()).toEqual([0, all.length]);
    expect(runs.flat()).toEqual(all);

    const client = new Client({ connectionString: identityUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('select name from identity.mikro_orm_migrations order by id');
      expect(rows.map((r) => r.name)).toEqual(all);
    } finally {
      await client.end();
    }
    // And once more later: nothing to do.
    expect(await migrateBouwsteen('identity', ORMS.identity, identityUrl())).toEqual([]);
  });
});
