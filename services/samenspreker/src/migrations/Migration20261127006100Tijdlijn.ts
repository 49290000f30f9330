import { Migration } from '@mikro-orm/migrations';

/** Issue 4: the public, append-only, hash-chained timeline of each vraagstuk. */
export class Migration20261127006100Tijdlijn extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "samenspreker"."tijdlijn_entry" (
      "id" uuid not null primary key,
      "vraagstuk_id" uuid not null,
      "volgnummer" int not null check ("volgnummer" >= 1),
      "gemeente" varchar(6) not null,
      "tijdstip" timestamptz not null,
      "soort" varchar(60) not null,
      "actor" jsonb null,
      "gegevens" jsonb not null,
      "vorige_hash" char(64) not null,
      "hash" char(64) not null,
      constraint "tijdlijn_entry_vraagstuk_volgnummer_unique" unique ("vraagstuk_id", "volgnummer")
    );`);
    // Append-only in the database itself: a timeline that the service role can edit proves nothing.
    this.addSql(`create function "samenspreker"."tijdlijn_onveranderlijk"() returns trigger language plpgsql as $$
      begin raise exception 'tijdlijn_entry is append-only'; end $$;`);
    this.addSql(`create trigger "tijdlijn_onveranderlijk" before update or delete on "samenspreker"."tijdlijn_entry"
      for each row execute function "samenspreker"."tijdlijn_onveranderlijk"();`);
  }
}
