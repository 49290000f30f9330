import { WACHTWOORD_MAX, WACHTWOORD_MIN } from '@samen/contracts';

/**
 * The most common passwords of at least 12 characters (from public breach top lists), lower-case.
 * ASVS 5.0 V6.2.4 asks to refuse the most common ones; shorter ones already fail the length rule,
 * so only these need listing. Kept small and embedded on purpose: no download, no file to find.
 */
const VEELGEBRUIKT = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '1234567891011', '123456123456',
  '111111111111', '000000000000', '123123123123', '987654321987', '147258369147', '123qweasdzxc',
  '1q2w3e4r5t6y', '1qaz2wsx3edc', 'qwertyuiopas', 'qwertyuiop12', 'qwertyuiop123', 'qwerty123456',
  'qwerty12345678', 'asdfghjkl123', 'zxcvbnm12345', 'qazwsxedcrfv', '1qaz2wsx3edc4rfv', 'zaq12wsxcde3',
  'password1234', 'password12345', 'password123!', 'password2024', 'password2025', 'password2026',
  'passwordpassword', 'p@ssw0rd1234', 'p@ssword1234', 'welkom123456', 'welkomwelkom', 'welkom12345!',
  'wachtwoord12', 'wachtwoord123', 'wachtwoord1234', 'wachtwoord!!', 'wachtwoordwachtwoord', 'geheim123456',
  'iloveyou1234', 'iloveyouiloveyou', 'letmein12345', 'letmeinletmein', 'welcome12345', 'welcome123456',
  'administrator', 'administrator1', 'admin1234567', 'adminadminadmin', 'changeme1234', 'changemechangeme',
  'football1234', 'baseball1234', 'basketball12', 'superman1234', 'batman123456', 'starwars1234',
  'princess1234', 'sunshine1234', 'monkey123456', 'dragon123456', 'master123456', 'shadow123456',
  'abcdefghijkl', 'abcdef123456', 'abc123456789', 'abcd12345678', 'aaaaaaaaaaaa', 'abcabcabcabc',
  'trustno1trustno1', 'michael12345', 'jennifer1234', 'jordan231234', 'liverpool123', 'chelsea12345',
  'ajaxamsterdam', 'feyenoord1908', 'zoetermeer123', 'amsterdam123', 'rotterdam010', 'nederland123',
  'samenzoetermeer', 'gemeente1234', 'gemeente12345', 'zomer2024!!!', 'winter2024!!!', 'voorjaar2025',
  'qwertyqwerty', 'asdfasdfasdf', '1234qwerasdf', 'q1w2e3r4t5y6', 'a1b2c3d4e5f6', 'passw0rdpassw0rd',
  'correcthorsebatterystaple', 'hallo1234567', 'hallohallo12', 'test12345678', 'testtesttest', 'default12345',
]);

export interface WachtwoordOordeel {
  ok: boolean;
  /** Dutch reason for the user, when not ok. */
  reden?: string;
}

/** Length counts characters as the user sees them (code points), not UTF-16 units. */
export function lengte(wachtwoord: string): number {
  return [...wachtwoord].length;
}

/**
 * ASVS 5.0 V6.2: 12 to 128 characters, any character allowed, no composition rules; refused when
 * it is one of the most common passwords or contains the user's e-mail address.
 */
export function beoordeelWachtwoord(wachtwoord: string, email?: string): WachtwoordOordeel {
  const n = lengte(wachtwoord);
  if (n < WACHTWOORD_MIN) return { ok: false, reden: `Kies een wachtwoord van minstens ${WACHTWOORD_MIN} tekens.` };
  if (n > WACHTWOORD_MAX) return { ok: false, reden: `Een wachtwoord mag hoogstens ${WACHTWOORD_MAX} tekens lang zijn.` };
  const normaal = wachtwoord.normalize('NFKC').toLowerCase();
  if (VEELGEBRUIKT.has(normaal)) return { ok: false, reden: 'Dit wachtwoord wordt veel gebruikt en is makkelijk te raden; kies een ander.' };
  if (new Set(normaal).size === 1) return { ok: false, reden: 'Dit wachtwoord is makkelijk te raden; kies een ander.' };
  if (email && normaal.includes(email.toLowerCase())) return { ok: false, reden: 'Gebruik je e-mailadres niet in je wachtwoord.' };
  return { ok: true };
}

export function aantalVeelgebruikt(): number {
  return VEELGEBRUIKT.size;
}
