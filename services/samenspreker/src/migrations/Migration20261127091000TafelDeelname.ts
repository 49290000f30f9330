import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 4, the table in use: invitations, joining, leaving. A seat that was left stays as it was
 * (for the record), so one account may have several rows at one table over time, but only one
 * that is invited or active.
 */
export class Migration20261127091000TafelDeelname extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "samenspreker"."deelnemer" drop constraint "deelnemer_vraagstuk_account_unique";`);
    this.addSql(`create unique index "deelnemer_vraagstuk_account_zittend_unique" on "samenspreker"."deelnemer" ("vraagstuk_id", "account_id")
      where "status" in ('uitgenodigd', 'actief');`);
    // The table read: a vraagstuk's seats in order; and everything of one account (AVG export and erasure).
    this.addSql(`create index "deelnemer_vraagstuk_sinds_index" on "samenspreker"."deelnemer" ("vraagstuk_id", "sinds", "id");`);
    this.addSql(`create index "deelnemer_account_index" on "samenspreker"."deelnemer" ("account_id");`);
    this.addSql(`alter table "samenspreker"."deelnemer" add column "tot" timestamptz null;`);
    this.addSql(`alter table "samenspreker"."deelnemer"
      add constraint "deelnemer_tot_check" check (("status" = 'vertrokken') = ("tot" is not null) and ("tot" is null or "tot" >= "sinds")),
      add constraint "deelnemer_organisatie_segment_check" check ("organisatie" is null or "segment" <> 'inwoner'),
      add constraint "deelnemer_uitgenodigd_door_check" check ("status" <> 'uitgenodigd' or "uitgenodigd_door" is not null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "samenspreker"."deelnemer"
      drop constraint "deelnemer_tot_check",
      drop constraint "deelnemer_organisatie_segment_check",
      drop constraint "deelnemer_uitgenodigd_door_check",
      drop column "tot";`);
    this.addSql(`drop index "samenspreker"."deelnemer_account_index";`);
    this.addSql(`drop index "samenspreker"."deelnemer_vraagstuk_sinds_index";`);
    this.addSql(`drop index "samenspreker"."deelnemer_vraagstuk_account_zittend_unique";`);
    this.addSql(`alter table "samenspreker"."deelnemer" add constraint "deelnemer_vraagstuk_account_unique" unique ("vraagstuk_id", "account_id");`);
  }
}
