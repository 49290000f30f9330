import { csvBestandsnaam, verificatiecodesCsv } from './verificatiecodes-csv';

describe('verificatiecodesCsv', () => {
  const batch = {
    id: '0b9d6c1e-5d1f-4c1a-9f57-2f1c4e3a8b90',
    gebied: 'WK063701',
    aantal: 2,
    verlooptDatum: '2027-01-31',
    aangemaaktTijdstip: '2026-11-27T09:00:00.000Z',
    codes: ['ABCD-EFGH-JKMN', 'PQRS-TUVW-XYZ2'],
  };

  it('has a header line and one line per code, with CRLF line ends', () => {
    expect(verificatiecodesCsv(batch)).toBe('code,gebied,verlooptDatum\r\nABCD-EFGH-JKMN,WK063701,2027-01-31\r\nPQRS-TUVW-XYZ2,WK063701,2027-01-31\r\n');
  });

  it('names the file after the gebied and the batch', () => {
    expect(csvBestandsnaam(batch)).toBe('verificatiecodes-WK063701-0b9d6c1e-5d1f-4c1a-9f57-2f1c4e3a8b90.csv');
  });
});
