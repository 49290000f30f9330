import type { BesluitOrgaan, InvalidParam } from '@samen/contracts';

/**
 * Checks on a new besluit that class-validator cannot express: the organisation goes with orgaan
 * `organisatie` and only with it, and a besluit is recorded after it was taken, not before.
 * `vandaag` is today's Dutch date (YYYY-MM-DD). Returns the problems, empty when there are none.
 */
export function besluitFouten(input: { orgaan: BesluitOrgaan; organisatie?: string; datum: string }, vandaag: string): InvalidParam[] {
  const fouten: InvalidParam[] = [];
  if (input.orgaan === 'organisatie' && !input.organisatie) {
    fouten.push({ name: 'organisatie', code: 'isNotEmpty', reason: 'Noem de organisatie die besloot.' });
  }
  if (input.orgaan !== 'organisatie' && input.organisatie) {
    fouten.push({ name: 'organisatie', code: 'isEmpty', reason: `Een organisatie hoort alleen bij orgaan organisatie, niet bij ${input.orgaan}.` });
  }
  if (input.datum > vandaag) {
    fouten.push({ name: 'datum', code: 'nietInDeToekomst', reason: 'De datum van een besluit ligt niet in de toekomst.' });
  }
  return fouten;
}

/** For each corrected besluit, the besluit that corrects it (each is corrected at most once). */
export function correctiesVan(besluiten: ReadonlyArray<{ id: string; corrigeert?: string | null }>): Map<string, string> {
  const door = new Map<string, string>();
  for (const b of besluiten) if (b.corrigeert) door.set(b.corrigeert, b.id);
  return door;
}
