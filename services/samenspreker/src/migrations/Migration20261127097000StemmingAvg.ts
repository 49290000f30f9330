import { Migration } from '@mikro-orm/migrations';

/** The account id that replaces an erased account (VERWIJDERD_ACCOUNT in gedeeld/pseudoniem.ts). */
const VERWIJDERD = `'00000000-0000-0000-0000-000000000000'::uuid`;
const VERWIJDERD_TEKST = `'00000000-0000-0000-0000-000000000000'`;

/** The columns export and erasure look up by account. */
const ACCOUNT_INDEXEN = [
  ['stemregister', 'account_id'],
  ['stem_idempotentie', 'account_id'],
  ['papieren_batch', 'ingevoerd_door'],
] as const;

/**
 * AVG erasure in the stemmingen tables (docs/stemmingen-dienst.md, "Personen (AVG)"). The register
 * keeps that someone voted (the counts must stay whole) but the account id becomes the VERWIJDERD
 * tombstone; so does the ambtenaar who entered a paper batch. The append-only trigger allows exactly
 * that update and nothing else. One vote per account still holds, but several erased voters of one
 * stemming share the tombstone: the primary key becomes a unique index that skips it. The retry
 * records' foreign key to the register needed that primary key; it goes (a retry record is written
 * in the cast's transaction, right after its register row, and erasure deletes the account's records).
 */
export class Migration20261127097000StemmingAvg extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "samenspreker"."stem_onveranderlijk"() returns trigger language plpgsql as $$
      declare
        kolom text := case tg_table_name when 'stemregister' then 'account_id' when 'papieren_batch' then 'ingevoerd_door' end;
      begin
        if tg_op = 'DELETE' and tg_table_name in ('stembiljet', 'bonnetje') and current_setting('samen.stembus_schudden', true) = 'aan' then
          return old;
        end if;
        if tg_op = 'UPDATE' and kolom is not null
          and (to_jsonb(new) ->> kolom) = ${VERWIJDERD_TEKST} and (to_jsonb(old) ->> kolom) <> ${VERWIJDERD_TEKST}
          and (to_jsonb(new) - kolom) = (to_jsonb(old) - kolom) then
          return new;
        end if;
        raise exception '% is append-only', tg_table_name;
      end $$;`);
    this.addSql(`alter table "samenspreker"."stem_idempotentie" drop constraint "stem_idempotentie_register_fkey";`);
    this.addSql(`alter table "samenspreker"."stemregister" drop constraint "stemregister_pkey";`);
    this.addSql(`create unique index "stemregister_kiezer_unique" on "samenspreker"."stemregister" ("stemming_id", "account_id")
      where "account_id" <> ${VERWIJDERD};`);
    for (const [tabel, kolom] of ACCOUNT_INDEXEN) {
      this.addSql(`create index "${tabel}_${kolom}_index" on "samenspreker"."${tabel}" ("${kolom}");`);
    }
  }

  override async down(): Promise<void> {
    for (const [tabel, kolom] of ACCOUNT_INDEXEN) this.addSql(`drop index "samenspreker"."${tabel}_${kolom}_index";`);
    this.addSql(`drop index "samenspreker"."stemregister_kiezer_unique";`);
    this.addSql(`alter table "samenspreker"."stemregister" add constraint "stemregister_pkey" primary key ("stemming_id", "account_id");`);
    this.addSql(`alter table "samenspreker"."stem_idempotentie" add constraint "stem_idempotentie_register_fkey"
      foreign key ("stemming_id", "account_id") references "samenspreker"."stemregister" ("stemming_id", "account_id");`);
    this.addSql(`create or replace function "samenspreker"."stem_onveranderlijk"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and tg_table_name in ('stembiljet', 'bonnetje') and current_setting('samen.stembus_schudden', true) = 'aan' then
          return old;
        end if;
        raise exception '% is append-only', tg_table_name;
      end $$;`);
  }
}
