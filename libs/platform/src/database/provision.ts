import { Client } from 'pg';
import type { Bouwsteen } from '@samen/contracts';

/** The database role that owns a bouwsteen's schema and nothing else. */
export function roleOf(bouwsteen: Bouwsteen): string {
  return `samen_${bouwsteen}`;
}

/** The connection string of a bouwsteen's own role, derived from an administrator's one. */
export function serviceDatabaseUrl(adminUrl: string, bouwsteen: Bouwsteen, password?: string): string {
  const url = new URL(adminUrl);
  url.username = roleOf(bouwsteen);
  url.password = password ?? '';
  return url.toString();
}

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier ${name}`);
  return `"${name}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export interface ProvisionOptions {
  /** Connection of a role that may create databases and roles. */
  adminUrl: string;
  bouwstenen: readonly Bouwsteen[];
  /** Role passwords per bouwsteen; without one the role has no password (trust/peer setups). */
  passwords?: Partial<Record<Bouwsteen, string>>;
}

/**
 * Creates (idempotently) the database named in adminUrl, and per bouwsteen a login role that
 * owns a schema of the same name. Roles get no rights on each other's schemas, so a migration of
 * one cannot touch another's tables (DESIGN rule 1, enforced by PostgreSQL itself).
 * Safe to run by several processes at once: it serialises on an advisory lock.
 */
export async function provisionDatabase(options: ProvisionOptions): Promise<void> {
  const target = new URL(options.adminUrl);
  const database = decodeURIComponent(target.pathname.replace(/^\//, '')) || 'postgres';
  await ensureDatabase(options.adminUrl, database);

  const client = new Client({ connectionString: options.adminUrl });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('samen-provision'))`);
    for (const bouwsteen of options.bouwstenen) {
      const role = roleOf(bouwsteen);
      const password = options.passwords?.[bouwsteen];
      const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      const auth = password ? `password ${literal(password)}` : 'password null';
      if (exists.rowCount === 0) await client.query(`create role ${ident(role)} login ${auth}`);
      else await client.query(`alter role ${ident(role)} login ${auth}`);
      // CREATE on the database: MikroORM's migrations begin with `create schema if not exists`.
      await client.query(`grant connect, create on database ${ident(database)} to ${ident(role)}`);
      await client.query(`create schema if not exists ${ident(bouwsteen)} authorization ${ident(role)}`);
      await client.query(`alter schema ${ident(bouwsteen)} owner to ${ident(role)}`);
      await client.query(`alter role ${ident(role)} in database ${ident(database)} set search_path = ${ident(bouwsteen)}`);
    }
    await client.query(`revoke all on schema public from public`);
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext('samen-provision'))`).catch(() => undefined);
    await client.end();
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const url = new URL(adminUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) {
      try {
        await client.query(`create database ${ident(database)}`);
      } catch (error) {
        // Another process created it in the meantime.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

/** Drops and recreates a database: for test runs only. */
export async function recreateDatabase(adminUrl: string): Promise<void> {
  const target = new URL(adminUrl);
  const database = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!database || database === 'postgres') throw new Error('refusing to recreate the postgres database');
  const url = new URL(adminUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${ident(database)} with (force)`);
    await client.query(`create database ${ident(database)}`);
  } finally {
    await client.end();
  }
}
