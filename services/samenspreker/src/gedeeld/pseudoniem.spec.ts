import { createHmac } from 'node:crypto';
import { ConfigError, loadEnv } from '@samen/platform';
import { SamensprekerEnv } from '../config/samenspreker-env';
import { ONTWIKKEL_PSEUDONIEM_SLEUTEL, pseudoniem, Pseudoniemen, VERWIJDERD_ACCOUNT, VERWIJDERDE_DEELNEMER } from './pseudoniem';

const SLEUTEL = 'een-sleutel-van-minstens-tweeendertig-tekens';
const ANNA = '0b9d6c1e-7d2c-4a8e-9a51-6f4a3c2b1d00';
const BOB = '7c1f0e2a-1b3c-4d5e-8f90-a1b2c3d4e5f6';
const VRAAGSTUK_1 = '3c6e0b8a-9c1d-4f2e-8a7b-6d5c4b3a2f10';
const VRAAGSTUK_2 = '5f0c2a8e-3b1d-4e6f-8a9b-1c2d3e4f5a6b';

describe('pseudoniem', () => {
  it('is 20 hex characters, the same for one person within one vraagstuk', () => {
    const p = pseudoniem(SLEUTEL, VRAAGSTUK_1, ANNA);
    expect(p).toMatch(/^[0-9a-f]{20}$/);
    expect(pseudoniem(SLEUTEL, VRAAGSTUK_1, ANNA)).toBe(p);
  });

  it('differs between persons in a vraagstuk and for one person across vraagstukken', () => {
    const p = pseudoniem(SLEUTEL, VRAAGSTUK_1, ANNA);
    expect(pseudoniem(SLEUTEL, VRAAGSTUK_1, BOB)).not.toBe(p);
    expect(pseudoniem(SLEUTEL, VRAAGSTUK_2, ANNA)).not.toBe(p);
  });

  it('differs under another key, so without the key nobody can recompute it', () => {
    expect(pseudoniem(`${SLEUTEL}-ander`, VRAAGSTUK_1, ANNA)).not.toBe(pseudoniem(SLEUTEL, VRAAGSTUK_1, ANNA));
  });

  it('is HMAC-SHA256 over "vraagstukId:accountId", not a plain hash', () => {
    // Fixed vector: a change in the construction would silently renumber every public pseudonym.
    expect(pseudoniem('k'.repeat(32), VRAAGSTUK_1, ANNA)).toBe(
      createHmac('sha256', 'k'.repeat(32)).update(`${VRAAGSTUK_1}:${ANNA}`).digest('hex').slice(0, 20),
    );
  });

  it('names an erased account "verwijderd" in every vraagstuk', () => {
    expect(pseudoniem(SLEUTEL, VRAAGSTUK_1, VERWIJDERD_ACCOUNT)).toBe(VERWIJDERDE_DEELNEMER);
    expect(pseudoniem(SLEUTEL, VRAAGSTUK_2, VERWIJDERD_ACCOUNT)).toBe(VERWIJDERDE_DEELNEMER);
  });
});

describe('Pseudoniemen', () => {
  const base = { DATABASE_URL: 'postgres://samen_samenspreker@127.0.0.1:5432/samen' };

  it("uses the instance's key, and the development key when none is set", () => {
    expect(new Pseudoniemen(loadEnv(SamensprekerEnv, { ...base, SAMENSPREKER_PSEUDONIEM_SLEUTEL: SLEUTEL })).van(VRAAGSTUK_1, ANNA)).toBe(pseudoniem(SLEUTEL, VRAAGSTUK_1, ANNA));
    expect(new Pseudoniemen(loadEnv(SamensprekerEnv, { ...base, NODE_ENV: 'test' })).van(VRAAGSTUK_1, ANNA)).toBe(pseudoniem(ONTWIKKEL_PSEUDONIEM_SLEUTEL, VRAAGSTUK_1, ANNA));
  });

  it('shows a person by pseudonym, segment and organisation, and marks the caller as eigen', () => {
    const pseudoniemen = new Pseudoniemen(loadEnv(SamensprekerEnv, { ...base, SAMENSPREKER_PSEUDONIEM_SLEUTEL: SLEUTEL }));
    const anna = { accountId: ANNA, segment: 'bedrijfsleven' as const, organisatie: VRAAGSTUK_2 };
    const kijker = (accountId: string) => ({ accountId, gemeente: 'GM0637', rollen: ['inwoner' as const], segment: 'inwoner' as const, tweedeFactor: false });
    expect(pseudoniemen.persoon(VRAAGSTUK_1, anna)).toEqual({ pseudoniem: pseudoniem(SLEUTEL, VRAAGSTUK_1, ANNA), segment: 'bedrijfsleven', organisatie: VRAAGSTUK_2 });
    expect(pseudoniemen.persoon(VRAAGSTUK_1, anna, kijker(ANNA))).toMatchObject({ eigen: true });
    expect(pseudoniemen.persoon(VRAAGSTUK_1, anna, kijker(BOB))).not.toHaveProperty('eigen');
  });
});

describe('SamensprekerEnv: SAMENSPREKER_PSEUDONIEM_SLEUTEL', () => {
  const base = { DATABASE_URL: 'postgres://samen_samenspreker@127.0.0.1:5432/samen' };

  it('is required in production and never short; optional elsewhere', () => {
    expect(() => loadEnv(SamensprekerEnv, { ...base, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(loadEnv(SamensprekerEnv, { ...base, NODE_ENV: 'production', SAMENSPREKER_PSEUDONIEM_SLEUTEL: SLEUTEL }).SAMENSPREKER_PSEUDONIEM_SLEUTEL).toBe(SLEUTEL);
    expect(loadEnv(SamensprekerEnv, { ...base, NODE_ENV: 'development' }).SAMENSPREKER_PSEUDONIEM_SLEUTEL).toBeUndefined();
  });

  it('refuses a short key without echoing it', () => {
    let message = '';
    try {
      loadEnv(SamensprekerEnv, { ...base, SAMENSPREKER_PSEUDONIEM_SLEUTEL: 'kort-geheim' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('SAMENSPREKER_PSEUDONIEM_SLEUTEL');
    expect(message).not.toContain('kort-geheim');
  });
});
