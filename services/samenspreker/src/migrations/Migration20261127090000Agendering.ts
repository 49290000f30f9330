import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 4, agendering: steunbetuigingen, the steundrempel and reactietermijn promised when a
 * vraagstuk was raised, and the list's thema and full-text filters.
 */
export class Migration20261127090000Agendering extends Migration {
  override async up(): Promise<void> {
    // Vraagstukken raised before this migration get identity's default settings (25 supporters,
    // 20 days): samenspreker's role cannot read identity's schema, and the defaults are what
    // every gemeente had until it changed them.
    this.addSql(`alter table "samenspreker"."vraagstuk"
      add column "steundrempel" int not null default 25 check ("steundrempel" >= 1),
      add column "steun_aantal" int not null default 0 check ("steun_aantal" >= 0),
      add column "reactie_uiterlijk" timestamptz null,
      add column "termijn_verstreken_gemeld" timestamptz null,
      add column "zoektekst" tsvector generated always as (to_tsvector('dutch', "titel" || ' ' || "omschrijving")) stored;`);
    this.addSql(`update "samenspreker"."vraagstuk" set "reactie_uiterlijk" = "aangemaakt_tijdstip" + interval '20 days';`);
    // From now on the service writes both from the gemeente's settings of that moment.
    this.addSql(`alter table "samenspreker"."vraagstuk" alter column "steundrempel" drop default, alter column "reactie_uiterlijk" set not null;`);
    this.addSql(`create index "vraagstuk_themas_index" on "samenspreker"."vraagstuk" using gin ("themas");`);
    this.addSql(`create index "vraagstuk_zoektekst_index" on "samenspreker"."vraagstuk" using gin ("zoektekst");`);
    // What the reactietermijn sweep looks for: still waiting for the gemeente, not yet reported.
    this.addSql(`create index "vraagstuk_reactietermijn_index" on "samenspreker"."vraagstuk" ("reactie_uiterlijk")
      where "fase" = 'agendering' and "termijn_verstreken_gemeld" is null;`);

    this.addSql(`create table "samenspreker"."steunbetuiging" (
      "id" uuid not null primary key,
      "vraagstuk_id" uuid not null references "samenspreker"."vraagstuk" ("id"),
      "gemeente" varchar(6) not null,
      "account_id" uuid not null,
      "segment" varchar(20) not null check ("segment" in ('gemeente', 'bedrijfsleven', 'maatschappelijk', 'burgers', 'inwoner')),
      "organisatie" uuid null,
      "tijdstip" timestamptz not null
    );`);
    // One personal steunbetuiging per account, and one per organisation whoever of its members gives it.
    this.addSql(`create unique index "steunbetuiging_persoonlijk_unique" on "samenspreker"."steunbetuiging" ("vraagstuk_id", "account_id") where "organisatie" is null;`);
    this.addSql(`create unique index "steunbetuiging_organisatie_unique" on "samenspreker"."steunbetuiging" ("vraagstuk_id", "organisatie") where "organisatie" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "samenspreker"."steunbetuiging";`);
    this.addSql(`alter table "samenspreker"."vraagstuk"
      drop column "zoektekst", drop column "termijn_verstreken_gemeld", drop column "reactie_uiterlijk", drop column "steun_aantal", drop column "steundrempel";`);
  }
}
