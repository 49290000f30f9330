import { randomBytes } from 'node:crypto';
import { BONNETJE_PATTERN } from '@samen/contracts';

/**
 * Receipt codes. A receipt proves that a ballot was counted, never what it says: it is pure
 * chance, not derived from the ballot, and the receipt list is published shuffled apart from the
 * ballot list. So it cannot be sold or shown under pressure as proof of a vote.
 *
 * Crockford base32 (no I, L, O, U: nothing to confuse when read aloud or typed over), 27 random
 * characters (135 bits, more than the 128 asked for, to fill seven groups of four) and a Luhn
 * mod 32 check character, which catches every single mistyped character and almost every swap
 * of two neighbours before the lookup says "not found" to a voter who merely made a typo.
 */
const ALFABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const WILLEKEURIG = 27;
const GROEP = 4;

function waardeVan(teken: string): number {
  return ALFABET.indexOf(teken);
}

/** Luhn mod N over the characters, for N = 32: the character that makes the sum divisible by 32. */
function controleteken(tekens: string): string {
  let som = 0;
  let factor = 2;
  for (let i = tekens.length - 1; i >= 0; i--) {
    const product = factor * waardeVan(tekens[i]!);
    som += Math.floor(product / 32) + (product % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return ALFABET[(32 - (som % 32)) % 32]!;
}

const groepeer = (tekens: string): string => tekens.match(new RegExp(`.{1,${GROEP}}`, 'g'))!.join('-');

export function nieuwBonnetje(): string {
  const bytes = randomBytes(WILLEKEURIG);
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  let tekens = '';
  for (const byte of bytes) tekens += ALFABET[byte & 31];
  return groepeer(tekens + controleteken(tekens));
}

/**
 * What a voter types, in the published form: upper case, grouped, the look-alikes O→0 and I/L→1
 * mapped as Crockford does. Returns undefined when it cannot be a receipt (length, characters).
 */
export function normaliseerBonnetje(invoer: string): string | undefined {
  const tekens = invoer
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (tekens.length !== WILLEKEURIG + 1 || [...tekens].some((t) => waardeVan(t) < 0)) return undefined;
  return groepeer(tekens);
}

/** Format and check character: a typo is caught here, without looking anything up. */
export function isGeldigBonnetje(code: string): boolean {
  if (!BONNETJE_PATTERN.test(code)) return false;
  const tekens = code.replace(/-/g, '');
  return controleteken(tekens.slice(0, WILLEKEURIG)) === tekens[WILLEKEURIG];
}

export type BonnetjeControle = 'gevonden' | 'niet-gevonden' | 'tikfout';

/** Looks a voter's code up in a published receipt list (normalised on both sides). */
export function controleerBonnetje(invoer: string, lijst: Iterable<string>): BonnetjeControle {
  const code = normaliseerBonnetje(invoer);
  if (!code || !isGeldigBonnetje(code)) return 'tikfout';
  for (const gepubliceerd of lijst) if (gepubliceerd === code) return 'gevonden';
  return 'niet-gevonden';
}
