import { BOUWSTENEN, type Bouwsteen, type ExportOnderdeel } from '@samen/contracts';
import { DomainError } from '@samen/platform';

/** Codes that mean "this bouwsteen cannot answer now", not "the answer is no". */
const AFWEZIG = new Set(['BOUWSTEEN_ABSENT', 'BOUWSTEEN_TIMEOUT']);

export interface VolledigeExport {
  accountId: string;
  aangemaaktTijdstip: string;
  bouwstenen: ExportOnderdeel[];
}

/**
 * Asks every bouwsteen at once for its part of the account's data. A bouwsteen that does not run
 * (or does not answer in time) is listed as `absent` and the export goes on (DESIGN rule 5);
 * identity is required, and any refusal (403, 401) fails the whole export, so nobody gets a
 * partial export of someone else's data.
 */
export async function verzamelExport(
  accountId: string,
  vraag: (bouwsteen: Bouwsteen) => Promise<Record<string, unknown>>,
  nu = new Date(),
  bouwstenen: readonly Bouwsteen[] = BOUWSTENEN,
): Promise<VolledigeExport> {
  const onderdelen = await Promise.all(
    bouwstenen.map(async (bouwsteen): Promise<ExportOnderdeel> => {
      try {
        return { bouwsteen, status: 'geleverd', gegevens: await vraag(bouwsteen) };
      } catch (error) {
        if (bouwsteen !== 'identity' && error instanceof DomainError && AFWEZIG.has(error.code)) return { bouwsteen, status: 'absent' };
        throw error;
      }
    }),
  );
  return { accountId, aangemaaktTijdstip: nu.toISOString(), bouwstenen: onderdelen };
}

/** The file name of the download: no personal data in it, only the date. */
export function exportBestandsnaam(nu = new Date()): string {
  return `samen-mijn-gegevens-${nu.toISOString().slice(0, 10)}.json`;
}
