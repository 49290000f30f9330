import { randomBytes } from 'node:crypto';
import { type CanoniekStembiljet, type ProcesVerbaal, STEMMING_EXPORT_FORMAAT, type StemmingExport, type StemmingRegels } from '@samen/contracts';
import { type BonnetjeControle, controleerBonnetje, isGeldigBonnetje } from './bonnetje';
import { RUIMSTE_MAXIMA, structuurFouten } from './stemming-regels';
import { biljettenHash, bonnetjesHash, maakProcesVerbaal, OngeldigBiljetFout, procesVerbaalHash, tel } from './telling';

/**
 * The public export of a closed stemming (docs/stemmingen-export.md) and its recount. The export
 * holds the rules, the ballots and the receipts, each list shuffled on its own: the position of
 * a ballot says nothing about who cast it or which receipt belongs to it.
 */

/** Random 32-bit numbers from the system's CSPRNG, fetched in blocks of at most 16k draws. */
function willekeurigeGetallen(verwacht: number): () => number {
  // A few spare draws for rejections; small lists must not fetch 64 KiB each.
  const blok = Math.min(65_536, 4 * (verwacht + 16));
  let buffer = Buffer.alloc(0);
  let positie = 0;
  return () => {
    if (positie >= buffer.length) {
      buffer = randomBytes(blok);
      positie = 0;
    }
    const getal = buffer.readUInt32LE(positie);
    positie += 4;
    return getal;
  };
}

/** Fisher–Yates with an unbiased draw (rejection sampling), on a copy. */
export function schud<T>(lijst: readonly T[]): T[] {
  const uit = [...lijst];
  const trek = willekeurigeGetallen(uit.length);
  for (let i = uit.length - 1; i > 0; i--) {
    const bereik = i + 1;
    const grens = Math.floor(0x1_0000_0000 / bereik) * bereik;
    let getal = trek();
    while (getal >= grens) getal = trek();
    const j = getal % bereik;
    [uit[i], uit[j]] = [uit[j]!, uit[i]!];
  }
  return uit;
}

/**
 * What the service layer publishes at closing. One receipt per ballot: a mismatch means the
 * register and the ballot box disagree, which must stop the count rather than be published.
 */
export function maakExport(regels: StemmingRegels, aantalKiesgerechtigden: number, biljetten: readonly CanoniekStembiljet[], bonnetjes: readonly string[]): StemmingExport {
  if (biljetten.length !== bonnetjes.length) {
    throw new RangeError(`${biljetten.length} stembiljetten maar ${bonnetjes.length} bonnetjes: het register en de stembus lopen uiteen`);
  }
  const procesVerbaal = maakProcesVerbaal(regels, tel(regels, biljetten), {
    aantalKiesgerechtigden,
    biljettenHash: biljettenHash(biljetten),
    bonnetjesHash: bonnetjesHash(bonnetjes),
  });
  return {
    formaat: STEMMING_EXPORT_FORMAAT,
    versie: 1,
    regels,
    aantalKiesgerechtigden,
    stembiljetten: schud(biljetten),
    bonnetjes: schud(bonnetjes),
    procesVerbaal,
    procesVerbaalHash: procesVerbaalHash(procesVerbaal),
  };
}

export interface Hertelling {
  /** The recount matches the published proces-verbaal and its hash. */
  klopt: boolean;
  /** Dutch: everything that does not add up. */
  fouten: string[];
  /** Recomputed from the rules, ballots and receipts alone (absent when the export is unreadable). */
  procesVerbaal?: ProcesVerbaal;
  hash?: string;
  /** Only when a receipt code was asked about. */
  bonnetje?: BonnetjeControle;
}

const isObject = (waarde: unknown): waarde is Record<string, unknown> => typeof waarde === 'object' && waarde !== null && !Array.isArray(waarde);

/**
 * Recounts from the export alone: nothing from our database, so anyone can run it. The published
 * hash is the one on the vraagstuk's timeline; an export whose ballots, receipts, rules or
 * proces-verbaal were changed afterwards no longer hashes to it.
 */
export function hertel(gegevens: unknown, bonnetje?: string): Hertelling {
  const fouten: string[] = [];
  if (!isObject(gegevens) || gegevens.formaat !== STEMMING_EXPORT_FORMAAT || gegevens.versie !== 1) {
    return { klopt: false, fouten: [`dit is geen ${STEMMING_EXPORT_FORMAAT} versie 1`] };
  }
  for (const fout of structuurFouten(gegevens.regels, RUIMSTE_MAXIMA)) fouten.push(`regels.${fout.name}: ${fout.reason}`);
  const { stembiljetten, bonnetjes, aantalKiesgerechtigden } = gegevens;
  if (!Array.isArray(stembiljetten)) fouten.push('stembiljetten moet een lijst zijn');
  if (!Array.isArray(bonnetjes) || !bonnetjes.every((b) => typeof b === 'string')) fouten.push('bonnetjes moet een lijst van codes zijn');
  if (fouten.length > 0) return { klopt: false, fouten };

  const regels = gegevens.regels as StemmingRegels;
  const biljetten = stembiljetten as CanoniekStembiljet[];
  const codes = bonnetjes as string[];
  const bonnetjeUitkomst = bonnetje === undefined ? {} : { bonnetje: controleerBonnetje(bonnetje, codes) };

  if (biljetten.length !== codes.length) fouten.push(`${biljetten.length} stembiljetten maar ${codes.length} bonnetjes: er hoort één bonnetje per stembiljet`);
  const ongeldig = codes.filter((code) => !isGeldigBonnetje(code)).length;
  if (ongeldig > 0) fouten.push(`${ongeldig} bonnetjes hebben geen geldige vorm of controleteken`);
  if (new Set(codes).size !== codes.length) fouten.push('een bonnetje komt meer dan eens voor');

  let procesVerbaal: ProcesVerbaal;
  try {
    procesVerbaal = maakProcesVerbaal(regels, tel(regels, biljetten), {
      aantalKiesgerechtigden: aantalKiesgerechtigden as number,
      biljettenHash: biljettenHash(biljetten),
      bonnetjesHash: bonnetjesHash(codes),
    });
  } catch (error) {
    if (!(error instanceof OngeldigBiljetFout || error instanceof RangeError)) throw error;
    return { klopt: false, fouten: [...fouten, error.message], ...bonnetjeUitkomst };
  }
  const hash = procesVerbaalHash(procesVerbaal);
  if (hash !== gegevens.procesVerbaalHash) fouten.push('de hertelling geeft een ander proces-verbaal dan de gepubliceerde hash');
  if (!isObject(gegevens.procesVerbaal) || procesVerbaalHash(gegevens.procesVerbaal as unknown as ProcesVerbaal) !== gegevens.procesVerbaalHash) {
    fouten.push('het gepubliceerde proces-verbaal past niet bij de gepubliceerde hash');
  }
  return { klopt: fouten.length === 0, fouten, procesVerbaal, hash, ...bonnetjeUitkomst };
}
