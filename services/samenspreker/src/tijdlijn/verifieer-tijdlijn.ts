import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '@samen/platform';
import { samensprekerOrm } from '../mikro-orm.config';
import type { Verificatie } from './tijdlijn-keten';
import { Tijdlijn } from './tijdlijn.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `node dist/services/samenspreker/src/main.js verify-tijdlijn <vraagstukId>`: the verification of
 * the public route, straight against the database, for an auditor or a cron job that should not
 * depend on the gateway and NATS being up. Exit 0: intact; 1: broken; 2: could not check.
 */
export async function verifieerTijdlijn(vraagstukId: string, databaseUrl: string): Promise<Verificatie> {
  const orm = await MikroORM.init(ormOptions('samenspreker', samensprekerOrm, databaseUrl, 1));
  try {
    return await new Tijdlijn(orm.em).verifieer(vraagstukId);
  } finally {
    await orm.close(true);
  }
}

/** The outcome in one line, Dutch like every other text an operator reads. */
export function beschrijf(vraagstukId: string, uitkomst: Verificatie): string {
  if (uitkomst.geldig) return `tijdlijn ${vraagstukId}: geldig, ${uitkomst.aantal} regels nagerekend\n`;
  const fout = uitkomst.eersteFout;
  return `tijdlijn ${vraagstukId}: GEBROKEN bij volgnummer ${fout?.volgnummer} (${fout?.reden}) van ${uitkomst.aantal} regels\n`;
}

export function verifieerTijdlijnCli(args: readonly string[]): void {
  const [vraagstukId] = args;
  const databaseUrl = process.env.DATABASE_URL;
  if (!vraagstukId || !UUID.test(vraagstukId) || !databaseUrl) {
    process.stderr.write('gebruik: DATABASE_URL=postgres://… node dist/services/samenspreker/src/main.js verify-tijdlijn <vraagstukId>\n');
    process.exit(2);
  }
  verifieerTijdlijn(vraagstukId, databaseUrl).then(
    (uitkomst) => {
      process.stdout.write(beschrijf(vraagstukId, uitkomst));
      process.exit(uitkomst.geldig ? 0 : 1);
    },
    (error: unknown) => {
      process.stderr.write(`samen samenspreker: kon de tijdlijn niet nacontroleren: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(2);
    },
  );
}
