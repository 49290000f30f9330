import { Migration } from '@mikro-orm/migrations';

/** The account id that replaces an erased account (VERWIJDERD_ACCOUNT in gedeeld/pseudoniem.ts). */
const VERWIJDERD = `'00000000-0000-0000-0000-000000000000'::uuid`;

/**
 * AVG erasure in samenspreker: an erased account's contributions stay (they are the public,
 * democratic record) but their account id becomes the fixed VERWIJDERD uuid. The immutable tables
 * allow exactly that change and nothing else; several erased accounts may share a vraagstuk, so the
 * one-per-account unique rules no longer hold for the VERWIJDERD id.
 */
export class Migration20261127096000Avg extends Migration {
  override async up(): Promise<void> {
    // oplossing and oplossing_versie: still never edited, except that an author's id may become VERWIJDERD.
    this.addSql(`create or replace function "samenspreker"."samenspraak_onveranderlijk"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and new."auteur_account_id" = ${VERWIJDERD} and old."auteur_account_id" <> ${VERWIJDERD}
          and (to_jsonb(new) - 'auteur_account_id') = (to_jsonb(old) - 'auteur_account_id') then
          return new;
        end if;
        raise exception '% is onveranderlijk', tg_table_name;
      end $$;`);
    // reactie: hiding once stays the only edit, besides erasure: the account id becomes VERWIJDERD and,
    // if it was not hidden yet, the reactie may be hidden in the same update.
    this.addSql(`create or replace function "samenspreker"."reactie_alleen_verbergen"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and new."account_id" = ${VERWIJDERD} and old."account_id" <> ${VERWIJDERD}
          and (to_jsonb(new) - 'account_id' - 'verborgen_op' - 'verborgen_reden') = (to_jsonb(old) - 'account_id' - 'verborgen_op' - 'verborgen_reden')
          and (old."verborgen_op" is null
            or (new."verborgen_op" = old."verborgen_op" and new."verborgen_reden" = old."verborgen_reden")) then
          return new;
        end if;
        if tg_op = 'DELETE' or old."verborgen_op" is not null
          or (to_jsonb(new) - 'verborgen_op' - 'verborgen_reden') is distinct from (to_jsonb(old) - 'verborgen_op' - 'verborgen_reden') then
          raise exception 'reactie is onveranderlijk; alleen verbergen kan, eenmaal';
        end if;
        return new;
      end $$;`);
    // One per account, but any number of erased ones.
    this.addSql(`drop index "samenspreker"."steunbetuiging_persoonlijk_unique";`);
    this.addSql(`create unique index "steunbetuiging_persoonlijk_unique" on "samenspreker"."steunbetuiging" ("vraagstuk_id", "account_id")
      where "organisatie" is null and "account_id" <> ${VERWIJDERD};`);
    this.addSql(`alter table "samenspreker"."positie" drop constraint "positie_versie_account_unique";`);
    this.addSql(`create unique index "positie_versie_account_unique" on "samenspreker"."positie" ("oplossing_versie_id", "account_id")
      where "account_id" <> ${VERWIJDERD};`);
    this.addSql(`alter table "samenspreker"."evaluatie" drop constraint "evaluatie_pass_account_unique";`);
    this.addSql(`create unique index "evaluatie_pass_account_unique" on "samenspreker"."evaluatie" ("vraagstuk_id", "evaluatie_sinds", "account_id")
      where "account_id" <> ${VERWIJDERD};`);
    // Export and erasure look up everything of one account.
    for (const [tabel, kolom] of [
      ['vraagstuk', 'initiatiefnemer_account_id'],
      ['steunbetuiging', 'account_id'],
      ['oplossing', 'auteur_account_id'],
      ['oplossing_versie', 'auteur_account_id'],
      ['positie', 'account_id'],
      ['reactie', 'account_id'],
      ['evaluatie', 'account_id'],
    ]) {
      this.addSql(`create index "${tabel}_${kolom}_index" on "samenspreker"."${tabel}" ("${kolom}");`);
    }
  }

  override async down(): Promise<void> {
    for (const [tabel, kolom] of [
      ['vraagstuk', 'initiatiefnemer_account_id'],
      ['steunbetuiging', 'account_id'],
      ['oplossing', 'auteur_account_id'],
      ['oplossing_versie', 'auteur_account_id'],
      ['positie', 'account_id'],
      ['reactie', 'account_id'],
      ['evaluatie', 'account_id'],
    ]) {
      this.addSql(`drop index "samenspreker"."${tabel}_${kolom}_index";`);
    }
    this.addSql(`drop index "samenspreker"."evaluatie_pass_account_unique";`);
    this.addSql(`alter table "samenspreker"."evaluatie" add constraint "evaluatie_pass_account_unique" unique ("vraagstuk_id", "evaluatie_sinds", "account_id");`);
    this.addSql(`drop index "samenspreker"."positie_versie_account_unique";`);
    this.addSql(`alter table "samenspreker"."positie" add constraint "positie_versie_account_unique" unique ("oplossing_versie_id", "account_id");`);
    this.addSql(`drop index "samenspreker"."steunbetuiging_persoonlijk_unique";`);
    this.addSql(`create unique index "steunbetuiging_persoonlijk_unique" on "samenspreker"."steunbetuiging" ("vraagstuk_id", "account_id") where "organisatie" is null;`);
    this.addSql(`create or replace function "samenspreker"."reactie_alleen_verbergen"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or old."verborgen_op" is not null
          or (to_jsonb(new) - 'verborgen_op' - 'verborgen_reden') is distinct from (to_jsonb(old) - 'verborgen_op' - 'verborgen_reden') then
          raise exception 'reactie is onveranderlijk; alleen verbergen kan, eenmaal';
        end if;
        return new;
      end $$;`);
    this.addSql(`create or replace function "samenspreker"."samenspraak_onveranderlijk"() returns trigger language plpgsql as $$
      begin raise exception '% is onveranderlijk', tg_table_name; end $$;`);
  }
}
