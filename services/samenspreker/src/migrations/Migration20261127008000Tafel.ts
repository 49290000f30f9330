import { Migration } from '@mikro-orm/migrations';

export class Migration20261127008000Tafel extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "samenspreker"."deelnemer" (
      "id" uuid not null primary key,
      "vraagstuk_id" uuid not null references "samenspreker"."vraagstuk" ("id"),
      "gemeente" varchar(6) not null,
      "account_id" uuid not null,
      "rol" varchar(20) not null check ("rol" in ('initiatiefnemer', 'voorzitter', 'deelnemer', 'besluitvormer', 'uitvoerder', 'waarnemer')),
      "segment" varchar(20) not null check ("segment" in ('gemeente', 'bedrijfsleven', 'maatschappelijk', 'burgers', 'inwoner')),
      "organisatie" uuid null,
      "status" varchar(20) not null check ("status" in ('uitgenodigd', 'actief', 'vertrokken')),
      "uitgenodigd_door" uuid null,
      "sinds" timestamptz not null,
      constraint "deelnemer_vraagstuk_account_unique" unique ("vraagstuk_id", "account_id")
    );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "samenspreker"."deelnemer";`);
  }
}
