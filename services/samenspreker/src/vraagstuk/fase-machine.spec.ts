import { ROLLEN, TAFEL_ROLLEN, type TafelRol } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { FASEN, type Fase, type FaseActor, type FaseSituatie, overgang, OVERGANGEN, volgendeFasen, wijzigFase } from './fase-machine';

const staf: FaseActor = { rollen: ['ambtenaar'] };
/** A situation in which every precondition holds, so only the graph and the role decide. */
const alles: FaseSituatie = { besluitGepubliceerd: true, openRondes: 0, openActies: 0, evaluatieSamenvatting: 'Het werkt.' };
const niets: FaseSituatie = { besluitGepubliceerd: false, openRondes: 1, openActies: 2 };

/**
 * The transitions of issue 4, written out once more by hand so the table in the code is checked,
 * each with the table roles that may make it besides gemeente staff (gemeentebeheerder, ambtenaar).
 */
const VERWACHT: ReadonlyArray<[Fase, Fase, readonly TafelRol[]]> = [
  ['agendering', 'oplossingen', []],
  ['agendering', 'afgewezen', []],
  ['oplossingen', 'besluitvorming', ['voorzitter']],
  ['besluitvorming', 'oplossingen', ['voorzitter', 'besluitvormer']],
  ['besluitvorming', 'uitvoering', ['besluitvormer']],
  ['uitvoering', 'evaluatie', ['voorzitter']],
  ['evaluatie', 'afgerond', ['voorzitter']],
  ['evaluatie', 'oplossingen', ['voorzitter']],
];
const isVerwacht = (van: Fase, naar: Fase): boolean => VERWACHT.some(([v, n]) => v === van && n === naar);
/** Every (from × to) pair, self-loops included, that the issue does not list. */
const VERBODEN: Array<[Fase, Fase]> = FASEN.flatMap((van) => FASEN.filter((naar) => !isVerwacht(van, naar)).map((naar): [Fase, Fase] => [van, naar]));

/**
 * Every kind of actor: each gemeente role alone, each table role held by a plain inwoner, and an
 * actor with neither.
 */
