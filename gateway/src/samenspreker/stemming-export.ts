import { STEMMING_EXPORT_LIJSTEN, type StemmingExportKop, type StemmingExportLijst, type StemmingExportPagina } from '@samen/contracts';

/** Asks samenspreker for one page of a list of the export; without `na` the first. */
export type ExportPaginaBron = (lijst: StemmingExportLijst, na: string | undefined) => Promise<StemmingExportPagina<unknown>>;

/**
 * The export file of a closed stemming as JSON text, piece by piece: the head as samenspreker sent it,
 * the ballots and the receipts page after page as they are read, so that neither the gateway nor the
 * bus ever holds the whole file. The text is one document of the format in docs/stemmingen-export.md,
 * with the keys in its order, exactly what `hertel` reads. Each list must hold as many items as the
 * proces-verbaal has kiezers; if not (or a page token repeats), it throws halfway and the download
 * breaks off rather than end as a well-formed file with a wrong list.
 */
export async function* exportTekst(kop: StemmingExportKop, pagina: ExportPaginaBron): AsyncGenerator<string> {
  const begin = { formaat: kop.formaat, versie: kop.versie, regels: kop.regels, aantalKiesgerechtigden: kop.aantalKiesgerechtigden };
  yield JSON.stringify(begin).slice(0, -1);
  for (const lijst of STEMMING_EXPORT_LIJSTEN) {
    yield `,${JSON.stringify(lijst)}:[`;
    let aantal = 0;
    let na: string | undefined;
    do {
      const { items, volgende } = await pagina(lijst, na);
      if (items.length > 0) yield `${aantal > 0 ? ',' : ''}${JSON.stringify(items).slice(1, -1)}`;
      aantal += items.length;
      if (volgende !== undefined && volgende === na) throw new Error(`export ${kop.regels.stemmingId}: ${lijst} page token repeats`);
      na = volgende;
    } while (na !== undefined);
    if (aantal !== kop.procesVerbaal.aantalKiezers) {
      throw new Error(`export ${kop.regels.stemmingId}: ${aantal} ${lijst} but ${kop.procesVerbaal.aantalKiezers} kiezers in the proces-verbaal`);
    }
    yield ']';
  }
  yield `,"procesVerbaal":${JSON.stringify(kop.procesVerbaal)},"procesVerbaalHash":${JSON.stringify(kop.procesVerbaalHash)}}`;
}
