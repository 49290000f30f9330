import { ROLLEN, SEGMENTEN, STURENDE_TAFEL_ROLLEN, TAFEL_ROLLEN, TOEWIJSBARE_TAFEL_ROLLEN, type TafelRol } from '@samen/contracts';
import { magAccountIdsZien, magRolGeven, magRolWijzigen, magUitnodigen, type TafelActor, vertegenwoordiging } from './tafel-regels';

const inwoner = (tafelRol?: TafelRol): TafelActor => ({ rollen: ['inwoner'], ...(tafelRol ? { tafelRol } : {}) });

describe('tafel-regels', () => {
  describe('vertegenwoordiging', () => {
    it('counts nobody at an empty table: every segment is missing', () => {
      expect(vertegenwoordiging([])).toEqual({
        aantallen: { gemeente: 0, bedrijfsleven: 0, maatschappelijk: 0, burgers: 0, inwoner: 0 },
        ontbrekend: [...SEGMENTEN],
      });
    });

    it('counts active deelnemers per segment, whatever their role but waarnemer, and names the missing segments in order', () => {
      expect(
        vertegenwoordiging([
          { rol: 'initiatiefnemer', segment: 'inwoner', status: 'actief' },
          { rol: 'deelnemer', segment: 'inwoner', status: 'actief' },
          { rol: 'voorzitter', segment: 'gemeente', status: 'actief' },
          { rol: 'besluitvormer', segment: 'gemeente', status: 'actief' },
          { rol: 'uitvoerder', segment: 'burgers', status: 'actief' },
          // Neither an invitation, nor a departed seat, nor an observer represents anyone.
          { rol: 'deelnemer', segment: 'bedrijfsleven', status: 'uitgenodigd' },
          { rol: 'deelnemer', segment: 'maatschappelijk', status: 'vertrokken' },
          { rol: 'waarnemer', segment: 'maatschappelijk', status: 'actief' },
        ]),
      ).toEqual({ aantallen: { gemeente: 2, bedrijfsleven: 0, maatschappelijk: 0, burgers: 1, inwoner: 2 }, ontbrekend: ['bedrijfsleven', 'maatschappelijk'] });
    });

    it('misses nothing when every segment has someone', () => {
      expect(vertegenwoordiging(SEGMENTEN.map((segment) => ({ rol: 'deelnemer' as const, segment, status: 'actief' as const }))).ontbrekend).toEqual([]);
    });
  });

  describe('who may do what', () => {
    const staf: TafelActor[] = [{ rollen: ['gemeentebeheerder'] }, { rollen: ['ambtenaar'] }];
    const andereGemeenterollen = ROLLEN.filter((r) => r !== 'gemeentebeheerder' && r !== 'ambtenaar');

    it('lets the voorzitter, the initiatiefnemer and gemeente staff invite, nobody else', () => {
      for (const actor of staf) expect(magUitnodigen(actor)).toBe(true);
      for (const tafelRol of TAFEL_ROLLEN) expect([tafelRol, magUitnodigen(inwoner(tafelRol))]).toEqual([tafelRol, tafelRol === 'voorzitter' || tafelRol === 'initiatiefnemer']);
      for (const rol of andereGemeenterollen) expect([rol, magUitnodigen({ rollen: [rol] })]).toEqual([rol, false]);
    });

    it('leaves the steering roles to the voorzitter and gemeente staff; the initiatiefnemer gives only the others', () => {
      for (const rol of TOEWIJSBARE_TAFEL_ROLLEN) {
        const sturend = STURENDE_TAFEL_ROLLEN.includes(rol);
        for (const actor of staf) expect(magRolGeven(actor, rol)).toBe(true);
        expect(magRolGeven(inwoner('voorzitter'), rol)).toBe(true);
        expect([rol, magRolGeven(inwoner('initiatiefnemer'), rol)]).toEqual([rol, !sturend]);
        for (const tafelRol of ['deelnemer', 'besluitvormer', 'uitvoerder', 'waarnemer'] as const) expect(magRolGeven(inwoner(tafelRol), rol)).toBe(false);
        expect(magRolGeven({ rollen: ['moderator'] }, rol)).toBe(false);
      }
      expect([...STURENDE_TAFEL_ROLLEN].sort()).toEqual(['besluitvormer', 'uitvoerder', 'voorzitter']);
    });

    it('lets only the voorzitter and gemeente staff change roles', () => {
      for (const actor of staf) expect(magRolWijzigen(actor)).toBe(true);
      for (const tafelRol of TAFEL_ROLLEN) expect([tafelRol, magRolWijzigen(inwoner(tafelRol))]).toEqual([tafelRol, tafelRol === 'voorzitter']);
      for (const rol of andereGemeenterollen) expect(magRolWijzigen({ rollen: [rol] })).toBe(false);
    });

    it('shows account ids to deelnemers at the table and gemeente staff only', () => {
      expect(magAccountIdsZien(undefined)).toBe(false);
      expect(magAccountIdsZien(inwoner())).toBe(false);
      for (const rol of andereGemeenterollen) expect(magAccountIdsZien({ rollen: [rol] })).toBe(false);
      for (const actor of staf) expect(magAccountIdsZien(actor)).toBe(true);
      for (const tafelRol of TAFEL_ROLLEN) expect(magAccountIdsZien(inwoner(tafelRol))).toBe(true);
    });
  });
});
