import { Migration } from '@mikro-orm/migrations';

export class Migration20261127005100Vraagstuk extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "samenspreker"."vraagstuk" (
      "id" uuid not null primary key,
      "gemeente" varchar(6) not null check ("gemeente" ~ '^GM[0-9]{4}$'),
      "soort" varchar(10) not null check ("soort" in ('probleem', 'kans')),
      "titel" varchar(200) not null,
      "omschrijving" text not null,
      "gebied_code" varchar(40) not null,
      "gebied_naam" varchar(200) not null,
      "themas" text[] not null default '{}',
      "initiatiefnemer_account_id" uuid not null,
      "initiatiefnemer_segment" varchar(20) not null,
      "initiatiefnemer_organisatie" uuid null,
      "fase" varchar(20) not null check ("fase" in ('agendering', 'oplossingen', 'besluitvorming', 'uitvoering', 'evaluatie', 'afgerond', 'afgewezen')),
      "fase_sinds" timestamptz not null,
      "aangemaakt_tijdstip" timestamptz not null
    );`);
    // The list's keyset order within a gemeente, and its usual filters (fase, gebied) in front of it.
    this.addSql(`create index "vraagstuk_gemeente_aangemaakt_index" on "samenspreker"."vraagstuk" ("gemeente", "aangemaakt_tijdstip" desc, "id" desc);`);
    this.addSql(`create index "vraagstuk_gemeente_fase_index" on "samenspreker"."vraagstuk" ("gemeente", "fase", "aangemaakt_tijdstip" desc, "id" desc);`);
    this.addSql(`create index "vraagstuk_gemeente_gebied_index" on "samenspreker"."vraagstuk" ("gemeente", "gebied_code", "aangemaakt_tijdstip" desc, "id" desc);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "samenspreker"."vraagstuk";`);
  }
}
