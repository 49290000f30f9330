import type { VraagstukFase } from '@samen/contracts';

export interface Gemiddelden {
  proces: number | null;
  uitkomst: number | null;
}

const opTweeDecimalen = (n: number): number => Math.round(n * 100) / 100;

/** The average score per aspect, with two decimals; null for both while nobody evaluated. */
export function gemiddelden(scores: ReadonlyArray<{ proces: number; uitkomst: number }>): Gemiddelden {
  if (!scores.length) return { proces: null, uitkomst: null };
  const som = scores.reduce((acc, s) => ({ proces: acc.proces + s.proces, uitkomst: acc.uitkomst + s.uitkomst }), { proces: 0, uitkomst: 0 });
  return { proces: opTweeDecimalen(som.proces / scores.length), uitkomst: opTweeDecimalen(som.uitkomst / scores.length) };
}

/**
 * Which pass through evaluatie a reader sees: the current one while the vraagstuk is in evaluatie
 * (even while still empty), otherwise the last one that left something behind (`laatsteOpgeslagen`),
 * or none.
 */
export function getoondePassage(vraagstuk: { fase: VraagstukFase; faseSinds: Date }, laatsteOpgeslagen: Date | undefined): Date | undefined {
  return vraagstuk.fase === 'evaluatie' ? vraagstuk.faseSinds : laatsteOpgeslagen;
}
