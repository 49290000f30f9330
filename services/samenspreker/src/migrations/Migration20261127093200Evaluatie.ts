import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 4: evaluations and their summary. `evaluatie_sinds` is the moment the vraagstuk entered
 * evaluatie for this pass (its fase_sinds then): a reopened vraagstuk evaluates again from scratch.
 */
export class Migration20261127093200Evaluatie extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "samenspreker"."evaluatie" (
      "id" uuid not null primary key,
      "vraagstuk_id" uuid not null references "samenspreker"."vraagstuk" ("id"),
      "gemeente" varchar(6) not null,
      "evaluatie_sinds" timestamptz not null,
      "account_id" uuid not null,
      "segment" varchar(20) not null,
      "proces" smallint not null check ("proces" between 1 and 5),
      "uitkomst" smallint not null check ("uitkomst" between 1 and 5),
      "toelichting" text not null,
      "tijdstip" timestamptz not null,
      constraint "evaluatie_pass_account_unique" unique ("vraagstuk_id", "evaluatie_sinds", "account_id")
    );`);
    this.addSql(`create table "samenspreker"."evaluatie_samenvatting" (
      "id" uuid not null primary key,
      "vraagstuk_id" uuid not null references "samenspreker"."vraagstuk" ("id"),
      "gemeente" varchar(6) not null,
      "evaluatie_sinds" timestamptz not null,
      "samenvatting" text not null,
      "lessen" text[] not null default '{}',
      "uitkomst" varchar(10) not null check ("uitkomst" in ('opgelost', 'deels', 'niet')),
      "tijdstip" timestamptz not null,
      constraint "evaluatie_samenvatting_pass_unique" unique ("vraagstuk_id", "evaluatie_sinds")
    );`);
    // The summary closes a pass: written once, then part of the record.
    this.addSql(`create function "samenspreker"."evaluatie_samenvatting_onveranderlijk"() returns trigger language plpgsql as $$
      begin raise exception 'evaluatie_samenvatting verandert niet meer'; end $$;`);
    this.addSql(`create trigger "evaluatie_samenvatting_onveranderlijk" before update or delete on "samenspreker"."evaluatie_samenvatting"
      for each row execute function "samenspreker"."evaluatie_samenvatting_onveranderlijk"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "samenspreker"."evaluatie_samenvatting";`);
    this.addSql(`drop function if exists "samenspreker"."evaluatie_samenvatting_onveranderlijk"();`);
    this.addSql(`drop table if exists "samenspreker"."evaluatie";`);
  }
}
