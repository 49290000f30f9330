import type { MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';

/**
 * The platform's own tables, created in each bouwsteen's schema. A change to them is a new
 * migration here, which every service then runs on its own schema.
 */
export class Migration20261127000000Platform extends Migration {
  override async up(): Promise<void> {
    const s = `"${this.config.get('schema')}"`;
    this.addSql(`create schema if not exists ${s};`);
    this.addSql(`create table ${s}."outbox" (
      "id" uuid primary key,
      "subject" varchar(200) not null,
      "event" jsonb not null,
      "occurred_at" timestamptz not null default now(),
      "published_at" timestamptz null,
      "attempts" int not null default 0,
      "last_error" varchar(500) null
    );`);
    this.addSql(`create index "outbox_unpublished_idx" on ${s}."outbox" ("occurred_at") where "published_at" is null;`);
    this.addSql(`create table ${s}."inbox" (
      "consumer" varchar(120) not null,
      "event_id" varchar(200) not null,
      "handled_at" timestamptz not null default now(),
      primary key ("consumer", "event_id")
    );`);
  }

  override async down(): Promise<void> {
    const s = `"${this.config.get('schema')}"`;
    this.addSql(`drop table if exists ${s}."inbox";`);
    this.addSql(`drop table if exists ${s}."outbox";`);
  }
}

export const PLATFORM_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261127000000Platform', class: Migration20261127000000Platform },
];
