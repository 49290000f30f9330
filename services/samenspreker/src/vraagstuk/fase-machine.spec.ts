import { ROLLEN, type Rol } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { FASEN, type Fase, type FaseActor, type FaseSituatie, OVERGANGEN, volgendeFasen, wijzigFase } from './fase-machine';

const staf: FaseActor = { rollen: ['ambtenaar'] };
/** A situation in which every precondition holds, so only the graph and the role decide. */
const alles: FaseSituatie = { besluitGepubliceerd: true, openActies: 0, evaluatieSamenvatting: 'Het werkt.' };
const niets: FaseSituatie = { besluitGepubliceerd: false, openActies: 2 };

/** The transitions of issue 4, written out once more by hand so the table in the code is checked. */
const VERWACHT: ReadonlyArray<[Fase, Fase]> = [
  ['agendering', 'oplossingen'],
  ['agendering', 'afgewezen'],
  ['oplossingen', 'besluitvorming'],
  ['besluitvorming', 'oplossingen'],
  ['besluitvorming', 'uitvoering'],
  ['uitvoering', 'evaluatie'],
  ['evaluatie', 'afgerond'],
  ['evaluatie', 'oplossingen'],
];
const isVerwacht = (van: Fase, naar: Fase): boolean => VERWACHT.some(([v, n]) => v === van && n === naar);
/** Every (from × to) pair, self-loops included, that the issue does not list. */
const VERBODEN: Array<[Fase, Fase]> = FASEN.flatMap((van) => FASEN.filter((naar) => !isVerwacht(van, naar)).map((naar): [Fase, Fase] => [van, naar]));

function fout(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('geen fout gegooid');
}

describe('fase-machine', () => {
  it('has exactly the transitions of issue 4', () => {
    expect(OVERGANGEN.map((o) => [o.van, o.naar]).sort()).toEqual([...VERWACHT].sort());
    expect(VERBODEN).toHaveLength(FASEN.length * FASEN.length - VERWACHT.length);
  });

  describe.each(VERWACHT)('allowed %s → %s', (van, naar) => {
    it('is made by staff with its preconditions met and a motivation', () => {
      expect(wijzigFase(van, naar, alles, staf, 'Omdat het kan.')).toMatchObject({ van, naar });
      expect(volgendeFasen(van, alles, staf)).toContain(naar);
    });

    it('needs a motivation (VALIDATION_FAILED)', () => {
      const e = fout(() => wijzigFase(van, naar, alles, staf, '  '));
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.invalidParams?.[0]?.name).toBe('motivatie');
    });

    it.each(ROLLEN.filter((r) => r !== 'gemeentebeheerder' && r !== 'ambtenaar'))('is refused to %s (FORBIDDEN)', (rol: Rol) => {
      const actor: FaseActor = { rollen: [rol] };
      expect(fout(() => wijzigFase(van, naar, alles, actor, 'x')).code).toBe('FORBIDDEN');
      expect(volgendeFasen(van, alles, actor)).not.toContain(naar);
    });

    it.each(['gemeentebeheerder', 'ambtenaar'] as const)('is allowed to %s', (rol) => {
      expect(wijzigFase(van, naar, alles, { rollen: ['inwoner', rol] }, 'x').naar).toBe(naar);
    });

    it('is refused to an actor without roles', () => {
      expect(fout(() => wijzigFase(van, naar, alles, { rollen: [] }, 'x')).code).toBe('FORBIDDEN');
    });
  });

  describe.each(VERBODEN)('forbidden %s → %s', (van, naar) => {
    it('is a CONFLICT (409) naming the transitions allowed now', () => {
      const e = fout(() => wijzigFase(van, naar, alles, staf, 'Omdat.'));
      expect(e.code).toBe('CONFLICT');
      expect(e.status).toBe(409);
      const toegestaan = volgendeFasen(van, alles, staf);
      expect(e.message).toContain(toegestaan.length ? `Nu toegestaan: ${toegestaan.join(', ')}.` : 'Nu is geen overgang toegestaan.');
      expect(e.toegestaan).toEqual(toegestaan);
    });

    it('is never offered, whatever the situation or role', () => {
      for (const situatie of [alles, niets]) {
        expect(volgendeFasen(van, situatie, { rollen: [...ROLLEN] })).not.toContain(naar);
      }
    });
  });

  describe('preconditions', () => {
    it('besluitvorming → uitvoering needs a published besluit', () => {
      const e = fout(() => wijzigFase('besluitvorming', 'uitvoering', { ...alles, besluitGepubliceerd: false }, staf, 'x'));
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toContain('gepubliceerd besluit');
      expect(e.message).toContain('Nu toegestaan: oplossingen.');
      expect(e.toegestaan).toEqual(['oplossingen']);
      expect(volgendeFasen('besluitvorming', { ...alles, besluitGepubliceerd: false }, staf)).toEqual(['oplossingen']);
    });

    it.each([1, 3])('uitvoering → evaluatie is refused with %i open acties', (openActies) => {
      const e = fout(() => wijzigFase('uitvoering', 'evaluatie', { ...alles, openActies }, staf, 'x'));
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toContain(openActies === 1 ? 'nog 1 actie' : `nog ${openActies} acties`);
      expect(e.message).toContain('Nu is geen overgang toegestaan.');
    });

    it.each([undefined, '', '   '])('evaluatie → afgerond needs an evaluation summary (%p)', (evaluatieSamenvatting) => {
      const situatie: FaseSituatie = { ...alles, ...(evaluatieSamenvatting === undefined ? {} : { evaluatieSamenvatting }) };
      if (evaluatieSamenvatting === undefined) delete situatie.evaluatieSamenvatting;
      const e = fout(() => wijzigFase('evaluatie', 'afgerond', situatie, staf, 'x'));
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toContain('samenvatting');
      expect(volgendeFasen('evaluatie', situatie, staf)).toEqual(['oplossingen']);
    });

    it('agendering → afgewezen needs its public reason as motivation', () => {
      expect(fout(() => wijzigFase('agendering', 'afgewezen', niets, staf, '')).code).toBe('VALIDATION_FAILED');
      expect(wijzigFase('agendering', 'afgewezen', niets, staf, 'Valt buiten de gemeente.').naar).toBe('afgewezen');
    });

    it('transitions without preconditions hold in any situation', () => {
      expect(volgendeFasen('agendering', niets, staf)).toEqual(['oplossingen', 'afgewezen']);
      expect(volgendeFasen('oplossingen', niets, staf)).toEqual(['besluitvorming']);
      expect(volgendeFasen('evaluatie', niets, staf)).toEqual(['oplossingen']);
    });

    it('the end phases have no way out', () => {
      expect(volgendeFasen('afgerond', alles, staf)).toEqual([]);
      expect(volgendeFasen('afgewezen', alles, staf)).toEqual([]);
    });

    it('an actor without a staff role is offered nothing', () => {
      for (const fase of FASEN) expect(volgendeFasen(fase, alles, { rollen: ['inwoner', 'moderator'] })).toEqual([]);
    });
  });
});
