import { Migration } from '@mikro-orm/migrations';

/** Whom a session acts for: the account itself (null) or an organisation it holds a mandate for. */
export class Migration20261127002200SessieNamens extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "identity"."refresh_token" add column "organisatie" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "identity"."refresh_token" drop column if exists "organisatie";`);
  }
}
