import { randomBytes } from 'node:crypto';
import { BLANCO, type CanoniekStembiljet, ONGELDIG, type ProcesVerbaal, STEMMING_EXPORT_FORMAAT, type StemmingExport, type StemmingExportLijst, type StemmingRegels } from '@samen/contracts';
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
 * The whole export file in memory, as a download puts it together (the service serves it in pages,
 * the gateway streams it): what `hertel` is tested against. One receipt per ballot: a mismatch
 * means the register and the ballot box disagree, which must stop the count rather than be published.
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

/**
 * The export over NATS comes in pages; a page must fit the bus's message limit (1 MiB by default) with
 * room to spare, whatever the rules. So the number of items per page is the byte budget divided by the
 * longest an item of this list can be in JSON: a ballot with the longest answer to every question, or
 * a receipt code of the column's full width. The default budget (STEMMING_EXPORT_PAGINA_BYTES):
 */
export const EXPORT_PAGINA_BYTES = 512 * 1024;
/** The width of `bonnetje.code`. */
const BONNETJE_MAX_TEKENS = 40;

export function langsteItem(regels: StemmingRegels, lijst: StemmingExportLijst): number {
  // In JSON each item is followed by a comma; a string has its quotes. Ids are [a-z0-9-], never escaped.
  if (lijst === 'bonnetjes') return BONNETJE_MAX_TEKENS + 2 + 1;
  const antwoorden = regels.vragen.map((vraag) => Math.max(BLANCO.length, ONGELDIG.length, ...vraag.opties.map((optie) => optie.id.length)) + 2);
  return 2 + antwoorden.reduce((som, lengte) => som + lengte, 0) + Math.max(0, antwoorden.length - 1) + 1;
}

export function paginaGrootte(regels: StemmingRegels, lijst: StemmingExportLijst, budgetBytes: number): number {
  return Math.max(1, Math.floor(budgetBytes / langsteItem(regels, lijst)));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CODE = new RegExp(`^[0-9A-Z-]{1,${BONNETJE_MAX_TEKENS}}$`);

/** A page token: the key of the last item of the previous page (a random id or receipt code, public anyway), opaque to the caller. */
export function paginaToken(laatsteSleutel: string): string {
  return Buffer.from(laatsteSleutel, 'utf8').toString('base64url');
}

/** The key in a page token of this list, or undefined when it is no such token. */
export function leesPaginaToken(token: string, lijst: StemmingExportLijst): string | undefined {
  const sleutel = Buffer.from(token, 'base64url').toString('utf8');
  return (lijst === 'stembiljetten' ? UUID : CODE).test(sleutel) && paginaToken(sleutel) === token ? sleutel : undefined;
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
