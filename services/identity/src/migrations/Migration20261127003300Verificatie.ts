import { Migration } from '@mikro-orm/migrations';

export class Migration20261127003300Verificatie extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "identity"."verificatiecode_batch" (
      "id" uuid not null primary key,
      "gemeente" varchar(6) not null references "identity"."gemeente" ("code"),
      "gebied" varchar(10) not null,
      "aantal" integer not null,
      "verloopt_datum" date not null,
      "aangemaakt_door" uuid not null,
      "aangemaakt_tijdstip" timestamptz not null
    );`);
    this.addSql(`create table "identity"."verificatiecode" (
      "hash" varchar(64) not null primary key,
      "batch_id" uuid not null references "identity"."verificatiecode_batch" ("id") on delete cascade deferrable initially deferred,
      "gemeente" varchar(6) not null,
      "gebied" varchar(10) not null,
      "verloopt_datum" date not null,
      "gebruikt_tijdstip" timestamptz null,
      "gebruikt_door" uuid null
    );`);
    this.addSql(`create index "verificatiecode_batch_id_index" on "identity"."verificatiecode" ("batch_id");`);
    this.addSql(`create table "identity"."verificatie" (
      "id" uuid not null primary key,
      "account_id" uuid not null,
      "gemeente" varchar(6) not null,
      "gebied" varchar(10) not null,
      "methode" varchar(20) not null check ("methode" in ('code', 'persoonlijk')),
      "geverifieerd_door" uuid null,
      "geverifieerd_tijdstip" timestamptz not null
    );`);
    this.addSql(`create index "verificatie_account_id_geverifieerd_tijdstip_index" on "identity"."verificatie" ("account_id", "geverifieerd_tijdstip");`);
    this.addSql(`create table "identity"."verificatie_poging" (
      "id" uuid not null primary key,
      "account_id" uuid not null,
      "gemeente" varchar(6) not null,
      "tijdstip" timestamptz not null
    );`);
    this.addSql(`create index "verificatie_poging_account_id_tijdstip_index" on "identity"."verificatie_poging" ("account_id", "tijdstip");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "identity"."verificatie_poging";`);
    this.addSql(`drop table if exists "identity"."verificatie";`);
    this.addSql(`drop table if exists "identity"."verificatiecode";`);
    this.addSql(`drop table if exists "identity"."verificatiecode_batch";`);
  }
}
