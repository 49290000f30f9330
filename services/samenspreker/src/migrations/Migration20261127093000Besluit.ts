import { Migration } from '@mikro-orm/migrations';

/** Issue 4: published besluiten, immutable; a correction is a new besluit naming the one it corrects. */
export class Migration20261127093000Besluit extends Migration {
  override async up(): Promise<void> {
    // oplossing_versies holds {oplossingId, versie} pairs without a foreign key: the oplossing tables are
    // built on a parallel branch; that each referenced version exists is checked by the lead when merging both.
    this.addSql(`create table "samenspreker"."besluit" (
      "id" uuid not null primary key,
      "vraagstuk_id" uuid not null references "samenspreker"."vraagstuk" ("id"),
      "gemeente" varchar(6) not null,
      "orgaan" varchar(20) not null check ("orgaan" in ('college', 'raad', 'tafel', 'organisatie')),
      "organisatie" uuid null,
      "tekst" text not null,
      "motivatie" text not null,
      "oplossing_versies" jsonb not null default '[]' check (jsonb_typeof("oplossing_versies") = 'array'),
      "stemmingen" uuid[] not null default '{}',
      "datum" date not null,
      "corrigeert" uuid null references "samenspreker"."besluit" ("id"),
      "besluitvorming_sinds" timestamptz not null,
      "gepubliceerd_tijdstip" timestamptz not null,
      constraint "besluit_organisatie_check" check (("orgaan" = 'organisatie') = ("organisatie" is not null)),
      constraint "besluit_corrigeert_unique" unique ("corrigeert")
    );`);
    this.addSql(`create index "besluit_vraagstuk_index" on "samenspreker"."besluit" ("vraagstuk_id", "gepubliceerd_tijdstip", "id");`);
    // Published means final, in the database itself: a besluit that can be edited afterwards proves nothing.
    this.addSql(`create function "samenspreker"."besluit_onveranderlijk"() returns trigger language plpgsql as $$
      begin raise exception 'besluit is gepubliceerd en verandert niet meer'; end $$;`);
    this.addSql(`create trigger "besluit_onveranderlijk" before update or delete on "samenspreker"."besluit"
      for each row execute function "samenspreker"."besluit_onveranderlijk"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "samenspreker"."besluit";`);
    this.addSql(`drop function if exists "samenspreker"."besluit_onveranderlijk"();`);
  }
}
