import { Migration } from '@mikro-orm/migrations';

export class Migration20261127003200Organisaties extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "identity"."organisatie" (
      "id" uuid not null primary key,
      "gemeente" varchar(6) not null references "identity"."gemeente" ("code"),
      "naam" varchar(200) not null,
      "segment" varchar(20) not null check ("segment" in ('gemeente', 'bedrijfsleven', 'maatschappelijk', 'burgers')),
      "kvk_nummer" varchar(8) null check ("kvk_nummer" ~ '^[0-9]{8}$'),
      "aangemaakt_door" uuid not null,
      "aangemaakt_tijdstip" timestamptz not null
    );`);
    this.addSql(`create index "organisatie_gemeente_naam_index" on "identity"."organisatie" ("gemeente", "naam");`);
    this.addSql(`create table "identity"."lidmaatschap" (
      "organisatie_id" uuid not null references "identity"."organisatie" ("id") on delete cascade,
      "account_id" uuid not null,
      "rol" varchar(20) not null check ("rol" in ('lid', 'vertegenwoordiger', 'beheerder')),
      "sinds_tijdstip" timestamptz not null,
      primary key ("organisatie_id", "account_id")
    );`);
    this.addSql(`create index "lidmaatschap_account_id_index" on "identity"."lidmaatschap" ("account_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "identity"."lidmaatschap";`);
    this.addSql(`drop table if exists "identity"."organisatie";`);
  }
}
