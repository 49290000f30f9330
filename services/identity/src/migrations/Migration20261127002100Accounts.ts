import { Migration } from '@mikro-orm/migrations';

export class Migration20261127002100Accounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "identity"."account" (
      "id" uuid not null primary key,
      "gemeente" varchar(6) null references "identity"."gemeente" ("code"),
      "email" varchar(254) not null,
      "weergavenaam" varchar(80) not null,
      "wachtwoord_hash" text not null,
      "rollen" text[] not null,
      "email_bevestigd_tijdstip" timestamptz null,
      "mislukte_aanmeldingen" int not null default 0,
      "geblokkeerd_tot" timestamptz null,
      "totp_geheim_versleuteld" text null,
      "totp_actief" boolean not null default false,
      "totp_laatste_stap" bigint null,
      "aangemaakt_tijdstip" timestamptz not null,
      constraint "account_email_lower" check ("email" = lower("email"))
    );`);
    // Unique per gemeente; the platformbeheerders (no gemeente) form one more namespace.
    this.addSql(`create unique index "account_gemeente_email_unique" on "identity"."account" (coalesce("gemeente", ''), "email");`);

    this.addSql(`create table "identity"."account_token" (
      "id" uuid not null primary key,
      "account_id" uuid not null references "identity"."account" ("id") on delete cascade,
      "soort" varchar(30) not null,
      "hash" varchar(64) not null unique,
      "verloopt_tijdstip" timestamptz not null,
      "gebruikt_tijdstip" timestamptz null,
      "aangemaakt_tijdstip" timestamptz not null
    );`);
    this.addSql(`create index "account_token_account_id" on "identity"."account_token" ("account_id");`);

    this.addSql(`create table "identity"."refresh_token" (
      "id" uuid not null primary key,
      "familie" uuid not null,
      "vorige" uuid null,
      "account_id" uuid not null references "identity"."account" ("id") on delete cascade,
      "hash" varchar(64) not null unique,
      "amr" text[] not null,
      "familie_begin_tijdstip" timestamptz not null,
      "aangemaakt_tijdstip" timestamptz not null,
      "verloopt_tijdstip" timestamptz not null,
      "vervangen_tijdstip" timestamptz null,
      "ingetrokken_tijdstip" timestamptz null
    );`);
    this.addSql(`create index "refresh_token_familie" on "identity"."refresh_token" ("familie");`);
    this.addSql(`create index "refresh_token_account_id" on "identity"."refresh_token" ("account_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "identity"."refresh_token";`);
    this.addSql(`drop table if exists "identity"."account_token";`);
    this.addSql(`drop table if exists "identity"."account";`);
  }
}
