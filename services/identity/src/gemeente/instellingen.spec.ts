import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { type Principal, type Rol, WijzigInstellingen } from '@samen/contracts';
import { magInstellingenWijzigen, standaardInstellingen, wijzigInstellingen, zelfdeInstellingen } from './instellingen';

const actor = (rollen: Rol[], gemeente?: string): Principal => ({ accountId: 'a', rollen, segment: 'inwoner', tweedeFactor: true, ...(gemeente ? { gemeente } : {}) });

function fouten(payload: unknown): string[] {
  const flatten = (errors: ValidationError[], prefix = ''): string[] =>
    errors.flatMap((e) => (e.children?.length ? flatten(e.children, `${prefix}${e.property}.`) : [`${prefix}${e.property}`]));
  return flatten(validateSync(plainToInstance(WijzigInstellingen, payload), { whitelist: true, forbidNonWhitelisted: true })).sort();
}

describe('gemeente-instellingen', () => {
  it('starts with the documented defaults', () => {
    expect(standaardInstellingen()).toEqual({
      steundrempel: 25,
      reactietermijnDagen: 20,
      peilingen: { maxAdviesvragen: 7, maxBindendeVragen: 3, bindendDrempelPercentage: 50, opkomstquorumPercentage: 30 },
    });
  });

  it('changes only what is given', () => {
    const huidig = standaardInstellingen();
    const nieuw = wijzigInstellingen(huidig, { steundrempel: 40, peilingen: { opkomstquorumPercentage: 0 } });
    expect(nieuw).toEqual({ ...huidig, steundrempel: 40, peilingen: { ...huidig.peilingen, opkomstquorumPercentage: 0 } });
    // The input is not mutated: the service compares before and after.
    expect(huidig).toEqual(standaardInstellingen());
    expect(zelfdeInstellingen(huidig, nieuw)).toBe(false);
    expect(zelfdeInstellingen(huidig, wijzigInstellingen(huidig, {}))).toBe(true);
  });

  it.each([
    [{ steundrempel: 0 }, ['instellingen.steundrempel']],
    [{ steundrempel: 2.5 }, ['instellingen.steundrempel']],
    [{ reactietermijnDagen: 366 }, ['instellingen.reactietermijnDagen']],
    [{ peilingen: { maxAdviesvragen: 0, maxBindendeVragen: 11 } }, ['instellingen.peilingen.maxAdviesvragen', 'instellingen.peilingen.maxBindendeVragen']],
    [{ peilingen: { bindendDrempelPercentage: 49 } }, ['instellingen.peilingen.bindendDrempelPercentage']],
    [{ peilingen: { bindendDrempelPercentage: 100 } }, ['instellingen.peilingen.bindendDrempelPercentage']],
    [{ peilingen: { opkomstquorumPercentage: 101 } }, ['instellingen.peilingen.opkomstquorumPercentage']],
    [{ steundrempel: '25' }, ['instellingen.steundrempel']],
    [{ onbekend: 1 }, ['instellingen.onbekend']],
  ])('refuses %j', (instellingen, expected) => {
    expect(fouten({ code: 'GM0637', instellingen })).toEqual(expected);
  });

  it('accepts the limits of every range', () => {
    expect(fouten({ code: 'GM0637', instellingen: { steundrempel: 1, reactietermijnDagen: 365, peilingen: { maxBindendeVragen: 0, bindendDrempelPercentage: 99, opkomstquorumPercentage: 0 } } })).toEqual([]);
    expect(fouten({ code: 'GM0637', instellingen: {} })).toEqual([]);
  });

  describe('who may change them', () => {
    it.each<[string, Principal | undefined, boolean]>([
      ['gemeentebeheerder of that gemeente', actor(['gemeentebeheerder'], 'GM0637'), true],
      ['gemeentebeheerder of another gemeente', actor(['gemeentebeheerder'], 'GM0518'), false],
      ['platformbeheerder', actor(['platformbeheerder']), true],
      ['ambtenaar', actor(['ambtenaar'], 'GM0637'), false],
      ['moderator', actor(['moderator'], 'GM0637'), false],
      ['inwoner', actor(['inwoner'], 'GM0637'), false],
      ['anonymous', undefined, false],
    ])('%s: %s', (_who, principal, allowed) => {
      expect(magInstellingenWijzigen(principal, 'GM0637')).toBe(allowed);
    });
  });
});
