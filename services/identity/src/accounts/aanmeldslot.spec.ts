import { isGeblokkeerd, minutenTot, naMislukking, SLOT_DUUR_MS, SLOT_NA_MISLUKKINGEN } from './aanmeldslot';

describe('lockout schedule', () => {
  const nu = new Date('2026-11-27T08:00:00Z');

  it('answers the first failure at once, then ever slower', () => {
    const vertragingen = [1, 2, 3, 4].map((n) => naMislukking(n, nu).vertragingMs);
    expect(vertragingen).toEqual([0, 200, 400, 800]);
    for (const n of [1, 2, 3, 4]) expect(naMislukking(n, nu).geblokkeerdTot).toBeUndefined();
  });

  it('locks for 15 minutes at the fifth failure, and again at every later one', () => {
    expect(SLOT_NA_MISLUKKINGEN).toBe(5);
    for (const n of [5, 6, 20]) {
      expect(naMislukking(n, nu).geblokkeerdTot).toEqual(new Date(nu.getTime() + SLOT_DUUR_MS));
      expect(naMislukking(n, nu).vertragingMs).toBeLessThanOrEqual(2000);
    }
  });

  it('is locked until the moment, not after', () => {
    const tot = new Date(nu.getTime() + 1000);
    expect(isGeblokkeerd(tot, nu)).toBe(true);
    expect(isGeblokkeerd(tot, tot)).toBe(false);
    expect(isGeblokkeerd(null, nu)).toBe(false);
  });

  it('says the minutes left, rounded up, at least one', () => {
    expect(minutenTot(new Date(nu.getTime() + SLOT_DUUR_MS), nu)).toBe(15);
    expect(minutenTot(new Date(nu.getTime() + 61_000), nu)).toBe(2);
    expect(minutenTot(new Date(nu.getTime() + 1), nu)).toBe(1);
  });
});
