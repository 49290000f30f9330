import { Migration } from '@mikro-orm/migrations';

/**
 * A published stemming can be withdrawn before it opens (docs/stemmingen.md, "Withdrawing"): status
 * `ingetrokken`, with the public reason and the moment. The rules stay fixed as before; the trigger
 * now allows exactly two changes, each once, from `gepubliceerd`: to `gesloten` (with the
 * proces-verbaal) and to `ingetrokken` (with the reason, and only while nobody voted). After either,
 * the row does not change any more.
 */
export class Migration20261127100000StemmingIntrekken extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "samenspreker"."stemming" drop constraint "stemming_status_check";`);
    this.addSql(`alter table "samenspreker"."stemming" add constraint "stemming_status_check" check ("status" in ('gepubliceerd', 'gesloten', 'ingetrokken'));`);
    this.addSql(`alter table "samenspreker"."stemming" add column "intrekking_motivatie" text null, add column "ingetrokken_tijdstip" timestamptz null;`);
    this.addSql(`alter table "samenspreker"."stemming" add constraint "stemming_ingetrokken_met_motivatie" check (
      ("status" = 'ingetrokken') = ("intrekking_motivatie" is not null and "ingetrokken_tijdstip" is not null));`);
    this.addSql(`create or replace function "samenspreker"."stemming_regels_vast"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then raise exception 'een stemming wordt niet verwijderd'; end if;
        if new.id is distinct from old.id or new.vraagstuk_id is distinct from old.vraagstuk_id or new.gemeente is distinct from old.gemeente
           or new.regels is distinct from old.regels or new.regels_hash is distinct from old.regels_hash
           or new.sluiting_tijdstip is distinct from old.sluiting_tijdstip or new.aangemaakt_tijdstip is distinct from old.aangemaakt_tijdstip
           or new.aantal_kiesgerechtigden is distinct from old.aantal_kiesgerechtigden then
          raise exception 'de regels van een stemming liggen vast';
        end if;
        if old.status = 'gesloten' then raise exception 'een gesloten stemming verandert niet meer'; end if;
        if old.status = 'ingetrokken' then raise exception 'een ingetrokken stemming verandert niet meer'; end if;
        -- A vote, once in, is counted: a stemming with votes is closed, never withdrawn.
        if new.status = 'ingetrokken' and exists (select 1 from "samenspreker"."stemregister" r where r."stemming_id" = old.id) then
          raise exception 'een stemming waarin gestemd is wordt niet ingetrokken';
        end if;
        return new;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function "samenspreker"."stemming_regels_vast"() returns trigger language plpgsql as $$
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
    this.addSql(`alter table "samenspreker"."stemming" drop constraint "stemming_ingetrokken_met_motivatie";`);
    this.addSql(`alter table "samenspreker"."stemming" drop column "intrekking_motivatie", drop column "ingetrokken_tijdstip";`);
    this.addSql(`alter table "samenspreker"."stemming" drop constraint "stemming_status_check";`);
    this.addSql(`alter table "samenspreker"."stemming" add constraint "stemming_status_check" check ("status" in ('gepubliceerd', 'gesloten'));`);
  }
}
