import { Migration } from '@mikro-orm/migrations';

const REGELS_VAST = (gesloten: string) => `create or replace function "samenspreker"."stemming_regels_vast"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then raise exception 'een stemming wordt niet verwijderd'; end if;
        if new.id is distinct from old.id or new.vraagstuk_id is distinct from old.vraagstuk_id or new.gemeente is distinct from old.gemeente
           or new.regels is distinct from old.regels or new.regels_hash is distinct from old.regels_hash
           or new.sluiting_tijdstip is distinct from old.sluiting_tijdstip or new.aangemaakt_tijdstip is distinct from old.aangemaakt_tijdstip
           or new.aantal_kiesgerechtigden is distinct from old.aantal_kiesgerechtigden then
          raise exception 'de regels van een stemming liggen vast';
        end if;
        ${gesloten}
        if old.status = 'ingetrokken' then raise exception 'een ingetrokken stemming verandert niet meer'; end if;
        -- A vote, once in, is counted: a stemming with votes is closed, never withdrawn.
        if new.status = 'ingetrokken' and exists (select 1 from "samenspreker"."stemregister" r where r."stemming_id" = old.id) then
          raise exception 'een stemming waarin gestemd is wordt niet ingetrokken';
        end if;
        return new;
      end $$;`;

/**
 * Closing in two steps (docs/stemmingen-dienst.md, "Closing and the count"): the count under the
 * stemming's row lock, committed at once; then the ballot box is shuffled in a transaction of its
 * own that casts do not wait for, and marked `geschud_tijdstip`. A closed stemming changes once more,
 * exactly there. Stemmingen closed before this were shuffled in their closing transaction.
 *
 * The append-only guard of the ballot box and the receipts becomes one check per statement instead
 * of one per row: neither table has an allowed update (erasure touches the register and the paper
 * batches only), so per row it only slowed the shuffle's delete of every row of the stemming.
 */
export class Migration20261127102000StemmingSchudden extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "samenspreker"."stemming" add column "geschud_tijdstip" timestamptz null;`);
    this.addSql(`alter table "samenspreker"."stemming" disable trigger "stemming_regels_vast";`);
    this.addSql(`update "samenspreker"."stemming" set "geschud_tijdstip" = "gesloten_tijdstip" where "status" = 'gesloten';`);
    this.addSql(`alter table "samenspreker"."stemming" enable trigger "stemming_regels_vast";`);
    this.addSql(`alter table "samenspreker"."stemming" add constraint "stemming_geschud_na_sluiting" check ("geschud_tijdstip" is null or "status" = 'gesloten');`);
    this.addSql(`create index "stemming_te_schudden_index" on "samenspreker"."stemming" ("gesloten_tijdstip") where "status" = 'gesloten' and "geschud_tijdstip" is null;`);
    this.addSql(
      REGELS_VAST(`if old.status = 'gesloten' then
          if old.geschud_tijdstip is null and new.geschud_tijdstip is not null
             and (to_jsonb(new) - 'geschud_tijdstip') = (to_jsonb(old) - 'geschud_tijdstip') then
            return new;
          end if;
          raise exception 'een gesloten stemming verandert niet meer';
        end if;`),
    );

    this.addSql(`create function "samenspreker"."stembus_onveranderlijk"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and current_setting('samen.stembus_schudden', true) = 'aan' then return null; end if;
        raise exception '% is append-only', tg_table_name;
      end $$;`);
    for (const tabel of ['stembiljet', 'bonnetje']) {
      this.addSql(`drop trigger "${tabel}_onveranderlijk" on "samenspreker"."${tabel}";`);
      this.addSql(`create trigger "${tabel}_onveranderlijk" before update or delete on "samenspreker"."${tabel}"
        for each statement execute function "samenspreker"."stembus_onveranderlijk"();`);
    }
  }

  override async down(): Promise<void> {
    for (const tabel of ['stembiljet', 'bonnetje']) {
      this.addSql(`drop trigger "${tabel}_onveranderlijk" on "samenspreker"."${tabel}";`);
      this.addSql(`create trigger "${tabel}_onveranderlijk" before update or delete on "samenspreker"."${tabel}"
        for each row execute function "samenspreker"."stem_onveranderlijk"();`);
    }
    this.addSql(`drop function "samenspreker"."stembus_onveranderlijk"();`);
    this.addSql(REGELS_VAST(`if old.status = 'gesloten' then raise exception 'een gesloten stemming verandert niet meer'; end if;`));
    this.addSql(`drop index "samenspreker"."stemming_te_schudden_index";`);
    this.addSql(`alter table "samenspreker"."stemming" drop constraint "stemming_geschud_na_sluiting";`);
    this.addSql(`alter table "samenspreker"."stemming" drop column "geschud_tijdstip";`);
  }
}
