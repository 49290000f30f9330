import type { CodeBatchView } from '@samen/contracts';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/**
 * The print file of a batch (RFC 4180: comma-separated, CRLF, a header line). The values are
 * codes from a fixed alphabet, CBS area codes and ISO dates, so none needs quoting, and none can
 * start a spreadsheet formula.
 */
export function verificatiecodesCsv(batch: CodeBatchView): string {
  const rows = ['code,gebied,verlooptDatum', ...batch.codes.map((code) => `${code},${batch.gebied},${batch.verlooptDatum}`)];
  return `${rows.join('\r\n')}\r\n`;
}

/** A file name that says what is in it, for the download dialog. */
export function csvBestandsnaam(batch: CodeBatchView): string {
  return `verificatiecodes-${batch.gebied}-${batch.id}.csv`;
}
