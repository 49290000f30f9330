import type { Principal } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { actorVan, gemeenteVanBeheerder, leesCursor, limietVan, maakCursor, VERWERKINGEN_STANDAARD_LIMIET } from './verwerking.rules';

const ID = '0b9d6c1e-7d2c-4a8e-9a51-6f4a3c2b1d00';
const principal = (rollen: Principal['rollen'], gemeente: string | null = 'GM0637'): Principal => ({
  accountId: ID,
  ...(gemeente ? { gemeente } : {}),
  rollen,
  segment: 'inwoner',
  tweedeFactor: true,
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return undefined;
}

describe('cursor', () => {
  it('reads back what it wrote, to the millisecond', () => {
    const positie = { tijdstip: new Date('2026-11-27T07:01:02.345Z'), id: ID };
    const cursor = maakCursor(positie);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(leesCursor(cursor)).toEqual(positie);
  });

  it.each([
    ['rubbish', 'nietsnuttig'],
    ['no id', Buffer.from('1700000000000.').toString('base64url')],
    ['no time', Buffer.from(`abc.${ID}`).toString('base64url')],
    ['sql', Buffer.from(`1.${ID}' or 1=1`).toString('base64url')],
  ])('refuses a cursor that is not ours (%s) with a 400 on na', (_name, cursor) => {
    expect(codeOf(() => leesCursor(cursor))).toBe('VALIDATION_FAILED');
  });
});

describe('limietVan', () => {
  it('defaults and clamps', () => {
    expect(limietVan(undefined)).toBe(VERWERKINGEN_STANDAARD_LIMIET);
    expect(limietVan(0)).toBe(1);
    expect(limietVan(10)).toBe(10);
    expect(limietVan(10_000)).toBe(100);
  });
});

describe('gemeenteVanBeheerder', () => {
  it("gives a gemeentebeheerder its token's gemeente", () => {
    expect(gemeenteVanBeheerder(principal(['gemeentebeheerder'], 'GM0518'))).toBe('GM0518');
  });

  it('refuses other roles, a beheerder without gemeente, and anonymous callers', () => {
    expect(codeOf(() => gemeenteVanBeheerder(principal(['inwoner'])))).toBe('FORBIDDEN');
    expect(codeOf(() => gemeenteVanBeheerder(principal(['ambtenaar', 'moderator'])))).toBe('FORBIDDEN');
    expect(codeOf(() => gemeenteVanBeheerder(principal(['gemeentebeheerder'], null)))).toBe('FORBIDDEN');
    expect(codeOf(() => gemeenteVanBeheerder(undefined))).toBe('UNAUTHENTICATED');
  });
});

describe('actorVan', () => {
  it('is the account, or systeem without one', () => {
    expect(actorVan({ accountId: ID })).toBe(ID);
    expect(actorVan(undefined)).toBe('systeem');
  });
});
