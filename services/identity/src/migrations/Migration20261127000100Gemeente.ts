import { Migration } from '@mikro-orm/migrations';

export class Migration20261127000100Gemeente extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "identity"."gemeente" (
      "code" varchar(6) not null primary key,
      "naam" varchar(120) not null,
      "bouwstenen" text[] not null,
      "aangemaakt_tijdstip" timestamptz not null
    );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "identity"."gemeente";`);
  }
}
