import { controleerTotp, nieuwTotpGeheim, otpauthUri, tijdstap, totpCode } from './totp';

describe('TOTP', () => {
  const geheim = nieuwTotpGeheim();
  const nu = new Date('2026-11-27T08:00:10Z');
  const op = (seconden: number) => new Date(nu.getTime() + seconden * 1000);

  it('makes a 160-bit base32 secret and an otpauth URI for apps', () => {
    expect(geheim).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri(geheim, 'anna@example.org')).toBe(
      `otpauth://totp/Samen:anna%40example.org?secret=${geheim}&period=30&digits=6&algorithm=SHA1&issuer=Samen`,
    );
  });

  it('accepts the code of this step and of one step either side, not two', () => {
    expect(controleerTotp(geheim, totpCode(geheim, nu), nu)).toBe(tijdstap(nu));
    expect(controleerTotp(geheim, totpCode(geheim, op(-30)), nu)).toBe(tijdstap(nu) - 1);
    expect(controleerTotp(geheim, totpCode(geheim, op(30)), nu)).toBe(tijdstap(nu) + 1);
    expect(controleerTotp(geheim, totpCode(geheim, op(-60)), nu)).toBeUndefined();
    expect(controleerTotp(geheim, totpCode(geheim, op(60)), nu)).toBeUndefined();
  });

  it('accepts a code once: not its step again, nor an earlier one', () => {
    const stap = controleerTotp(geheim, totpCode(geheim, nu), nu);
    expect(controleerTotp(geheim, totpCode(geheim, nu), nu, stap)).toBeUndefined();
    expect(controleerTotp(geheim, totpCode(geheim, op(-30)), nu, stap)).toBeUndefined();
    expect(controleerTotp(geheim, totpCode(geheim, op(30)), nu, stap)).toBe((stap as number) + 1);
  });

  it('refuses what is no six-digit code, and another secret', () => {
    expect(controleerTotp(geheim, 'abcdef', nu)).toBeUndefined();
    expect(controleerTotp(geheim, '12345', nu)).toBeUndefined();
    expect(controleerTotp(nieuwTotpGeheim(), totpCode(geheim, nu), nu)).toBeUndefined();
  });
});
