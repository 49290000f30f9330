import { Migration } from '@mikro-orm/migrations';

// The default equals standaardInstellingen() (gemeente/instellingen.ts) at the time of writing;
// existing gemeenten get it, new ones get whatever the code then says.
const STANDAARD = {
  steundrempel: 25,
  reactietermijnDagen: 20,
  peilingen: { maxAdviesvragen: 7, maxBindendeVragen: 3, bindendDrempelPercentage: 50, opkomstquorumPercentage: 30 },
};

export class Migration20261127003100GemeenteInstellingen extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "identity"."gemeente" add column "instellingen" jsonb not null default '${JSON.stringify(STANDAARD)}'::jsonb;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "identity"."gemeente" drop column if exists "instellingen";`);
  }
}
