import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import type { MigrationObject } from '@mikro-orm/core';
import type { Bouwsteen } from '@samen/contracts';
import { InboxMessage } from '../events/inbox.entity';
import { OutboxMessage } from '../events/outbox.entity';
import { PLATFORM_MIGRATIONS } from './platform-migrations';

/** What a bouwsteen declares about its own data; the platform adds its outbox and inbox. */
export interface ServiceOrm {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: Array<new (...args: any[]) => object>;
  /** Oldest first. Listed, not discovered, so the built service needs no folder scanning. */
  migrations: MigrationObject[];
}

/**
 * MikroORM options of one bouwsteen: its own schema, its own migrations table in that schema,
 * and the connection of its own role (DESIGN rule 1; nestjs-notes §4.4).
 */
export function ormOptions(bouwsteen: Bouwsteen, orm: ServiceOrm, clientUrl: string, poolMax = 10): Options {
  return defineConfig({
    clientUrl,
    schema: bouwsteen,
    entities: [...orm.entities, OutboxMessage, InboxMessage],
    extensions: [Migrator],
    forceUtcTimezone: true,
    pool: { min: 0, max: poolMax },
    // Never let one service's diff see (and drop) another's schema, even with a superuser.
    schemaGenerator: { ignoreSchema: ['public'] },
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: [...PLATFORM_MIGRATIONS, ...orm.migrations],
      pathTs: `services/${bouwsteen}/src/migrations`,
      path: `dist/services/${bouwsteen}/src/migrations`,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    allowGlobalContext: false,
    debug: false,
  });
}
