import { aantalVeelgebruikt, beoordeelWachtwoord, lengte } from './wachtwoord-beleid';

describe('password policy (ASVS 5.0 V6.2)', () => {
  it('accepts 12 to 128 characters without composition rules', () => {
    expect(beoordeelWachtwoord('alleen kleine letters').ok).toBe(true);
    expect(beoordeelWachtwoord('x'.repeat(11) + 'y').ok).toBe(true);
    expect(beoordeelWachtwoord('ab'.repeat(64)).ok).toBe(true);
  });

  it('refuses fewer than 12 and more than 128 characters, with a Dutch reason', () => {
    expect(beoordeelWachtwoord('elf tekens!')).toEqual({ ok: false, reden: expect.stringContaining('minstens 12') });
    expect(beoordeelWachtwoord('ab'.repeat(64) + 'c')).toEqual({ ok: false, reden: expect.stringContaining('128') });
  });

  it('counts characters as people see them, not UTF-16 units', () => {
    expect(lengte('😀'.repeat(6))).toBe(6);
    expect(beoordeelWachtwoord('😀'.repeat(6)).ok).toBe(false);
    expect(beoordeelWachtwoord('😀😁😂🤣😃😄😅😆😉😊😋😎').ok).toBe(true);
  });

  it('refuses common passwords, whatever their case', () => {
    expect(aantalVeelgebruikt()).toBeGreaterThanOrEqual(100);
    for (const common of ['password1234', 'PASSWORD1234', 'Welkom123456', 'qwertyuiop123', '123456789012']) {
      expect([common, beoordeelWachtwoord(common).ok]).toEqual([common, false]);
    }
  });

  it('refuses one repeated character and the own e-mail address', () => {
    expect(beoordeelWachtwoord('aaaaaaaaaaaaaaaa').ok).toBe(false);
    expect(beoordeelWachtwoord('anna@example.org!', 'anna@example.org').ok).toBe(false);
    expect(beoordeelWachtwoord('een lange zin als wachtwoord', 'anna@example.org').ok).toBe(true);
  });
});