const ACTOREN: ReadonlyArray<[string, FaseActor]> = [
  ...ROLLEN.map((rol): [string, FaseActor] => [`gemeenterol ${rol}`, { rollen: [rol] }]),
  ...TAFEL_ROLLEN.map((tafelRol): [string, FaseActor] => [`tafelrol ${tafelRol}`, { rollen: ['inwoner'], tafelRol }]),
  ['niemand (geen rollen)', { rollen: [] }],
];
const mag = (actor: FaseActor, tafelRollen: readonly TafelRol[]): boolean =>
  actor.rollen.includes('gemeentebeheerder') || actor.rollen.includes('ambtenaar') || (actor.tafelRol !== undefined && tafelRollen.includes(actor.tafelRol));

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
    expect(OVERGANGEN.map((o) => [o.van, o.naar]).sort()).toEqual(VERWACHT.map(([van, naar]) => [van, naar]).sort());
    expect(VERBODEN).toHaveLength(FASEN.length * FASEN.length - VERWACHT.length);
  });

  describe.each(VERWACHT)('allowed %s → %s (tafelrollen %j)', (van, naar, tafelRollen) => {
    it('is made by staff with its preconditions met and a motivation', () => {
      expect(wijzigFase(van, naar, alles, staf, 'Omdat het kan.')).toMatchObject({ van, naar });
      expect(volgendeFasen(van, alles, staf)).toContain(naar);
    });

    it('needs a motivation (VALIDATION_FAILED)', () => {
      const e = fout(() => wijzigFase(van, naar, alles, staf, '  '));
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.invalidParams?.[0]?.name).toBe('motivatie');
    });

    it.each(ACTOREN.filter(([, actor]) => mag(actor, tafelRollen)))('is allowed to %s', (_naam, actor) => {
      expect(wijzigFase(van, naar, alles, actor, 'x').naar).toBe(naar);
      expect(volgendeFasen(van, alles, actor)).toContain(naar);
    });

    it.each(ACTOREN.filter(([, actor]) => !mag(actor, tafelRollen)))('is refused to %s (FORBIDDEN, naming who may)', (_naam, actor) => {
      const e = fout(() => wijzigFase(van, naar, alles, actor, 'x'));
      expect(e.code).toBe('FORBIDDEN');
      expect(e.message).toBe(`Van ${van} naar ${naar} mag alleen ${overgang(van, naar)?.wieOmschrijving}.`);
      expect(volgendeFasen(van, alles, actor)).not.toContain(naar);
    });

    it('is allowed to gemeente staff whatever else they hold', () => {
      for (const rol of ['gemeentebeheerder', 'ambtenaar'] as const) {
        for (const tafelRol of [undefined, ...TAFEL_ROLLEN]) {
          expect(wijzigFase(van, naar, alles, { rollen: ['inwoner', rol], ...(tafelRol ? { tafelRol } : {}) }, 'x').naar).toBe(naar);
        }
      }
    });
  });

  describe.each(VERBODEN)('forbidden %s → %s', (van, naar) => {
    it.each(ACTOREN)('is a CONFLICT (409) for %s, naming the transitions allowed to it now', (_naam, actor) => {
      const e = fout(() => wijzigFase(van, naar, alles, actor, 'Omdat.'));
      expect(e.code).toBe('CONFLICT');
      expect(e.status).toBe(409);
      const toegestaan = volgendeFasen(van, alles, actor);
      expect(e.message).toContain(toegestaan.length ? `Nu toegestaan: ${toegestaan.join(', ')}.` : 'Nu is geen overgang toegestaan.');
      expect(e.toegestaan).toEqual(toegestaan);
    });

    it('is never offered, whatever the situation or role', () => {
      for (const situatie of [alles, niets]) {
        for (const tafelRol of TAFEL_ROLLEN) expect(volgendeFasen(van, situatie, { rollen: [...ROLLEN], tafelRol })).not.toContain(naar);
      }
    });
  });

  describe('preconditions', () => {
    it('oplossingen → besluitvorming waits until every ronde is closed (its shortlist made)', () => {
      const e = fout(() => wijzigFase('oplossingen', 'besluitvorming', { ...alles, openRondes: 1 }, staf, 'x'));
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toContain('nog een ronde open');
      expect(e.toegestaan).toEqual([]);
      expect(wijzigFase('oplossingen', 'besluitvorming', alles, staf, 'x').naar).toBe('besluitvorming');
    });

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
      expect(volgendeFasen('evaluatie', niets, staf)).toEqual(['oplossingen']);
      expect(volgendeFasen('besluitvorming', niets, staf)).toEqual(['oplossingen']);
    });

    it('the end phases have no way out', () => {
      expect(volgendeFasen('afgerond', alles, staf)).toEqual([]);
      expect(volgendeFasen('afgewezen', alles, staf)).toEqual([]);
    });

    it('an actor without a staff role or a steering table role is offered nothing', () => {
      for (const tafelRol of [undefined, 'initiatiefnemer', 'deelnemer', 'uitvoerder', 'waarnemer'] as const) {
        for (const fase of FASEN) expect(volgendeFasen(fase, alles, { rollen: ['inwoner', 'moderator'], ...(tafelRol ? { tafelRol } : {}) })).toEqual([]);
      }
    });

    it('the table steers once the gemeente has taken the vraagstuk up', () => {
      const voorzitter: FaseActor = { rollen: ['inwoner'], tafelRol: 'voorzitter' };
      const besluitvormer: FaseActor = { rollen: ['inwoner'], tafelRol: 'besluitvormer' };
      expect(volgendeFasen('agendering', alles, voorzitter)).toEqual([]);
      expect(volgendeFasen('oplossingen', alles, voorzitter)).toEqual(['besluitvorming']);
      expect(volgendeFasen('besluitvorming', alles, voorzitter)).toEqual(['oplossingen']);
      expect(volgendeFasen('besluitvorming', alles, besluitvormer)).toEqual(['oplossingen', 'uitvoering']);
      expect(volgendeFasen('evaluatie', alles, voorzitter)).toEqual(['afgerond', 'oplossingen']);
      expect(volgendeFasen('uitvoering', alles, besluitvormer)).toEqual([]);
    });
  });
});
