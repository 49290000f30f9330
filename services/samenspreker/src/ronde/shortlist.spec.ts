import { SHORTLIST_GROOTTE } from '@samen/contracts';
import { type Kandidaat, maakShortlist } from './shortlist';

const dag = (n: number) => new Date(Date.UTC(2026, 10, n));
const k = (oplossingId: string, steun: number, instemming: number, bezwaar: number, ingediend = 1): Kandidaat => ({ oplossingId, steun, instemming, bezwaar, ingediendOp: dag(ingediend) });

describe('maakShortlist', () => {
  it('ranks by steun plus instemming, highest first, and takes the top three', () => {
    expect(SHORTLIST_GROOTTE).toBe(3);
    expect(maakShortlist([k('a', 1, 0, 0), k('b', 2, 2, 0), k('c', 0, 3, 0), k('d', 5, 0, 0), k('e', 1, 1, 0)])).toEqual(['d', 'b', 'c']);
  });

  it('counts steun and instemming alike', () => {
    expect(maakShortlist([k('alleen-steun', 2, 0, 0, 1), k('alleen-instemming', 0, 3, 0, 2)])).toEqual(['alleen-instemming', 'alleen-steun']);
  });

  it('breaks a tie by fewer bezwaren, then by the earliest submitted', () => {
    expect(maakShortlist([k('veel-bezwaar', 2, 0, 3, 1), k('weinig-bezwaar', 1, 1, 1, 3), k('laat', 2, 0, 0, 5), k('vroeg', 0, 2, 0, 4)])).toEqual(['vroeg', 'laat', 'weinig-bezwaar']);
  });

  it('leaves out oplossingen without any steun or instemming, even when fewer than three remain', () => {
    expect(maakShortlist([k('niemand', 0, 0, 0), k('alleen-bezwaar', 0, 0, 4), k('een', 0, 1, 2)])).toEqual(['een']);
    expect(maakShortlist([k('niemand', 0, 0, 0)])).toEqual([]);
    expect(maakShortlist([])).toEqual([]);
  });

  it('does not depend on the order it is given, nor change its input', () => {
    const kandidaten = [k('x', 1, 0, 0, 2), k('y', 1, 0, 0, 2), k('z', 1, 0, 0, 1)];
    const kopie = [...kandidaten];
    expect(maakShortlist(kandidaten)).toEqual(['z', 'x', 'y']);
    expect(maakShortlist([...kandidaten].reverse())).toEqual(['z', 'x', 'y']);
    expect(kandidaten).toEqual(kopie);
  });
});
