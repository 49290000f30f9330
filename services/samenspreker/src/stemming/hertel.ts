import { readFileSync } from 'node:fs';
import type { BonnetjeControle } from './bonnetje';
import { type Hertelling, hertel } from './export';

/**
 * `node dist/services/samenspreker/src/main.js hertel <export.json> [--bonnetje CODE]`: recounts a
 * published stemming from its export file alone, for anyone who wants to check the result without
 * trusting us (no database, no NATS). Exit 0: the recount matches (and the receipt is in it);
 * 1: it does not, or the receipt is missing; 2: could not check.
 */
const GEBRUIK = 'gebruik: node dist/services/samenspreker/src/main.js hertel <export.json> [--bonnetje CODE]\n';

const BONNETJE_TEKST: Record<BonnetjeControle, string> = {
  gevonden: 'staat in de lijst: uw stem is meegeteld',
  'niet-gevonden': 'staat NIET in de lijst',
  tikfout: 'is geen geldige code (tikfout? controleer de tekens)',
};

/** The report in Dutch, like every other text an operator or auditor reads. */
export function beschrijfHertelling(uitkomst: Hertelling, bonnetje?: string): string {
  const regels: string[] = [];
  if (uitkomst.procesVerbaal) regels.push(JSON.stringify(uitkomst.procesVerbaal, null, 2));
  if (uitkomst.hash) regels.push(`hash van de hertelling: ${uitkomst.hash}`);
  regels.push(uitkomst.klopt ? 'hertelling: KLOPT met het gepubliceerde proces-verbaal' : 'hertelling: KLOPT NIET');
  for (const fout of uitkomst.fouten) regels.push(`  - ${fout}`);
  if (bonnetje !== undefined && uitkomst.bonnetje) regels.push(`bonnetje ${bonnetje}: ${BONNETJE_TEKST[uitkomst.bonnetje]}`);
  return `${regels.join('\n')}\n`;
}

export function hertelCli(args: readonly string[]): void {
  const [bestand, vlag, bonnetje] = args;
  if (!bestand || (vlag !== undefined && (vlag !== '--bonnetje' || !bonnetje)) || args.length > 3) {
    process.stderr.write(GEBRUIK);
    process.exit(2);
  }
  let gegevens: unknown;
  try {
    gegevens = JSON.parse(readFileSync(bestand, 'utf8'));
  } catch (error) {
    process.stderr.write(`samen samenspreker: kon ${bestand} niet lezen: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const uitkomst = hertel(gegevens, bonnetje);
  process.stdout.write(beschrijfHertelling(uitkomst, bonnetje));
  process.exit(uitkomst.klopt && (bonnetje === undefined || uitkomst.bonnetje === 'gevonden') ? 0 : 1);
}
