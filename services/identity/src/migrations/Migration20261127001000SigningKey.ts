import { Migration } from '@mikro-orm/migrations';

export class Migration20261127001000SigningKey extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "identity"."signing_key" (
      "kid" varchar(64) not null primary key,
      "public_jwk" jsonb not null,
      "private_key_encrypted" text not null,
      "aangemaakt_tijdstip" timestamptz not null,
      "vervangen_tijdstip" timestamptz null
    );`);
    // At most one current key, whatever two instances do at the same moment.
    this.addSql(`create unique index "signing_key_one_current" on "identity"."signing_key" ((true)) where "vervangen_tijdstip" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "identity"."signing_key";`);
  }
}
