import { authenticator } from 'otplib';

/** RFC 6238 with the usual app settings (SHA-1, 6 digits, 30 s), as every authenticator app reads them. */
export const TOTP_STAP_SECONDEN = 30;
/** One step either side: a phone clock that is up to 30 s off still works (ASVS V6.5.4), no more. */
export const TOTP_VENSTER = 1;
const UITGEVER = 'Samen';

function totp(nu: Date) {
  // A fresh clone per call: otplib's options are mutable and shared, and the clock must be `nu`.
  return authenticator.clone({ window: TOTP_VENSTER, step: TOTP_STAP_SECONDEN, epoch: nu.getTime() });
}

/** A new 160-bit secret, base32 (RFC 4226 recommends 160 bits). */
export function nieuwTotpGeheim(): string {
  return authenticator.generateSecret(20);
}

export function otpauthUri(geheim: string, label: string): string {
  return authenticator.keyuri(label, UITGEVER, geheim);
}

export function totpCode(geheim: string, nu: Date): string {
  return totp(nu).generate(geheim);
}

export function tijdstap(nu: Date): number {
  return Math.floor(nu.getTime() / 1000 / TOTP_STAP_SECONDEN);
}

/**
 * Checks a code and returns the time step it belongs to, or undefined. A code is good only once
 * (ASVS V6.5.1): the caller keeps the last step used and passes it as `laatsteStap`, so a code of
 * that step or an earlier one is refused, even within the window.
 */
export function controleerTotp(geheim: string, code: string, nu: Date, laatsteStap?: number | null): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totp(nu).checkDelta(code, geheim);
  if (delta === null) return undefined;
  const stap = tijdstap(nu) + delta;
  if (laatsteStap !== undefined && laatsteStap !== null && stap <= laatsteStap) return undefined;
  return stap;
}
