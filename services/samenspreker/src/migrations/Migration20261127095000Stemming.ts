import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 5: stemmingen. The register of who voted and the ballot box are separate tables with
 * nothing in common but the stemming: no account id, no time and no sequence on a ballot or a
 * receipt, so no join, sort or id can lead from a ballot to a person (docs/stemmingen.md).
 */
export class Migration20261127095000Stemming extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "samenspreker"."stemming" (
      "id" uuid not null primary key,
      "vraagstuk_id" uuid not null references "samenspreker"."vraagstuk" ("id"),
      "gemeente" varchar(6) not null,
      "regels" jsonb not null,
      "regels_hash" char(64) not null,
      "sluiting_tijdstip" timestamptz not null,
      "aantal_kiesgerechtigden" int null check ("aantal_kiesgerechtigden" >= 0),
      "status" varchar(20) not null check ("status" in ('gepubliceerd', 'gesloten')),
      "proces_verbaal" jsonb null,
      "proces_verbaal_hash" char(64) null,
      "aangemaakt_tijdstip" timestamptz not null,
      "gesloten_tijdstip" timestamptz null,
      constraint "stemming_gesloten_met_proces_verbaal" check (
        ("status" = 'gesloten') = ("proces_verbaal" is not null and "proces_verbaal_hash" is not null and "gesloten_tijdstip" is not null))
    );`);
    this.addSql(`create index "stemming_vraagstuk_index" on "samenspreker"."stemming" ("vraagstuk_id");`);
    this.addSql(`create index "stemming_te_sluiten_index" on "samenspreker"."stemming" ("sluiting_tijdstip") where "status" = 'gepubliceerd';`);
    // The published rules are what voters rely on: not even the service role can change them.
    // Only closing may happen to a stemming, once.
    this.addSql(`create function "samenspreker"."stemming_regels_vast"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then raise exception 'een stemming wordt niet verwijderd'; end if;
        if new.id is distinct from old.id or new.vraagstuk_id is distinct from old.vraagstuk_id or new.gemeente is distinct from old.gemeente
           or new.regels is distinct from old.regels or new.regels_hash is distinct from old.regels_hash
           or new.sluiting_tijdstip is distinct from old.sluiting_tijdstip or new.aangemaakt_tijdstip is distinct from old.aangemaakt_tijdstip
           or new.aantal_kiesgerechtigden is distinct from old.aantal_kiesgerechtigden then
          raise exception 'de regels van een stemming liggen vast';
        end if;
        if old.status = 'gesloten' then raise exception 'een gesloten stemming verandert niet meer'; end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "stemming_regels_vast" before update or delete on "samenspreker"."stemming"
      for each row execute function "samenspreker"."stemming_regels_vast"();`);

    // Who voted, through which channel. No time and no sequence: the order of rows is not kept anywhere.
    this.addSql(`create table "samenspreker"."stemregister" (
      "stemming_id" uuid not null references "samenspreker"."stemming" ("id"),
      "account_id" uuid not null,
      "kanaal" varchar(10) not null check ("kanaal" in ('digitaal', 'papier')),
      constraint "stemregister_pkey" primary key ("stemming_id", "account_id")
    );`);
    // A digital cast's retry record: the receipt encrypted with a key derived from the Idempotency-Key,
    // which only the voter's client knows; another key does not decrypt it. Deleted at closing.
    this.addSql(`create table "samenspreker"."stem_idempotentie" (
      "stemming_id" uuid not null,
      "account_id" uuid not null,
      "bonnetje_versleuteld" text not null,
      constraint "stem_idempotentie_pkey" primary key ("stemming_id", "account_id"),
      constraint "stem_idempotentie_register_fkey" foreign key ("stemming_id", "account_id") references "samenspreker"."stemregister" ("stemming_id", "account_id")
    );`);
    // The ballot box: a random id (the key the table is clustered on at closing), the stemming, the canonical ballot.
    this.addSql(`create table "samenspreker"."stembiljet" (
      "id" uuid not null default gen_random_uuid() primary key,
      "stemming_id" uuid not null references "samenspreker"."stemming" ("id"),
      "biljet" jsonb not null check (jsonb_typeof("biljet") = 'array')
    );`);
    this.addSql(`create index "stembiljet_stemming_index" on "samenspreker"."stembiljet" ("stemming_id");`);
    // Receipt codes: random themselves, linked to nothing but the stemming.
    this.addSql(`create table "samenspreker"."bonnetje" (
      "code" varchar(40) not null primary key,
      "stemming_id" uuid not null references "samenspreker"."stemming" ("id")
    );`);
    this.addSql(`create index "bonnetje_stemming_index" on "samenspreker"."bonnetje" ("stemming_id");`);
    // A paper batch as the ambtenaar counted it: number and count, never its kiezers or ballots.
    this.addSql(`create table "samenspreker"."papieren_batch" (
      "stemming_id" uuid not null references "samenspreker"."stemming" ("id"),
      "batchnummer" varchar(40) not null,
      "aantal" int not null check ("aantal" >= 1),
      "ingevoerd_door" uuid not null,
      constraint "papieren_batch_pkey" primary key ("stemming_id", "batchnummer")
    );`);
    // A vote, once in, stays in: the register, the ballot box and the receipts are append-only.
    // One exception: closing replaces the ballots and receipts of that stemming by fresh copies
    // (new ids, new transaction id, random order), flagged for that transaction only.
    this.addSql(`create function "samenspreker"."stem_onveranderlijk"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and tg_table_name in ('stembiljet', 'bonnetje') and current_setting('samen.stembus_schudden', true) = 'aan' then
          return old;
        end if;
        raise exception '% is append-only', tg_table_name;
      end $$;`);
    for (const tabel of ['stemregister', 'stembiljet', 'bonnetje', 'papieren_batch']) {
      this.addSql(`create trigger "${tabel}_onveranderlijk" before update or delete on "samenspreker"."${tabel}"
        for each row execute function "samenspreker"."stem_onveranderlijk"();`);
    }
  }

  override async down(): Promise<void> {
    for (const tabel of ['papieren_batch', 'bonnetje', 'stembiljet', 'stem_idempotentie', 'stemregister', 'stemming']) {
      this.addSql(`drop table if exists "samenspreker"."${tabel}";`);
    }
    this.addSql(`drop function if exists "samenspreker"."stem_onveranderlijk"();`);
    this.addSql(`drop function if exists "samenspreker"."stemming_regels_vast"();`);
  }
}
