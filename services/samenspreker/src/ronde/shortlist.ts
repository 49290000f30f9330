import { SHORTLIST_GROOTTE } from '@samen/contracts';

/** An oplossing of a closing round, weighed by the positions on its latest version. */
export interface Kandidaat {
  oplossingId: string;
  steun: number;
  instemming: number;
  bezwaar: number;
  ingediendOp: Date;
}

/**
 * The shortlist when nobody chooses one: most steun plus instemming first; on a tie fewer
 * bezwaren, then the earliest submitted (then the id, so the outcome never depends on row order).
 * Only oplossingen that someone at the table supports or consents to qualify.
 */
export function maakShortlist(kandidaten: readonly Kandidaat[], grootte = SHORTLIST_GROOTTE): string[] {
  return kandidaten
    .filter((k) => k.steun + k.instemming > 0)
    .sort(
      (a, b) =>
        b.steun + b.instemming - (a.steun + a.instemming) ||
        a.bezwaar - b.bezwaar ||
        a.ingediendOp.getTime() - b.ingediendOp.getTime() ||
        a.oplossingId.localeCompare(b.oplossingId),
    )
    .slice(0, grootte)
    .map((k) => k.oplossingId);
}
