import { Migration } from '@mikro-orm/migrations';

/** Issue 4: acties of the uitvoering and their progress reports (append-only). */
export class Migration20261127093100Actie extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "samenspreker"."actie" (
      "id" uuid not null primary key,
      "vraagstuk_id" uuid not null references "samenspreker"."vraagstuk" ("id"),
      "gemeente" varchar(6) not null,
      "titel" varchar(200) not null,
      "omschrijving" text not null,
      "eigenaar_organisatie" uuid not null,
      "deadline" date not null,
      "status" varchar(10) not null check ("status" in ('gepland', 'bezig', 'afgerond', 'gesloten')),
      "percentage" int not null check ("percentage" between 0 and 100),
      "gesloten_reden" text null,
      "aangemaakt_tijdstip" timestamptz not null,
      constraint "actie_gesloten_reden_check" check (("status" = 'gesloten') = ("gesloten_reden" is not null)),
      constraint "actie_afgerond_check" check ("status" <> 'afgerond' or "percentage" = 100)
    );`);
    // The list per vraagstuk, and the open ones the phase machine counts.
    this.addSql(`create index "actie_vraagstuk_index" on "samenspreker"."actie" ("vraagstuk_id", "aangemaakt_tijdstip", "id");`);
    this.addSql(`create table "samenspreker"."actie_voortgang" (
      "id" uuid not null primary key,
      "actie_id" uuid not null references "samenspreker"."actie" ("id"),
      "percentage" int not null check ("percentage" between 0 and 100),
      "toelichting" text not null,
      "status" varchar(10) not null check ("status" in ('bezig', 'afgerond')),
      "tijdstip" timestamptz not null,
      constraint "actie_voortgang_afgerond_check" check ("status" <> 'afgerond' or "percentage" = 100)
    );`);
    this.addSql(`create index "actie_voortgang_actie_index" on "samenspreker"."actie_voortgang" ("actie_id", "tijdstip", "id");`);
    // A progress report, once made, is history.
    this.addSql(`create function "samenspreker"."actie_voortgang_onveranderlijk"() returns trigger language plpgsql as $$
      begin raise exception 'actie_voortgang is append-only'; end $$;`);
    this.addSql(`create trigger "actie_voortgang_onveranderlijk" before update or delete on "samenspreker"."actie_voortgang"
      for each row execute function "samenspreker"."actie_voortgang_onveranderlijk"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "samenspreker"."actie_voortgang";`);
    this.addSql(`drop function if exists "samenspreker"."actie_voortgang_onveranderlijk"();`);
    this.addSql(`drop table if exists "samenspreker"."actie";`);
  }
}
