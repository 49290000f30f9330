import type { StemmingExport, StemmingExportKop, StemmingExportLijst } from '@samen/contracts';
import { type ExportPaginaBron, exportTekst } from './stemming-export';

const KOP = {
  formaat: 'samen-stemming-export',
  versie: 1,
  regels: { stemmingId: 'c0ffee00-0000-4000-8000-000000000000', titel: 'Proef' },
  aantalKiesgerechtigden: 10,
  procesVerbaal: { aantalKiezers: 5, vragen: [] },
  procesVerbaalHash: 'a'.repeat(64),
} as unknown as StemmingExportKop;

const BILJETTEN = [['ja'], ['nee'], ['blanco'], ['ja'], ['ongeldig']];
const BONNETJES = ['A', 'B', 'C', 'D', 'E'];

/** Pages of `grootte` items of the two lists; a last page may be empty, as a service may send one. */
function bron(grootte: number, lijsten: Record<StemmingExportLijst, unknown[]> = { stembiljetten: BILJETTEN, bonnetjes: BONNETJES }, legeLaatste = false): ExportPaginaBron & { vragen: string[] } {
  const vragen: string[] = [];
  const f = async (lijst: StemmingExportLijst, na: string | undefined) => {
    vragen.push(`${lijst}:${na ?? '-'}`);
    const van = na === undefined ? 0 : Number(na);
    const items = lijsten[lijst].slice(van, van + grootte);
    const tot = van + items.length;
    const meer = tot < lijsten[lijst].length || (legeLaatste && items.length > 0);
    return { items, ...(meer ? { volgende: String(tot) } : {}) };
  };
  return Object.assign(f, { vragen });
}

async function tekst(pagina: ExportPaginaBron, kop = KOP): Promise<string> {
  let uit = '';
  for await (const stuk of exportTekst(kop, pagina)) uit += stuk;
  return uit;
}

describe('the export file streamed from its pages', () => {
  it.each([1, 2, 5, 100])('is one JSON document in the format of the file, keys in order, with pages of %i', async (grootte) => {
    const pagina = bron(grootte);
    const uit = await tekst(pagina);
    const verwacht: StemmingExport = { ...KOP, stembiljetten: BILJETTEN, bonnetjes: BONNETJES } as unknown as StemmingExport;
    expect(JSON.parse(uit)).toEqual(verwacht);
    expect(Object.keys(JSON.parse(uit))).toEqual(['formaat', 'versie', 'regels', 'aantalKiesgerechtigden', 'stembiljetten', 'bonnetjes', 'procesVerbaal', 'procesVerbaalHash']);
    expect(pagina.vragen).toHaveLength(2 * Math.ceil(5 / grootte));
  });

  it('takes an empty last page and a stemming without votes', async () => {
    expect(JSON.parse(await tekst(bron(5, undefined, true)))).toMatchObject({ stembiljetten: BILJETTEN, bonnetjes: BONNETJES });
    const leeg = { ...KOP, procesVerbaal: { ...KOP.procesVerbaal, aantalKiezers: 0 } } as StemmingExportKop;
    expect(JSON.parse(await tekst(bron(3, { stembiljetten: [], bonnetjes: [] }), leeg))).toMatchObject({ stembiljetten: [], bonnetjes: [] });
  });

  it('breaks off, rather than finish a wrong file, when a list does not hold one item per kiezer or a page token repeats', async () => {
    await expect(tekst(bron(2, { stembiljetten: BILJETTEN.slice(1), bonnetjes: BONNETJES }))).rejects.toThrow(/4 stembiljetten but 5 kiezers/);
    await expect(tekst(bron(2, { stembiljetten: BILJETTEN, bonnetjes: [...BONNETJES, 'F'] }))).rejects.toThrow(/6 bonnetjes but 5 kiezers/);
    const kringetje: ExportPaginaBron = async () => ({ items: [['ja']], volgende: 'x' });
    await expect(tekst(kringetje)).rejects.toThrow(/repeats/);
  });
});
