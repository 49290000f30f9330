import { controleerHerkomst, normaliseerHerkomst } from './herkomst';

const bekend = { reacties: new Set(['r1', 'r2']), versies: new Set(['o1#1', 'o1#2', 'o2#1']) };

describe('herkomst van een versie', () => {
  it('accepts reacties and versions of the same vraagstuk, and nothing at all', () => {
    expect(controleerHerkomst({ reacties: ['r1', 'r2'], bijdragen: [{ oplossingId: 'o1', versie: 2 }, { oplossingId: 'o2', versie: 1 }] }, bekend)).toEqual([]);
    expect(controleerHerkomst({ reacties: [], bijdragen: [] }, bekend)).toEqual([]);
  });

  it('names every reference from elsewhere, and a version that does not exist', () => {
    expect(
      controleerHerkomst({ reacties: ['r1', 'elders'], bijdragen: [{ oplossingId: 'o1', versie: 3 }, { oplossingId: 'o2', versie: 1 }, { oplossingId: 'vreemd', versie: 1 }] }, bekend),
    ).toEqual([
      { name: 'overgenomen.reacties.1', code: 'onbekend', reason: expect.stringContaining('reactie') },
      { name: 'overgenomen.bijdragen.0', code: 'onbekend', reason: expect.stringContaining('versie') },
      { name: 'overgenomen.bijdragen.2', code: 'onbekend', reason: expect.stringContaining('versie') },
    ]);
  });

  it('drops duplicates and fills in what is left out', () => {
    expect(normaliseerHerkomst({ reacties: ['r1', 'r2', 'r1'], bijdragen: [{ oplossingId: 'o1', versie: 1 }, { oplossingId: 'o1', versie: 1 }, { oplossingId: 'o1', versie: 2 }] })).toEqual({
      reacties: ['r1', 'r2'],
      bijdragen: [{ oplossingId: 'o1', versie: 1 }, { oplossingId: 'o1', versie: 2 }],
    });
    expect(normaliseerHerkomst({})).toEqual({ reacties: [], bijdragen: [] });
  });
});
