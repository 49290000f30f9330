import type { Principal, Rol } from '@samen/contracts';
import { magCodesAanmaken, magPersoonlijkVerifieren, MAX_MISLUKTE_POGINGEN, pogingToegestaan, wachttijdMs } from './verificatie.rules';

const actor = (rollen: Rol[], gemeente?: string): Principal => ({ accountId: 'a', rollen, segment: 'inwoner', tweedeFactor: true, ...(gemeente ? { gemeente } : {}) });

describe('pogingToegestaan', () => {
  const nu = new Date('2026-11-27T10:00:00Z');
  const minutenGeleden = (m: number) => new Date(nu.getTime() - m * 60_000);

  it('allows up to five wrong codes per hour', () => {
    expect(MAX_MISLUKTE_POGINGEN).toBe(5);
    expect(pogingToegestaan([], nu)).toBe(true);
    expect(pogingToegestaan([1, 2, 3, 4].map(minutenGeleden), nu)).toBe(true);
    expect(pogingToegestaan([1, 2, 3, 4, 5].map(minutenGeleden), nu)).toBe(false);
  });

  it('forgets failures older than the window', () => {
    expect(pogingToegestaan([61, 70, 80, 90, 1].map(minutenGeleden), nu)).toBe(true);
    expect(pogingToegestaan([59, 30, 20, 10, 1].map(minutenGeleden), nu)).toBe(false);
  });

  it('says how long until the next try: until the oldest failure that counts leaves the window', () => {
    expect(wachttijdMs([1, 2, 3, 4].map(minutenGeleden), nu)).toBe(0);
    expect(wachttijdMs([59, 30, 20, 10, 1].map(minutenGeleden), nu)).toBe(60_000);
    // Seven failures in the hour: three must leave before a try is allowed (the 3rd oldest, 40 minutes ago).
    expect(wachttijdMs([50, 45, 40, 30, 20, 10, 1].map(minutenGeleden), nu)).toBe(20 * 60_000);
    expect(wachttijdMs([61, 30, 20, 10, 1].map(minutenGeleden), nu)).toBe(0);
    // Whenever it says wait, trying earlier is refused and trying then is allowed.
    const mislukt = [50, 45, 40, 30, 20, 10, 1].map(minutenGeleden);
    const wacht = wachttijdMs(mislukt, nu);
    expect(pogingToegestaan(mislukt, new Date(nu.getTime() + wacht - 1))).toBe(false);
    expect(pogingToegestaan(mislukt, new Date(nu.getTime() + wacht))).toBe(true);
  });
});

describe('who may issue codes and verify in person', () => {
  it.each<[string, Principal, boolean, boolean]>([
    ['gemeentebeheerder', actor(['gemeentebeheerder'], 'GM0637'), true, false],
    ['ambtenaar', actor(['ambtenaar'], 'GM0637'), true, true],
    ['ambtenaar of another gemeente', actor(['ambtenaar'], 'GM0518'), false, false],
    ['moderator', actor(['moderator'], 'GM0637'), false, false],
    ['inwoner', actor(['inwoner'], 'GM0637'), false, false],
    ['platformbeheerder', actor(['platformbeheerder']), false, false],
  ])('%s: codes %s, in person %s', (_who, principal, codes, persoonlijk) => {
    expect(magCodesAanmaken(principal, 'GM0637')).toBe(codes);
    expect(magPersoonlijkVerifieren(principal, 'GM0637')).toBe(persoonlijk);
  });
});
