import { Migration } from '@mikro-orm/migrations';

/**
 * AVG (issue 3): an erased account stays as a tombstone (id, gemeente, verwijderd_tijdstip) so
 * references elsewhere stay valid, with its personal data and credentials gone; and the
 * processing log `verwerking`, append-only.
 */
export class Migration20261127004100Avg extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "identity"."account"
      add column "verwijderd_tijdstip" timestamptz null,
      alter column "email" drop not null,
      alter column "weergavenaam" drop not null,
      alter column "wachtwoord_hash" drop not null;`);
    // Only a tombstone may lack them, and a tombstone may keep none of them.
    this.addSql(`alter table "identity"."account" add constraint "account_tombstone_check" check (
      case when "verwijderd_tijdstip" is null
        then "email" is not null and "weergavenaam" is not null and "wachtwoord_hash" is not null
        else "email" is null and "weergavenaam" is null and "wachtwoord_hash" is null and "totp_geheim_versleuteld" is null
      end);`);
    this.addSql(`create table "identity"."verwerking" (
      "id" uuid not null primary key,
      "tijdstip" timestamptz not null,
      "actor" varchar(36) not null,
      "betrokkene" uuid not null,
      "gemeente" varchar(6) null,
      "handeling" varchar(20) not null,
      "grondslag" text not null,
      "correlation_id" varchar(100) not null
    );`);
    this.addSql(`create index "verwerking_betrokkene_tijdstip" on "identity"."verwerking" ("betrokkene", "tijdstip" desc, "id" desc);`);
    this.addSql(`create index "verwerking_gemeente_tijdstip" on "identity"."verwerking" ("gemeente", "tijdstip" desc, "id" desc);`);
    // Append-only in the database itself, not only in the code: a log that can be edited proves nothing.
    this.addSql(`create function "identity"."verwerking_onveranderlijk"() returns trigger language plpgsql as $$
      begin raise exception 'verwerking is append-only'; end $$;`);
    this.addSql(`create trigger "verwerking_onveranderlijk" before update or delete on "identity"."verwerking"
      for each row execute function "identity"."verwerking_onveranderlijk"();`);
  }
}
