import type { Principal, Rol } from '@samen/contracts';
import { magRolIntrekken, magRolToekennen, nieuweRollen } from './roltoekenning.rules';

const actor = (rollen: Rol[], gemeente?: string, accountId = 'actor'): Principal => ({ accountId, rollen, segment: 'inwoner', tweedeFactor: true, ...(gemeente ? { gemeente } : {}) });

describe('magRolToekennen: the matrix', () => {
  const actoren: Array<[string, Principal]> = [
    ['gemeentebeheerder GM0637', actor(['gemeentebeheerder'], 'GM0637')],
    ['gemeentebeheerder GM0518', actor(['gemeentebeheerder'], 'GM0518')],
    ['platformbeheerder', actor(['platformbeheerder'])],
    ['ambtenaar GM0637', actor(['ambtenaar'], 'GM0637')],
    ['moderator GM0637', actor(['moderator'], 'GM0637')],
    ['inwoner GM0637', actor(['inwoner'], 'GM0637')],
  ];
  // Rows: actor; columns: the role granted in GM0637.
  const verwacht: Record<string, Record<Rol, boolean>> = {
    'gemeentebeheerder GM0637': { gemeentebeheerder: true, ambtenaar: true, moderator: true, platformbeheerder: false, inwoner: false },
    'gemeentebeheerder GM0518': { gemeentebeheerder: false, ambtenaar: false, moderator: false, platformbeheerder: false, inwoner: false },
    platformbeheerder: { gemeentebeheerder: true, ambtenaar: false, moderator: false, platformbeheerder: false, inwoner: false },
    'ambtenaar GM0637': { gemeentebeheerder: false, ambtenaar: false, moderator: false, platformbeheerder: false, inwoner: false },
    'moderator GM0637': { gemeentebeheerder: false, ambtenaar: false, moderator: false, platformbeheerder: false, inwoner: false },
    'inwoner GM0637': { gemeentebeheerder: false, ambtenaar: false, moderator: false, platformbeheerder: false, inwoner: false },
  };
  for (const [naam, principal] of actoren) {
    for (const rol of ['platformbeheerder', 'gemeentebeheerder', 'ambtenaar', 'moderator', 'inwoner'] as Rol[]) {
      it(`${naam} grants ${rol}: ${verwacht[naam][rol]}`, () => {
        expect(magRolToekennen(principal, rol, 'GM0637')).toBe(verwacht[naam][rol]);
      });
    }
  }

  it('nobody grants platformbeheerder, not even a platformbeheerder who is also gemeentebeheerder', () => {
    expect(magRolToekennen(actor(['platformbeheerder', 'gemeentebeheerder'], 'GM0637'), 'platformbeheerder', 'GM0637')).toBe(false);
  });
});

describe('magRolIntrekken', () => {
  it('follows the matrix', () => {
    expect(magRolIntrekken(actor(['gemeentebeheerder'], 'GM0637'), 'ambtenaar', 'GM0637', 'ander')).toBe(true);
    expect(magRolIntrekken(actor(['ambtenaar'], 'GM0637'), 'ambtenaar', 'GM0637', 'ander')).toBe(false);
    expect(magRolIntrekken(actor(['platformbeheerder']), 'gemeentebeheerder', 'GM0637', 'ander')).toBe(true);
  });

  it('keeps a gemeentebeheerder from removing their own beheer, not their other roles', () => {
    expect(magRolIntrekken(actor(['gemeentebeheerder'], 'GM0637', 'ik'), 'gemeentebeheerder', 'GM0637', 'ik')).toBe(false);
    expect(magRolIntrekken(actor(['gemeentebeheerder', 'moderator'], 'GM0637', 'ik'), 'moderator', 'GM0637', 'ik')).toBe(true);
  });
});

describe('nieuweRollen', () => {
  it('adds and removes once, in a fixed order', () => {
    expect(nieuweRollen(['inwoner'], 'moderator', true)).toEqual(['moderator', 'inwoner']);
    expect(nieuweRollen(['moderator', 'inwoner'], 'moderator', true)).toEqual(['moderator', 'inwoner']);
    expect(nieuweRollen(['inwoner', 'ambtenaar', 'moderator'], 'ambtenaar', false)).toEqual(['moderator', 'inwoner']);
    expect(nieuweRollen(['inwoner'], 'ambtenaar', false)).toEqual(['inwoner']);
  });
});
