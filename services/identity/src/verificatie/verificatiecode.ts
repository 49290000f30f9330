import { createHmac, randomBytes } from 'node:crypto';
import { nederlandseDatum } from '@samen/platform';

/**
 * Letters and digits that cannot be mistaken for one another on paper: no 0/O, no 1/I. 32 of
 * them, so one random byte masked to 5 bits picks one without bias.
 */
export const CODE_ALFABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** 12 characters of 5 bits: 60 bits of entropy (at least 40 are required). */
export const CODE_LENGTE = 12;
const GROEP = 4;

export function entropieBits(): number {
  return CODE_LENGTE * Math.log2(CODE_ALFABET.length);
}

/** A new code in print form, `ABCD-EFGH-JKLM`. */
export function genereerCode(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(CODE_LENGTE);
  let code = '';
  for (let i = 0; i < CODE_LENGTE; i++) {
    if (i > 0 && i % GROEP === 0) code += '-';
    code += CODE_ALFABET[bytes[i] & 0x1f];
  }
  return code;
}

/**
 * What a resident typed, reduced to the code itself: case, spaces and dashes do not matter.
 * Undefined when it cannot be a code (wrong length or a character outside the alphabet).
 */
export function normaliseerCode(invoer: string): string | undefined {
  const code = invoer.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTE) return undefined;
  for (const teken of code) if (!CODE_ALFABET.includes(teken)) return undefined;
  return code;
}

/**
 * The stored form of a code. A keyed hash (HMAC) rather than a plain one: 60 bits can be
 * brute-forced offline against a plain hash from a stolen database, not without the key. The
 * gemeente is part of the input, so a code only ever matches in its own gemeente.
 */
export function hashCode(sleutel: Buffer, gemeente: string, genormaliseerd: string): string {
  return createHmac('sha256', sleutel).update(`${gemeente}:${genormaliseerd}`).digest('hex');
}

// A letter says "geldig t/m" a Dutch date; re-exported for this folder's tests.
export { nederlandseDatum };

/** A code works through its last day, Dutch time. */
export function isVerlopen(verlooptDatum: string, nu: Date): boolean {
  return nederlandseDatum(nu) > verlooptDatum;
}

/** Codes are for a coming campaign: from today up to a year ahead. */
export function controleerVerlooptDatum(verlooptDatum: string, nu: Date): string | undefined {
  const vandaag = nederlandseDatum(nu);
  if (verlooptDatum < vandaag) return 'verlooptDatum ligt in het verleden';
  const overEenJaar = nederlandseDatum(new Date(nu.getTime() + 366 * 24 * 3600 * 1000));
  if (verlooptDatum > overEenJaar) return 'verlooptDatum ligt meer dan een jaar vooruit';
  return undefined;
}

/** A wijk or buurt code names its gemeente in digits 3–6: WK063701 lies in GM0637. */
export function gebiedHoortBijGemeente(gebied: string, gemeente: string): boolean {
  return gebied.slice(2, 6) === gemeente.slice(2);
}
