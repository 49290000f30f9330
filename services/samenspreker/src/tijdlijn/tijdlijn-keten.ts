import { createHash } from 'node:crypto';

/** A JSON value as it may appear in a timeline entry (what canonical JSON can represent). */
export type JsonWaarde = null | boolean | number | string | JsonWaarde[] | { [sleutel: string]: JsonWaarde };

/**
 * Who made a change, as the public, permanent record shows it: the per-vraagstuk pseudonym (see
 * gedeeld/pseudoniem.ts), segment and organisation. Never an account id, name or e-mail: those would
 * link one person's activity across vraagstukken, forever.
 */
export interface TijdlijnActor {
  pseudoniem: string;
  segment: string;
  organisatie?: string;
}

/** The vorigeHash of the first entry of every chain. */
export const NUL_HASH = '0'.repeat(64);

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as Array.prototype.sort does), no
 * whitespace, `undefined` properties left out. The hash must not depend on how PostgreSQL's jsonb
 * happened to order keys on the way back, so the bytes are fixed here and not by JSON.stringify.
 */
export function canoniekeJson(waarde: unknown): string {
  if (waarde === null) return 'null';
  switch (typeof waarde) {
    case 'boolean':
    case 'string':
      return JSON.stringify(waarde);
    case 'number':
      // NaN and Infinity have no JSON form; silently writing null would let two values share a hash.
      if (!Number.isFinite(waarde)) throw new TypeError('canoniekeJson: getal zonder JSON-vorm');
      return JSON.stringify(waarde);
    case 'object': {
      if (Array.isArray(waarde)) return `[${waarde.map((element) => (element === undefined ? 'null' : canoniekeJson(element))).join(',')}]`;
      const object = waarde as Record<string, unknown>;
      const delen = Object.keys(object)
        .filter((sleutel) => object[sleutel] !== undefined)
        .sort()
        .map((sleutel) => `${JSON.stringify(sleutel)}:${canoniekeJson(object[sleutel])}`);
      return `{${delen.join(',')}}`;
    }
    default:
      throw new TypeError(`canoniekeJson: ${typeof waarde} heeft geen JSON-vorm`);
  }
}

/** The fields of an entry that its hash covers. */
export interface GehashteVelden {
  vraagstukId: string;
  volgnummer: number;
  /** ISO 8601 UTC with milliseconds (Date.toISOString). */
  tijdstip: string;
  soort: string;
  actor: TijdlijnActor | null;
  gegevens: JsonWaarde;
  vorigeHash: string;
}

/** sha256 (hex) of the canonical JSON of the fields. */
export function hashVan(velden: GehashteVelden): string {
  const { vraagstukId, volgnummer, tijdstip, soort, actor, gegevens, vorigeHash } = velden;
  return createHash('sha256').update(canoniekeJson({ vraagstukId, volgnummer, tijdstip, soort, actor, gegevens, vorigeHash }), 'utf8').digest('hex');
}

/** An entry as stored: the hashed fields plus its own hash. */
export interface KetenRij extends GehashteVelden {
  hash: string;
}

export type FoutReden = 'hash' | 'keten' | 'volgnummer';

export interface Verificatie {
  geldig: boolean;
  aantal: number;
  eersteFout?: { volgnummer: number; reden: FoutReden };
}

/**
 * Checks a chain given in stored order (by volgnummer). Per entry, in this order: its volgnummer
 * must be the next one (a gap means an entry was removed, a repeat or step back that rows were
 * reordered), its vorigeHash must be the previous entry's hash, and its own hash must match its
 * content. The first entry that fails any of these is named; entries after it are not judged,
 * because a break makes everything after it unprovable anyway.
 */
export function verifieerKeten(rijen: readonly KetenRij[]): Verificatie {
  let vorigeHash = NUL_HASH;
  for (let index = 0; index < rijen.length; index++) {
    const rij = rijen[index]!;
    const fout = (reden: FoutReden): Verificatie => ({ geldig: false, aantal: rijen.length, eersteFout: { volgnummer: rij.volgnummer, reden } });
    if (rij.volgnummer !== index + 1) return fout('volgnummer');
    if (rij.vorigeHash !== vorigeHash) return fout('keten');
    if (hashVan(rij) !== rij.hash) return fout('hash');
    vorigeHash = rij.hash;
  }
  return { geldig: true, aantal: rijen.length };
}
