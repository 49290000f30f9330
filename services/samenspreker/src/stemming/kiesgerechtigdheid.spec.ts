import { type Kiezer, ligtIn, magStemmen } from './kiesgerechtigdheid';
import { proefRegels } from './proefstemming';

const wijk = proefRegels({ kiesgerechtigden: { soort: 'inwoners-gebied', gebied: 'WK063701' } });
const tafel = proefRegels({ kiesgerechtigden: { soort: 'tafel' } });
const inwoner = (wijziging: Partial<Kiezer> = {}): Kiezer => ({ gemeente: 'GM0637', geverifieerdGebied: 'WK063701', tafelDeelnemer: false, ...wijziging });

describe('kiesgerechtigdheid', () => {
  describe('inwoners-gebied', () => {
    it('lets a verified resident of the gebied vote', () => {
      expect(magStemmen(wijk, inwoner())).toEqual({ mag: true });
    });

    it('lets a resident verified for a buurt of the wijk vote (CBS codes nest)', () => {
      expect(magStemmen(wijk, inwoner({ geverifieerdGebied: 'BU06370105' }))).toEqual({ mag: true });
    });

    it('refuses a resident who is not verified, even at the table', () => {
      expect(magStemmen(wijk, inwoner({ geverifieerdGebied: undefined, tafelDeelnemer: true }))).toMatchObject({ mag: false, reden: 'niet-geverifieerd' });
    });

    it.each(['WK063702', 'BU06370201', 'GM0637'])('refuses a resident verified for %s (another or wider gebied)', (geverifieerdGebied) => {
      expect(magStemmen(wijk, inwoner({ geverifieerdGebied }))).toMatchObject({ mag: false, reden: 'ander-gebied', toelichting: expect.stringContaining('ander gebied') });
    });

    it('refuses someone acting in another gemeente, whatever their gebied', () => {
      expect(magStemmen(wijk, inwoner({ gemeente: 'GM0518' }))).toMatchObject({ mag: false, reden: 'andere-gemeente' });
      expect(magStemmen(wijk, inwoner({ gemeente: undefined }))).toMatchObject({ mag: false, reden: 'andere-gemeente' });
    });
  });

  describe('tafel', () => {
    it('lets a deelnemer vote, verified or not', () => {
      expect(magStemmen(tafel, inwoner({ tafelDeelnemer: true, geverifieerdGebied: undefined }))).toEqual({ mag: true });
    });

    it('refuses a verified resident who is not at the table', () => {
      expect(magStemmen(tafel, inwoner())).toMatchObject({ mag: false, reden: 'geen-tafeldeelnemer' });
    });

    it('refuses a deelnemer acting in another gemeente', () => {
      expect(magStemmen(tafel, inwoner({ tafelDeelnemer: true, gemeente: 'GM0518' }))).toMatchObject({ mag: false, reden: 'andere-gemeente' });
    });
  });

  describe('ligtIn', () => {
    it.each([
      ['WK063701', 'WK063701', true],
      ['BU06370101', 'WK063701', true],
      ['BU06370101', 'GM0637', true],
      ['WK063701', 'GM0637', true],
      ['GM0637', 'WK063701', false],
      ['BU06380101', 'WK063701', false],
      ['BU06370101', 'BU06370102', false],
      // A malformed CBS-looking code takes no part in the hierarchy.
      ['WK06370101', 'GM0637', false],
      ['centrum-noord', 'centrum', false],
      ['centrum', 'centrum', true],
    ])('%s in %s: %s', (gebied, binnen, verwacht) => {
      expect(ligtIn(gebied, binnen)).toBe(verwacht);
    });
  });
});
