import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StemmingExport } from '@samen/contracts';
import { nieuwBonnetje } from './bonnetje';
import { maakExport } from './export';
import { hertelCli } from './hertel';
import { proefBiljetten, proefRegels } from './proefstemming';

/** process.exit stops the CLI; here it throws so the test can read the code and the output. */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function voerUit(args: string[]): { code: number; uit: string; fout: string } {
  let uit = '';
  let fout = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((tekst) => ((uit += String(tekst)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((tekst) => ((fout += String(tekst)), true));
  const exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Exit(Number(code));
  });
  try {
    hertelCli(args);
    throw new Error('de CLI eindigde zonder exit-code');
  } catch (error) {
    if (!(error instanceof Exit)) throw error;
    return { code: error.code, uit, fout };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    exit.mockRestore();
  }
}

describe('hertel CLI', () => {
  const map = mkdtempSync(join(tmpdir(), 'hertel-'));
  afterAll(() => rmSync(map, { recursive: true, force: true }));

  const regels = proefRegels();
  const biljetten = proefBiljetten(regels, 50);
  const bonnetjes = biljetten.map(() => nieuwBonnetje());
  const export_ = maakExport(regels, 100, biljetten, bonnetjes);
  const bestand = (naam: string, inhoud: StemmingExport | string): string => {
    const pad = join(map, naam);
    writeFileSync(pad, typeof inhoud === 'string' ? inhoud : JSON.stringify(inhoud));
    return pad;
  };
  const echt = bestand('echt.json', export_);

  it('prints the recounted proces-verbaal and that it matches (exit 0)', () => {
    const { code, uit } = voerUit([echt]);
    expect(code).toBe(0);
    expect(uit).toContain(`hash van de hertelling: ${export_.procesVerbaalHash}`);
    expect(uit).toContain('hertelling: KLOPT met het gepubliceerde proces-verbaal');
    expect(JSON.parse(uit.slice(0, uit.indexOf('\nhash van')))).toEqual(export_.procesVerbaal);
  });

  it('confirms a receipt that was counted', () => {
    const { code, uit } = voerUit([echt, '--bonnetje', bonnetjes[3]!]);
    expect(code).toBe(0);
    expect(uit).toContain(`bonnetje ${bonnetjes[3]}: staat in de lijst: uw stem is meegeteld`);
  });

  it('exits 1 for a receipt that is not in the list, and says so', () => {
    const { code, uit } = voerUit([echt, '--bonnetje', nieuwBonnetje()]);
    expect(code).toBe(1);
    expect(uit).toContain('staat NIET in de lijst');
  });

  it('exits 1 for a tampered export and names what does not add up', () => {
    const vals = JSON.parse(JSON.stringify(export_)) as StemmingExport;
    vals.stembiljetten[0] = vals.stembiljetten[0]![0] === 'nee' ? ['ja', 'later', 'ja'] : ['nee', 'later', 'ja'];
    const { code, uit } = voerUit([bestand('vals.json', vals)]);
    expect(code).toBe(1);
    expect(uit).toContain('hertelling: KLOPT NIET\n  - de hertelling geeft een ander proces-verbaal dan de gepubliceerde hash');
  });

  it('exits 2 when it cannot read the file or is called wrongly', () => {
    expect(voerUit([bestand('kapot.json', '{niet')])).toMatchObject({ code: 2, fout: expect.stringContaining('kon') });
    expect(voerUit([join(map, 'bestaat-niet.json')]).code).toBe(2);
    expect(voerUit([])).toMatchObject({ code: 2, fout: expect.stringContaining('gebruik:') });
    expect(voerUit([echt, '--bonnetje']).code).toBe(2);
    expect(voerUit([echt, '--anders', 'x']).code).toBe(2);
  });
});
