import { gemiddelden, getoondePassage } from './evaluatie-regels';

describe('evaluatie-regels', () => {
  it('averages each aspect with two decimals, null while nobody evaluated', () => {
    expect(gemiddelden([])).toEqual({ proces: null, uitkomst: null });
    expect(gemiddelden([{ proces: 4, uitkomst: 2 }])).toEqual({ proces: 4, uitkomst: 2 });
    expect(
      gemiddelden([
        { proces: 5, uitkomst: 1 },
        { proces: 4, uitkomst: 2 },
        { proces: 4, uitkomst: 2 },
      ]),
    ).toEqual({ proces: 4.33, uitkomst: 1.67 });
  });

  it('shows the current pass in evaluatie, even while empty, else the last stored one', () => {
    const nu = new Date('2026-11-27T10:00:00Z');
    const vorige = new Date('2026-10-01T10:00:00Z');
    expect(getoondePassage({ fase: 'evaluatie', faseSinds: nu }, vorige)).toBe(nu);
    expect(getoondePassage({ fase: 'afgerond', faseSinds: nu }, vorige)).toBe(vorige);
    expect(getoondePassage({ fase: 'oplossingen', faseSinds: nu }, undefined)).toBeUndefined();
  });
});
