import { beoordeelVernieuwing, FAMILIE_LEVENSDUUR_MS, REFRESH_LEVENSDUUR_MS, trekFamilieIn, verloopVanOpvolger } from './vernieuwing';
import { hashToken, nieuwOpaakToken } from './opaque-token';

describe('refresh-token rotation', () => {
  const nu = new Date('2026-11-27T08:00:00Z');
  const later = new Date(nu.getTime() + 60_000);

  it('a live, unspent token is good', () => {
    expect(beoordeelVernieuwing({ verlooptTijdstip: later }, nu)).toBe('geldig');
  });

  it('unknown, expired and revoked tokens are refused without touching the family', () => {
    expect(beoordeelVernieuwing(null, nu)).toBe('onbekend');
    expect(beoordeelVernieuwing({ verlooptTijdstip: nu }, nu)).toBe('verlopen');
    expect(beoordeelVernieuwing({ verlooptTijdstip: later, ingetrokkenTijdstip: nu }, nu)).toBe('ingetrokken');
    for (const oordeel of ['onbekend', 'verlopen', 'ingetrokken'] as const) expect(trekFamilieIn(oordeel)).toBe(false);
  });

  it('a spent token shown again is reuse, even after it expired, and revokes the family', () => {
    expect(beoordeelVernieuwing({ verlooptTijdstip: later, vervangenTijdstip: nu }, nu)).toBe('hergebruikt');
    expect(beoordeelVernieuwing({ verlooptTijdstip: nu, vervangenTijdstip: nu }, later)).toBe('hergebruikt');
    expect(trekFamilieIn('hergebruikt')).toBe(true);
  });

  it('a revoked family stays revoked: its spent tokens do not revoke it again', () => {
    expect(beoordeelVernieuwing({ verlooptTijdstip: later, vervangenTijdstip: nu, ingetrokkenTijdstip: nu }, nu)).toBe('ingetrokken');
  });

  it('a successor lives 14 days, but never past 30 days after the login', () => {
    expect(verloopVanOpvolger(nu, nu).getTime()).toBe(nu.getTime() + REFRESH_LEVENSDUUR_MS);
    const laat = new Date(nu.getTime() + 25 * 24 * 3600 * 1000);
    expect(verloopVanOpvolger(laat, nu).getTime()).toBe(nu.getTime() + FAMILIE_LEVENSDUUR_MS);
  });

  it('opaque tokens carry 256 bits and only their SHA-256 is kept', () => {
    const { token, hash } = nieuwOpaakToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(hashToken(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(nieuwOpaakToken().token).not.toBe(token);
  });
});
