import { randomBytes } from 'node:crypto';
import { loadEnv, ConfigError } from '@samen/platform';
import { IdentityEnv } from '../config/identity-env';
import { KeyEncryption } from './key-encryption';

const SECRET = 'unit-test-key-secret-0123456789abcdef';

describe('KeyEncryption', () => {
  const plaintext = randomBytes(48);

  it('round-trips, with a fresh IV each time', () => {
    const encryption = new KeyEncryption(SECRET);
    const a = encryption.encrypt(plaintext, 'kid-1');
    const b = encryption.encrypt(plaintext, 'kid-1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(encryption.decrypt(a, 'kid-1').equals(plaintext)).toBe(true);
    expect(new KeyEncryption(SECRET).decrypt(b, 'kid-1').equals(plaintext)).toBe(true);
  });

  it('refuses another secret, another kid, an altered text or an unknown format', () => {
    const sealed = new KeyEncryption(SECRET).encrypt(plaintext, 'kid-1');
    expect(() => new KeyEncryption(`${SECRET}x`).decrypt(sealed, 'kid-1')).toThrow();
    expect(() => new KeyEncryption(SECRET).decrypt(sealed, 'kid-2')).toThrow();
    const parts = sealed.split('.');
    const altered = [parts[0], parts[1], parts[2], `${parts[3].slice(0, -2)}${parts[3].endsWith('AA') ? 'BB' : 'AA'}`].join('.');
    expect(() => new KeyEncryption(SECRET).decrypt(altered, 'kid-1')).toThrow();
    expect(() => new KeyEncryption(SECRET).decrypt(`v2.${parts.slice(1).join('.')}`, 'kid-1')).toThrow(/format/);
  });
});

describe('IdentityEnv', () => {
  const base = { DATABASE_URL: 'postgres://samen_identity@127.0.0.1:5432/samen' };

  it('needs IDENTITY_KEY_SECRET in production, and never a short one', () => {
    expect(() => loadEnv(IdentityEnv, { ...base, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadEnv(IdentityEnv, { ...base, NODE_ENV: 'development', IDENTITY_KEY_SECRET: 'too-short' })).toThrow(/IDENTITY_KEY_SECRET/);
    expect(loadEnv(IdentityEnv, { ...base, NODE_ENV: 'production', IDENTITY_KEY_SECRET: SECRET }).IDENTITY_KEY_SECRET).toBe(SECRET);
  });

  it('falls back to the development secret elsewhere, and defaults the token lifetime to 600 s', () => {
    const env = loadEnv(IdentityEnv, { ...base, NODE_ENV: 'development' });
    expect(env.IDENTITY_KEY_SECRET).toBeUndefined();
    expect(env.ACCESS_TOKEN_TTL_SECONDS).toBe(600);
    expect(() => loadEnv(IdentityEnv, { ...base, ACCESS_TOKEN_TTL_SECONDS: '5' })).toThrow(/ACCESS_TOKEN_TTL_SECONDS/);
  });

  it('does not echo the secret in its complaint', () => {
    let message = '';
    try {
      loadEnv(IdentityEnv, { ...base, IDENTITY_KEY_SECRET: 'short-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('IDENTITY_KEY_SECRET = \'***\'');
    expect(message).not.toContain('short-secret');
  });
});
