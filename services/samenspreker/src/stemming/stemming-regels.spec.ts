import type { PeilingInstellingen, StemmingRegels } from '@samen/contracts';
import { proefRegels } from './proefstemming';
import { isGesloten, isOpen, magWijzigen, metStandaarden, regelsHash, structuurFouten, toegestaneStappen, valideerRegels, RUIMSTE_MAXIMA } from './stemming-regels';

const standaard: PeilingInstellingen = { maxAdviesvragen: 7, maxBindendeVragen: 3, bindendDrempelPercentage: 50, opkomstquorumPercentage: 30 };
/** Before the proef stemming opens on 2026-12-01. */
const publicatie = new Date('2026-11-27T09:00:00Z');

const vraag = (id: string) => ({ id, tekst: `Vraag ${id}?`, opties: [{ id: 'ja', tekst: 'Ja' }, { id: 'nee', tekst: 'Nee' }] });
const vragen = (aantal: number) => Array.from({ length: aantal }, (_, i) => vraag(`v${i + 1}`));
const advies = (wijziging: Partial<StemmingRegels> = {}): StemmingRegels =>
  proefRegels({ soort: 'advies', drempelPercentage: undefined, opkomstquorumPercentage: undefined, ...wijziging });

/** name:code of each fault, for compact assertions. */
const fouten = (regels: unknown, instellingen = standaard, nu = publicatie): string[] => valideerRegels(regels, instellingen, nu).map((f) => `${f.name}:${f.code}`);

