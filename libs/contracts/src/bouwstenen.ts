/** The five bouwstenen of the suite. The order is the order in which they are shown. */
export const BOUWSTENEN = ['identity', 'citycontent', 'samenspreker', 'beleidsagenda', 'monitoring'] as const;
export type Bouwsteen = (typeof BOUWSTENEN)[number];

export function isBouwsteen(value: unknown): value is Bouwsteen {
  return typeof value === 'string' && (BOUWSTENEN as readonly string[]).includes(value);
}

/** Only identity is required; every other bouwsteen may be absent (DESIGN rule 5). */
export const REQUIRED_BOUWSTENEN: readonly Bouwsteen[] = ['identity'];
