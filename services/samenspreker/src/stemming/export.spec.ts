import { ONGELDIG, type StemmingExport, type StemmingExportPagina, type StemmingRegels } from '@samen/contracts';
import { nieuwBonnetje } from './bonnetje';
import { EXPORT_PAGINA_BYTES, hertel, leesPaginaToken, maakExport, paginaGrootte, paginaToken, schud } from './export';
import { RUIMSTE_MAXIMA } from './stemming-regels';
import { proefBiljetten, proefRegels } from './proefstemming';
import { procesVerbaalHash } from './telling';

const regels = proefRegels();
const biljetten = proefBiljetten(regels, 300);
const bonnetjes = biljetten.map(() => nieuwBonnetje());

/** A fresh, deep copy of one export per test, as read back from its JSON file. */
const origineel = maakExport(regels, 1000, biljetten, bonnetjes);
const kopie = (): StemmingExport => JSON.parse(JSON.stringify(origineel)) as StemmingExport;

describe('export en hertelling', () => {
  it('recounts a published export to exactly its proces-verbaal and hash', () => {
    const uitkomst = hertel(kopie());
    expect(uitkomst).toMatchObject({ klopt: true, fouten: [], hash: origineel.procesVerbaalHash });
    expect(uitkomst.procesVerbaal).toEqual(origineel.procesVerbaal);
    expect(origineel.procesVerbaalHash).toBe(procesVerbaalHash(origineel.procesVerbaal));
  });

  it('publishes as many receipts as ballots, both shuffled, each on its own', () => {
    expect(origineel.stembiljetten).toHaveLength(300);
    expect(origineel.bonnetjes).toHaveLength(300);
    expect([...origineel.bonnetjes].sort()).toEqual([...bonnetjes].sort());
    expect(origineel.bonnetjes).not.toEqual(bonnetjes);
    expect(origineel.stembiljetten.map((b) => b.join()).sort()).toEqual(biljetten.map((b) => b.join()).sort());
    expect(origineel.stembiljetten).not.toEqual(biljetten);
  });

  it('holds nothing that ties a ballot to a person or a moment', () => {
    expect(Object.keys(origineel).sort()).toEqual(['aantalKiesgerechtigden', 'bonnetjes', 'formaat', 'procesVerbaal', 'procesVerbaalHash', 'regels', 'stembiljetten', 'versie']);
    for (const biljet of origineel.stembiljetten) expect(biljet.every((antwoord) => typeof antwoord === 'string')).toBe(true);
  });

  it('refuses to export when register and ballot box disagree', () => {
    expect(() => maakExport(regels, 1000, biljetten, bonnetjes.slice(1))).toThrow(/300 stembiljetten maar 299 bonnetjes/);
  });

  describe('finds tampering', () => {
    it('with a ballot changed', () => {
      const export_ = kopie();
      const biljet = export_.stembiljetten[0]!;
      biljet[0] = biljet[0] === 'ja' ? 'nee' : 'ja';
      expect(hertel(export_)).toMatchObject({ klopt: false, fouten: ['de hertelling geeft een ander proces-verbaal dan de gepubliceerde hash'] });
    });

    it('with a ballot added and a receipt to match', () => {
      const export_ = kopie();
      export_.stembiljetten.push(['ja', 'dit-jaar', 'ja']);
      export_.bonnetjes.push(nieuwBonnetje());
      expect(hertel(export_).klopt).toBe(false);
    });

    it('with a receipt replaced, even when every count stays the same', () => {
      const export_ = kopie();
      export_.bonnetjes[0] = nieuwBonnetje();
      expect(hertel(export_)).toMatchObject({ klopt: false, fouten: ['de hertelling geeft een ander proces-verbaal dan de gepubliceerde hash'] });
    });

    it('with a receipt removed', () => {
      const export_ = kopie();
      export_.bonnetjes.pop();
      expect(hertel(export_).fouten).toContain('300 stembiljetten maar 299 bonnetjes: er hoort één bonnetje per stembiljet');
    });

    it('with a receipt given twice or with a broken check character', () => {
      const export_ = kopie();
      export_.bonnetjes[1] = export_.bonnetjes[0]!;
      export_.bonnetjes[2] = `${export_.bonnetjes[2]!.slice(0, -1)}${export_.bonnetjes[2]!.endsWith('0') ? '1' : '0'}`;
      expect(hertel(export_).fouten).toEqual(expect.arrayContaining(['een bonnetje komt meer dan eens voor', '1 bonnetjes hebben geen geldige vorm of controleteken']));
    });

    it('with the rules changed afterwards (a lower threshold)', () => {
      const export_ = kopie();
      export_.regels.drempelPercentage = 51;
      expect(hertel(export_).klopt).toBe(false);
    });

    it('with the published proces-verbaal changed but its hash left', () => {
      const export_ = kopie();
      export_.procesVerbaal.vragen[0]!.blanco += 1;
      expect(hertel(export_)).toMatchObject({ klopt: false, fouten: ['het gepubliceerde proces-verbaal past niet bij de gepubliceerde hash'] });
    });

    it('with the number of people entitled to vote changed', () => {
      const export_ = kopie();
      export_.aantalKiesgerechtigden = 5000;
      expect(hertel(export_).klopt).toBe(false);
      export_.aantalKiesgerechtigden = 10;
      expect(hertel(export_).fouten.at(-1)).toMatch(/aantalKiesgerechtigden \(10\) moet .* minstens het aantal kiezers \(300\)/);
    });

    it('with a ballot that is no ballot of these rules', () => {
      const export_ = kopie();
      export_.stembiljetten[7] = ['ja', 'morgen', 'nee'];
      expect(hertel(export_)).toMatchObject({ klopt: false, fouten: ['stembiljet 7: vraag tempo heeft geen antwoord "morgen"'] });
    });
  });

  it('names what is unreadable instead of crashing', () => {
    expect(hertel(null)).toEqual({ klopt: false, fouten: ['dit is geen samen-stemming-export versie 1'] });
    expect(hertel({ ...kopie(), versie: 2 }).fouten).toEqual(['dit is geen samen-stemming-export versie 1']);
    expect(hertel({ ...kopie(), stembiljetten: 'alle', regels: { ...regels, vragen: [] } }).fouten).toEqual([
      'regels.vragen: een stemming heeft minstens één vraag',
      'stembiljetten moet een lijst zijn',
    ]);
  });

  describe('a receipt', () => {
    it('is found in the export, typed carelessly', () => {
      expect(hertel(kopie(), bonnetjes[42]!.toLowerCase().replace(/-/g, ' ')).bonnetje).toBe('gevonden');
    });

    it('is reported missing, or as a typo', () => {
      expect(hertel(kopie(), nieuwBonnetje()).bonnetje).toBe('niet-gevonden');
      expect(hertel(kopie(), 'ABCD').bonnetje).toBe('tikfout');
    });
  });

  it('shuffles to a permutation, differently each time', () => {
    const lijst = Array.from({ length: 1000 }, (_, i) => i);
    const a = schud(lijst);
    const b = schud(lijst);
    expect([...a].sort((x, y) => x - y)).toEqual(lijst);
    expect(a).not.toEqual(lijst);
    expect(a).not.toEqual(b);
    expect(schud([])).toEqual([]);
    expect(schud(['x'])).toEqual(['x']);
  });

  it('shuffles without bias: each of the six orders of three about equally often', () => {
    const tellers = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const sleutel = schud(['a', 'b', 'c']).join('');
      tellers.set(sleutel, (tellers.get(sleutel) ?? 0) + 1);
    }
    expect(tellers.size).toBe(6);
    // Expected 10,000 each; a standard deviation is about 91, so ±600 fails by chance practically never.
    for (const aantal of tellers.values()) expect(Math.abs(aantal - 10_000)).toBeLessThan(600);
  });

  describe('pages over NATS', () => {
    /** NATS's default max_payload; the server of the suite does not raise it (deploy/, docs/operations.md). */
    const NATS_MAX_PAYLOAD = 1024 * 1024;
    /** The widest rules there can be: the most questions, ten options each, every id 40 characters. */
    const breedste: StemmingRegels = {
      ...regels,
      soort: 'advies',
      vragen: Array.from({ length: RUIMSTE_MAXIMA.advies }, (_, v) => ({
        id: `v${v}`.padEnd(40, 'x'),
        tekst: 'Vraag?',
        opties: Array.from({ length: 10 }, (_, o) => ({ id: `o${o}`.padEnd(40, 'y'), tekst: 'Optie' })),
      })),
    };
    const reply = (pagina: StemmingExportPagina) => Buffer.byteLength(JSON.stringify({ data: pagina }));

    it('keeps a full default page of the widest ballots or receipts well under the NATS max payload', () => {
      const biljet = breedste.vragen.map((vraag) => vraag.opties[9]!.id);
      const volleBiljetten = Array.from({ length: paginaGrootte(breedste, 'stembiljetten', EXPORT_PAGINA_BYTES) }, () => biljet);
      const volleBonnetjes = Array.from({ length: paginaGrootte(breedste, 'bonnetjes', EXPORT_PAGINA_BYTES) }, () => 'Z'.repeat(40));
      for (const pagina of [{ items: volleBiljetten, volgende: paginaToken('f'.repeat(36)) }, { items: volleBonnetjes, volgende: paginaToken('Z'.repeat(40)) }]) {
        expect(reply(pagina)).toBeLessThanOrEqual(EXPORT_PAGINA_BYTES + 200);
        expect(reply(pagina)).toBeLessThan(0.6 * NATS_MAX_PAYLOAD);
      }
      // And one more item would not fit the budget: the size is what the budget allows, not far below it.
      expect(reply({ items: [...volleBiljetten, biljet] })).toBeGreaterThan(0.95 * EXPORT_PAGINA_BYTES);
    });

    it('sizes pages by the longest answer of each question, ongeldig and blanco included', () => {
      const kort: StemmingRegels = { ...regels, vragen: [{ id: 'a', tekst: 'A?', opties: [{ id: 'ja', tekst: 'Ja' }, { id: 'nee', tekst: 'Nee' }] }] };
      // ["ongeldig"] and a comma: 13 bytes each; the list's own brackets belong to the envelope.
      expect(paginaGrootte(kort, 'stembiljetten', 1300)).toBe(100);
      expect(Buffer.byteLength(JSON.stringify(Array.from({ length: 100 }, () => [ONGELDIG])))).toBe(1300 - 1 + 2);
      expect(paginaGrootte(kort, 'bonnetjes', 4300)).toBe(100);
      expect(paginaGrootte(breedste, 'stembiljetten', 10)).toBe(1);
    });

    it('reads back only its own page tokens, per list', () => {
      const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
      const code = nieuwBonnetje();
      expect(leesPaginaToken(paginaToken(id), 'stembiljetten')).toBe(id);
      expect(leesPaginaToken(paginaToken(code), 'bonnetjes')).toBe(code);
      expect(leesPaginaToken(paginaToken(id), 'bonnetjes')).toBeUndefined();
      expect(leesPaginaToken(paginaToken(code), 'stembiljetten')).toBeUndefined();
      for (const onzin of ['', 'abc', paginaToken("x' or 1=1"), `${paginaToken(id)}A`]) expect(leesPaginaToken(onzin, 'stembiljetten')).toBeUndefined();
    });
  });
});