describe('stemming-regels', () => {
  it('accepts the proef stemming, bindend and advies', () => {
    expect(fouten(proefRegels())).toEqual([]);
    expect(fouten(advies())).toEqual([]);
  });

  describe('number of questions against the gemeente maxima', () => {
    it('allows up to maxAdviesvragen advisory questions and refuses one more, naming the limit', () => {
      expect(fouten(advies({ vragen: vragen(7) }))).toEqual([]);
      const fout = valideerRegels(advies({ vragen: vragen(8) }), standaard, publicatie);
      expect(fout).toEqual([{ name: 'vragen', code: 'arrayMaxSize', reason: expect.stringContaining('hoogstens 7 adviesvragen') }]);
    });

    it('allows up to maxBindendeVragen binding questions and refuses one more', () => {
      expect(fouten(proefRegels({ vragen: vragen(3) }))).toEqual([]);
      expect(valideerRegels(proefRegels({ vragen: vragen(4) }), standaard, publicatie)[0]?.reason).toContain('hoogstens 3 bindende vragen');
    });

    it("follows the gemeente's own maxima", () => {
      const eigen = { ...standaard, maxAdviesvragen: 2, maxBindendeVragen: 0 };
      expect(fouten(advies({ vragen: vragen(3) }), eigen)).toEqual(['vragen:arrayMaxSize']);
      expect(fouten(proefRegels({ vragen: vragen(1) }), eigen)).toEqual(['vragen:arrayMaxSize']);
    });

    it('needs at least one question', () => {
      expect(fouten(proefRegels({ vragen: [] }))).toEqual(['vragen:arrayNotEmpty']);
    });
  });

  describe('ids and options', () => {
    it('refuses two options with one id within a question, but not the same id in two questions', () => {
      const dubbel = { id: 'v1', tekst: 'Vraag?', opties: [{ id: 'ja', tekst: 'Ja' }, { id: 'ja', tekst: 'Ook ja' }] };
      expect(fouten(proefRegels({ vragen: [dubbel] }))).toEqual(['vragen.0.opties.1.id:uniek']);
      expect(fouten(proefRegels({ vragen: [vraag('a'), vraag('b')] }))).toEqual([]);
    });

    it('refuses two questions with one id', () => {
      expect(fouten(proefRegels({ vragen: [vraag('a'), vraag('a')] }))).toEqual(['vragen.1.id:uniek']);
    });

    it.each(['blanco', 'ongeldig'])('reserves %s, the canonical ballot needs it', (id) => {
      expect(fouten(proefRegels({ vragen: [{ id: 'v', tekst: 'V?', opties: [{ id, tekst: 'x' }, { id: 'b', tekst: 'y' }] }] }))).toEqual(['vragen.0.opties.0.id:gereserveerd']);
    });

    it.each(['', 'Hoofdletter', '-streep', 'x'.repeat(41), 'met spatie', 7])('refuses the id %p', (id) => {
      expect(fouten(proefRegels({ vragen: [{ ...vraag('v'), id } as never] }))).toEqual(['vragen.0.id:matches']);
    });

    it('needs 2 to 10 options and text on each', () => {
      const opties = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, tekst: `Optie ${i}` }));
      expect(fouten(proefRegels({ vragen: [{ id: 'v', tekst: 'V?', opties: opties(1) }] }))).toEqual(['vragen.0.opties:arraySize']);
      expect(fouten(proefRegels({ vragen: [{ id: 'v', tekst: 'V?', opties: opties(10) }] }))).toEqual([]);
      expect(fouten(proefRegels({ vragen: [{ id: 'v', tekst: 'V?', opties: opties(11) }] }))).toEqual(['vragen.0.opties:arraySize']);
      expect(fouten(proefRegels({ vragen: [{ id: 'v', tekst: ' ', opties: [{ id: 'a', tekst: '' }, { id: 'b', tekst: 'B' }] }] }))).toEqual([
        'vragen.0.tekst:isLength',
        'vragen.0.opties.0.tekst:isLength',
      ]);
    });
  });

  describe('threshold and quorum', () => {
    it.each([50, 66, 99])('accepts a threshold of %i%%', (drempelPercentage) => {
      expect(fouten(proefRegels({ drempelPercentage }))).toEqual([]);
    });

    it.each([49, 100, 50.5, undefined])('refuses a threshold of %p (a minority must not bind everyone)', (drempelPercentage) => {
      expect(fouten(proefRegels({ drempelPercentage }))).toEqual(['drempelPercentage:isInt']);
    });

    it.each([0, 100])('accepts a quorum of %i%%', (opkomstquorumPercentage) => {
      expect(fouten(proefRegels({ opkomstquorumPercentage }))).toEqual([]);
    });

    it.each([-1, 101, 12.5, undefined])('refuses a quorum of %p', (opkomstquorumPercentage) => {
      expect(fouten(proefRegels({ opkomstquorumPercentage }))).toEqual(['opkomstquorumPercentage:isInt']);
    });

    it('refuses a threshold or quorum on an advisory stemming', () => {
      expect(fouten(advies({ drempelPercentage: 50, opkomstquorumPercentage: 30 }))).toEqual(['drempelPercentage:isEmpty', 'opkomstquorumPercentage:isEmpty']);
    });

    it("fills a bindende stemming's missing threshold and quorum from the gemeente, keeps given ones, leaves advies alone", () => {
      const eigen = { ...standaard, bindendDrempelPercentage: 60, opkomstquorumPercentage: 10 };
      expect(metStandaarden(proefRegels({ drempelPercentage: undefined, opkomstquorumPercentage: undefined }), eigen)).toMatchObject({ drempelPercentage: 60, opkomstquorumPercentage: 10 });
      expect(metStandaarden(proefRegels({ drempelPercentage: 75, opkomstquorumPercentage: 0 }), eigen)).toMatchObject({ drempelPercentage: 75, opkomstquorumPercentage: 0 });
      const a = advies();
      expect(metStandaarden(a, eigen)).toBe(a);
    });
  });

  describe('opening and closing', () => {
    it('needs the closing after the opening', () => {
      expect(fouten(proefRegels({ sluitingTijdstip: '2026-12-01T08:00:00Z' }))).toEqual(['sluitingTijdstip:naOpening']);
      expect(fouten(proefRegels({ sluitingTijdstip: '2026-11-30T08:00:00Z' }))).toEqual(['sluitingTijdstip:naOpening']);
    });

    it('refuses rules whose closing time has passed', () => {
      const laat = new Date('2026-12-16T00:00:00Z');
      expect(fouten(proefRegels(), standaard, laat)).toEqual(['openingTijdstip:inToekomst', 'sluitingTijdstip:inToekomst']);
    });

    it('refuses rules published after the opening: they must be public before it', () => {
      expect(fouten(proefRegels(), standaard, new Date('2026-12-02T00:00:00Z'))).toEqual(['openingTijdstip:inToekomst']);
      expect(fouten(proefRegels(), standaard, new Date('2026-12-01T08:00:00Z'))).toEqual([]);
    });

    it.each(['2026-12-01T09:00:00+01:00', '2026-12-01', 'morgen', '2026-13-01T08:00:00Z', 0])('wants a UTC date-time, not %p', (openingTijdstip) => {
      expect(fouten(proefRegels({ openingTijdstip } as never))).toEqual(['openingTijdstip:isDateString']);
    });

    it('lets the rules change only before the opening', () => {
      const regels = proefRegels();
      expect(magWijzigen(regels, new Date('2026-12-01T07:59:59.999Z'))).toBe(true);
      expect(magWijzigen(regels, new Date('2026-12-01T08:00:00Z'))).toBe(false);
      expect(magWijzigen(regels, new Date('2026-12-20T00:00:00Z'))).toBe(false);
    });

    it('is open from the opening (inclusive) to the closing (exclusive)', () => {
      const regels = proefRegels();
      const op = (t: string) => [isOpen(regels, new Date(t)), isGesloten(regels, new Date(t))];
      expect(op('2026-12-01T07:59:59.999Z')).toEqual([false, false]);
      expect(op('2026-12-01T08:00:00Z')).toEqual([true, false]);
      expect(op('2026-12-15T19:59:59.999Z')).toEqual([true, false]);
      expect(op('2026-12-15T20:00:00Z')).toEqual([false, true]);
    });

    it('allows withdrawing only before the opening, and nothing once withdrawn (toegestaan of a 409)', () => {
      const regels = proefRegels({ kanalen: ['digitaal', 'papier'] });
      const stappen = (status: 'gepubliceerd' | 'gesloten' | 'ingetrokken', t: string) => toegestaneStappen(status, regels, new Date(t));
      expect(stappen('gepubliceerd', '2026-12-01T07:59:59.999Z')).toEqual(['intrekken']);
      expect(stappen('gepubliceerd', '2026-12-01T08:00:00Z')).toEqual(['stemmen', 'papier-invoeren']);
      expect(toegestaneStappen('gepubliceerd', proefRegels({ kanalen: ['papier'] }), new Date('2026-12-02T00:00:00Z'))).toEqual(['papier-invoeren']);
      expect(stappen('gepubliceerd', '2026-12-15T20:00:00Z')).toEqual(['sluiten']);
      expect(stappen('gesloten', '2026-12-16T00:00:00Z')).toEqual(['uitslag', 'export']);
      expect(stappen('ingetrokken', '2026-11-28T00:00:00Z')).toEqual([]);
      expect(stappen('ingetrokken', '2026-12-16T00:00:00Z')).toEqual([]);
    });
  });

  describe('who votes and how', () => {
    it('needs at least one known channel, each once', () => {
      expect(fouten(proefRegels({ kanalen: [] }))).toEqual(['kanalen:arrayNotEmpty']);
      expect(fouten(proefRegels({ kanalen: ['digitaal', 'post'] as never }))).toEqual(['kanalen:isIn']);
      expect(fouten(proefRegels({ kanalen: ['papier', 'papier'] }))).toEqual(['kanalen:arrayUnique']);
      expect(fouten(proefRegels({ kanalen: ['papier'] }))).toEqual([]);
    });

    it('needs a gebied for residents and none for the table', () => {
      expect(fouten(proefRegels({ kiesgerechtigden: { soort: 'inwoners-gebied' } as never }))).toEqual(['kiesgerechtigden.gebied:matches']);
      expect(fouten(proefRegels({ kiesgerechtigden: { soort: 'tafel', gebied: 'WK063701' } as never }))).toEqual(['kiesgerechtigden.gebied:isEmpty']);
      expect(fouten(proefRegels({ kiesgerechtigden: { soort: 'tafel' } }))).toEqual([]);
      expect(fouten(proefRegels({ kiesgerechtigden: { soort: 'iedereen' } as never }))).toEqual(['kiesgerechtigden.soort:isIn']);
    });
  });

  it('refuses fields the rules do not have, at every level: they would be published as rules nobody enforces', () => {
    const regels = proefRegels() as unknown as Record<string, unknown>;
    const vragen = proefRegels().vragen;
    const metExtra = {
      ...regels,
      maximumLeeftijd: 18,
      kiesgerechtigden: { soort: 'inwoners-gebied', gebied: 'WK063701', ook: 'buren' },
      vragen: [{ ...vragen[0]!, uitleg: 'x', opties: [{ ...vragen[0]!.opties[0]!, kleur: 'groen' }, vragen[0]!.opties[1]!] }],
    };
    expect(fouten(metExtra)).toEqual([
      'maximumLeeftijd:whitelistValidation',
      'kiesgerechtigden.ook:whitelistValidation',
      'vragen.0.uitleg:whitelistValidation',
      'vragen.0.opties.0.kleur:whitelistValidation',
    ]);
  });

  it('reports every fault of a thoroughly wrong input at once, in Dutch', () => {
    const alles = valideerRegels({ versie: 2, vragen: 'welke?' }, standaard, publicatie);
    expect(alles.map((f) => f.name)).toEqual([
      'versie',
      'stemmingId',
      'vraagstukId',
      'gemeente',
      'titel',
      'soort',
      'kiesgerechtigden.soort',
      'vragen',
      'openingTijdstip',
      'sluitingTijdstip',
      'kanalen',
    ]);
    expect(alles.find((f) => f.name === 'gemeente')?.reason).toContain('GM gevolgd door vier cijfers');
    expect(valideerRegels(null, standaard, publicatie)).toEqual([{ name: 'regels', code: 'isObject', reason: expect.any(String) }]);
  });

  it('structure alone does not look at the clock, and the widest maxima accept what any gemeente could allow', () => {
    expect(structuurFouten(advies({ vragen: vragen(20) }), RUIMSTE_MAXIMA)).toEqual([]);
    expect(structuurFouten(advies({ vragen: vragen(21) }), RUIMSTE_MAXIMA).map((f) => f.code)).toEqual(['arrayMaxSize']);
  });

  it('hashes the rules independently of key order', () => {
    const regels = proefRegels();
    const omgekeerd = Object.fromEntries(Object.entries(regels).reverse()) as unknown as StemmingRegels;
    expect(regelsHash(omgekeerd)).toBe(regelsHash(regels));
    expect(regelsHash(proefRegels({ drempelPercentage: 51 }))).not.toBe(regelsHash(regels));
  });
});
