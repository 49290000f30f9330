import { Migration } from '@mikro-orm/migrations';

/** Issue 4: rondes with their shortlist, oplossingen in immutable versions, posities, reacties. */
export class Migration20261127092000Samenspraak extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "samenspreker"."ronde" (
      "id" uuid not null primary key,
      "vraagstuk_id" uuid not null references "samenspreker"."vraagstuk" ("id"),
      "gemeente" varchar(6) not null,
      "nummer" int not null check ("nummer" >= 1),
      "status" varchar(10) not null check ("status" in ('open', 'gesloten')),
      "geopend_op" timestamptz not null,
      "gesloten_op" timestamptz null,
      "shortlist" jsonb null check ("shortlist" is null or jsonb_typeof("shortlist") = 'array'),
      "shortlist_wijze" varchar(10) null check ("shortlist_wijze" in ('gekozen', 'regel')),
      constraint "ronde_vraagstuk_nummer_unique" unique ("vraagstuk_id", "nummer"),
      constraint "ronde_gesloten_met_shortlist" check (
        ("status" = 'open' and "gesloten_op" is null and "shortlist" is null and "shortlist_wijze" is null)
        or ("status" = 'gesloten' and "gesloten_op" is not null and "shortlist" is not null and "shortlist_wijze" is not null))
    );`);
    // At most one open round per vraagstuk, even if a bug skipped the check under the row lock.
    this.addSql(`create unique index "ronde_een_open_per_vraagstuk" on "samenspreker"."ronde" ("vraagstuk_id") where "status" = 'open';`);
    // A round may be closed once; after that it and its shortlist are part of the record.
    this.addSql(`create function "samenspreker"."ronde_gesloten_onveranderlijk"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or old."status" = 'gesloten' then raise exception 'ronde is gesloten of wordt verwijderd: onveranderlijk'; end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "ronde_gesloten_onveranderlijk" before update or delete on "samenspreker"."ronde"
      for each row execute function "samenspreker"."ronde_gesloten_onveranderlijk"();`);

    this.addSql(`create table "samenspreker"."oplossing" (
      "id" uuid not null primary key,
      "vraagstuk_id" uuid not null references "samenspreker"."vraagstuk" ("id"),
      "gemeente" varchar(6) not null,
      "ronde_id" uuid not null references "samenspreker"."ronde" ("id"),
      "auteur_account_id" uuid not null,
      "auteur_segment" varchar(20) not null check ("auteur_segment" in ('gemeente', 'bedrijfsleven', 'maatschappelijk', 'burgers', 'inwoner')),
      "auteur_organisatie" uuid null,
      "ingediend_op" timestamptz not null
    );`);
    this.addSql(`create index "oplossing_ronde_index" on "samenspreker"."oplossing" ("ronde_id", "ingediend_op", "id");`);
    this.addSql(`create index "oplossing_vraagstuk_index" on "samenspreker"."oplossing" ("vraagstuk_id");`);

    this.addSql(`create table "samenspreker"."oplossing_versie" (
      "id" uuid not null primary key,
      "oplossing_id" uuid not null references "samenspreker"."oplossing" ("id"),
      "versie" int not null check ("versie" >= 1),
      "titel" varchar(200) not null,
      "omschrijving" text not null,
      "overgenomen" jsonb not null check (jsonb_typeof("overgenomen" -> 'reacties') = 'array' and jsonb_typeof("overgenomen" -> 'bijdragen') = 'array'),
      "auteur_account_id" uuid not null,
      "auteur_segment" varchar(20) not null,
      "auteur_organisatie" uuid null,
      "tijdstip" timestamptz not null,
      constraint "oplossing_versie_oplossing_versie_unique" unique ("oplossing_id", "versie")
    );`);
    // Oplossingen and their versions are the record others build on (provenance): never edited.
    this.addSql(`create function "samenspreker"."samenspraak_onveranderlijk"() returns trigger language plpgsql as $$
      begin raise exception '% is onveranderlijk', tg_table_name; end $$;`);
    for (const tabel of ['oplossing', 'oplossing_versie']) {
      this.addSql(`create trigger "${tabel}_onveranderlijk" before update or delete on "samenspreker"."${tabel}"
        for each row execute function "samenspreker"."samenspraak_onveranderlijk"();`);
    }

    this.addSql(`create table "samenspreker"."positie" (
      "id" uuid not null primary key,
      "vraagstuk_id" uuid not null references "samenspreker"."vraagstuk" ("id"),
      "oplossing_versie_id" uuid not null references "samenspreker"."oplossing_versie" ("id"),
      "account_id" uuid not null,
      "segment" varchar(20) not null,
      "organisatie" uuid null,
      "positie" varchar(12) not null check ("positie" in ('steun', 'instemming', 'bezwaar')),
      "toelichting" varchar(2000) null,
      "tijdstip" timestamptz not null,
      constraint "positie_bezwaar_met_toelichting" check ("positie" <> 'bezwaar' or "toelichting" is not null),
      constraint "positie_versie_account_unique" unique ("oplossing_versie_id", "account_id")
    );`);

    this.addSql(`create table "samenspreker"."reactie" (
      "id" uuid not null primary key,
      "vraagstuk_id" uuid not null references "samenspreker"."vraagstuk" ("id"),
      "gemeente" varchar(6) not null,
      "oplossing_id" uuid null references "samenspreker"."oplossing" ("id"),
      "antwoord_op" uuid null references "samenspreker"."reactie" ("id"),
      "account_id" uuid not null,
      "segment" varchar(20) not null,
      "organisatie" uuid null,
      "tekst" varchar(5000) not null,
      "tijdstip" timestamptz not null,
      "verborgen_op" timestamptz null,
      "verborgen_reden" varchar(500) null,
      constraint "reactie_verborgen_met_reden" check (("verborgen_op" is null) = ("verborgen_reden" is null))
    );`);
    // Each discussion (the vraagstuk's, or one oplossing's) is read oldest first by (tijdstip, id).
    this.addSql(`create index "reactie_vraagstuk_index" on "samenspreker"."reactie" ("vraagstuk_id", "tijdstip", "id") where "oplossing_id" is null;`);
    this.addSql(`create index "reactie_oplossing_index" on "samenspreker"."reactie" ("oplossing_id", "tijdstip", "id") where "oplossing_id" is not null;`);
    // What was said stays as said; the only change is hiding it, once.
    this.addSql(`create function "samenspreker"."reactie_alleen_verbergen"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or old."verborgen_op" is not null
          or (to_jsonb(new) - 'verborgen_op' - 'verborgen_reden') is distinct from (to_jsonb(old) - 'verborgen_op' - 'verborgen_reden') then
          raise exception 'reactie is onveranderlijk; alleen verbergen kan, eenmaal';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "reactie_alleen_verbergen" before update or delete on "samenspreker"."reactie"
      for each row execute function "samenspreker"."reactie_alleen_verbergen"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "samenspreker"."reactie";`);
    this.addSql(`drop table if exists "samenspreker"."positie";`);
    this.addSql(`drop table if exists "samenspreker"."oplossing_versie";`);
    this.addSql(`drop table if exists "samenspreker"."oplossing";`);
    this.addSql(`drop table if exists "samenspreker"."ronde";`);
    this.addSql(`drop function if exists "samenspreker"."reactie_alleen_verbergen"();`);
    this.addSql(`drop function if exists "samenspreker"."samenspraak_onveranderlijk"();`);
    this.addSql(`drop function if exists "samenspreker"."ronde_gesloten_onveranderlijk"();`);
  }
}
