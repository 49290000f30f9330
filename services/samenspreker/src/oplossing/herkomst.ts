import type { InvalidParam } from '@samen/contracts';

export interface Herkomst {
  reacties: string[];
  bijdragen: { oplossingId: string; versie: number }[];
}

/** What exists in this vraagstuk, as looked up for the ids a new version names. */
export interface BekendInVraagstuk {
  reacties: ReadonlySet<string>;
  /** `oplossingId#versie` of versions of this vraagstuk's oplossingen. */
  versies: ReadonlySet<string>;
}

export const versieSleutel = (b: { oplossingId: string; versie: number }): string => `${b.oplossingId}#${b.versie}`;

/** The same reference twice says nothing more: keep the first of each, in the order given. */
export function normaliseerHerkomst(herkomst: Partial<Herkomst>): Herkomst {
  const bijdragen = new Map((herkomst.bijdragen ?? []).map((b) => [versieSleutel(b), { oplossingId: b.oplossingId, versie: b.versie }] as const));
  return { reacties: [...new Set(herkomst.reacties ?? [])], bijdragen: [...bijdragen.values()] };
}

/**
 * A version may only credit what belongs to the same vraagstuk: its reacties (on the vraagstuk or
 * on any of its oplossingen) and existing versions of its oplossingen. Every reference that is not
 * is named, so the author can correct them all at once.
 */
export function controleerHerkomst(herkomst: Herkomst, bekend: BekendInVraagstuk): InvalidParam[] {
  return [
    ...herkomst.reacties.flatMap((id, i) =>
      bekend.reacties.has(id) ? [] : [{ name: `overgenomen.reacties.${i}`, code: 'onbekend', reason: 'Deze reactie hoort niet bij dit vraagstuk.' }],
    ),
    ...herkomst.bijdragen.flatMap((b, i) =>
      bekend.versies.has(versieSleutel(b)) ? [] : [{ name: `overgenomen.bijdragen.${i}`, code: 'onbekend', reason: 'Deze versie van een oplossing bestaat niet in dit vraagstuk.' }],
    ),
  ];
}
