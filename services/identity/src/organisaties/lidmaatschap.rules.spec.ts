import type { LidmaatschapRol, Principal, Rol } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import {
  controleerLidmaatschapWijziging,
  heeftMandaat,
  type LidmaatschapFeit,
  magLedenBeheren,
  magLedenZien,
  magLidmaatschapVerwijderen,
  magOrganisatieAanmaken,
} from './lidmaatschap.rules';

const ORG = 'org-1';
const lid = (accountId: string, rol: LidmaatschapRol, organisatieId = ORG): LidmaatschapFeit => ({ organisatieId, accountId, rol });
const actor = (accountId: string, rollen: Rol[] = ['inwoner'], gemeente: string | undefined = 'GM0637'): Principal => ({
  accountId,
  rollen,
  segment: 'inwoner',
  tweedeFactor: false,
  ...(gemeente ? { gemeente } : {}),
});
const organisatie = { gemeente: 'GM0637' };
const leden = [lid('anne', 'beheerder'), lid('bram', 'vertegenwoordiger'), lid('cor', 'lid')];

function fout(fn: () => void): DomainError | undefined {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  return undefined;
}

describe('heeftMandaat', () => {
  it.each<[string, string, boolean]>([
    ['anne', ORG, true],
    ['bram', ORG, true],
    ['cor', ORG, false],
    ['dirk', ORG, false],
    ['anne', 'org-2', false],
  ])('%s for %s: %s', (accountId, organisatieId, expected) => {
    expect(heeftMandaat(leden, accountId, organisatieId)).toBe(expected);
  });

  it('looks at the membership of that organisation only', () => {
    expect(heeftMandaat([lid('cor', 'beheerder', 'org-2'), lid('cor', 'lid')], 'cor', ORG)).toBe(false);
  });
});

describe('magLedenBeheren', () => {
  it.each<[string, Principal, boolean]>([
    ['a beheerder of the organisation', actor('anne'), true],
    ['a vertegenwoordiger', actor('bram'), false],
    ['a lid', actor('cor'), false],
    ['an outsider', actor('dirk'), false],
    ['gemeentebeheer of its gemeente', actor('gina', ['gemeentebeheerder']), true],
    ['gemeentebeheer of another gemeente', actor('gina', ['gemeentebeheerder'], 'GM0518'), false],
    ['an ambtenaar', actor('arie', ['ambtenaar']), false],
    ['a moderator', actor('mo', ['moderator']), false],
    ['platformbeheer', actor('piet', ['platformbeheerder'], undefined), true],
    // A beheerder whose token is for another gemeente acts there, not here.
    ['its beheerder acting in another gemeente', actor('anne', ['inwoner'], 'GM0518'), false],
  ])('%s: %s', (_who, principal, expected) => {
    expect(magLedenBeheren(principal, organisatie, leden)).toBe(expected);
  });
});

describe('magLedenZien', () => {
  it.each<[string, Principal, boolean]>([
    ['a lid', actor('cor'), true],
    ['a beheerder', actor('anne'), true],
    ['an outsider', actor('dirk'), false],
    ['gemeentebeheer', actor('gina', ['gemeentebeheerder']), true],
    ['gemeentebeheer elsewhere', actor('gina', ['gemeentebeheerder'], 'GM0518'), false],
    ['platformbeheer', actor('piet', ['platformbeheerder'], undefined), true],
  ])('%s: %s', (_who, principal, expected) => {
    expect(magLedenZien(principal, organisatie, leden)).toBe(expected);
  });
});

describe('magLidmaatschapVerwijderen', () => {
  it('lets a member leave, but not remove someone else', () => {
    expect(magLidmaatschapVerwijderen(actor('cor'), organisatie, leden, 'cor')).toBe(true);
    expect(magLidmaatschapVerwijderen(actor('cor'), organisatie, leden, 'bram')).toBe(false);
    expect(magLidmaatschapVerwijderen(actor('anne'), organisatie, leden, 'bram')).toBe(true);
  });
});

describe('magOrganisatieAanmaken', () => {
  it('lets anyone logged in create a business, civil-society or citizen organisation', () => {
    for (const segment of ['bedrijfsleven', 'maatschappelijk', 'burgers'] as const) expect(magOrganisatieAanmaken(actor('x'), segment)).toBe(true);
  });

  it.each<[Rol, boolean]>([
    ['inwoner', false],
    ['moderator', false],
    ['ambtenaar', true],
    ['gemeentebeheerder', true],
    ['platformbeheerder', true],
  ])('segment gemeente for %s: %s', (rol, expected) => {
    expect(magOrganisatieAanmaken(actor('x', [rol]), 'gemeente')).toBe(expected);
  });
});

describe('controleerLidmaatschapWijziging', () => {
  it('refuses to remove or demote the last beheerder', () => {
    expect(fout(() => controleerLidmaatschapWijziging(leden, 'anne', undefined))?.code).toBe('RULE_VIOLATED');
    expect(fout(() => controleerLidmaatschapWijziging(leden, 'anne', 'lid'))?.code).toBe('RULE_VIOLATED');
    expect(fout(() => controleerLidmaatschapWijziging(leden, 'anne', 'vertegenwoordiger'))?.code).toBe('RULE_VIOLATED');
  });

  it('allows it when another beheerder remains', () => {
    const twee = [...leden, lid('dirk', 'beheerder')];
    expect(fout(() => controleerLidmaatschapWijziging(twee, 'anne', undefined))).toBeUndefined();
    expect(fout(() => controleerLidmaatschapWijziging(twee, 'anne', 'lid'))).toBeUndefined();
  });

  it('allows every change that does not touch the last beheerder', () => {
    expect(fout(() => controleerLidmaatschapWijziging(leden, 'anne', 'beheerder'))).toBeUndefined();
    expect(fout(() => controleerLidmaatschapWijziging(leden, 'bram', undefined))).toBeUndefined();
    expect(fout(() => controleerLidmaatschapWijziging(leden, 'cor', 'beheerder'))).toBeUndefined();
    expect(fout(() => controleerLidmaatschapWijziging(leden, 'nieuw', 'lid'))).toBeUndefined();
  });
});
