import { randomBytes } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { GEBIED_CODE_PATTERN, NieuweCodes } from '@samen/contracts';
import {
  CODE_ALFABET,
  controleerVerlooptDatum,
  entropieBits,
  gebiedHoortBijGemeente,
  genereerCode,
  hashCode,
  isVerlopen,
  nederlandseDatum,
  normaliseerCode,
} from './verificatiecode';

describe('verificatiecode', () => {
  it('uses 32 unmistakable characters: no 0, O, 1 or I', () => {
    expect(new Set(CODE_ALFABET).size).toBe(32);
    for (const teken of '0O1I') expect(CODE_ALFABET).not.toContain(teken);
  });

  it('carries at least 40 bits of entropy', () => {
    expect(entropieBits()).toBeGreaterThanOrEqual(40);
    expect(entropieBits()).toBe(60);
  });

  it('prints in groups of four', () => {
    const code = genereerCode();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  });

  it('maps every byte value onto the alphabet without bias (each character from 8 of 256 values)', () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 256; b++) {
      const code = genereerCode(() => Buffer.alloc(12, b));
      counts.set(code[0], (counts.get(code[0]) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    expect([...counts.values()].every((n) => n === 8)).toBe(true);
  });

  it('does not repeat in 10,000 codes', () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => genereerCode(randomBytes)));
    expect(codes.size).toBe(10_000);
  });

  it.each([
    ['abcd-efgh-jkmn', 'ABCDEFGHJKMN'],
    [' ABCD EFGH JKMN ', 'ABCDEFGHJKMN'],
    ['ABCDEFGHJKMN', 'ABCDEFGHJKMN'],
  ])('normalises %j to %s', (invoer, verwacht) => {
    expect(normaliseerCode(invoer)).toBe(verwacht);
  });

  it.each(['ABCD-EFGH-JKM', 'ABCD-EFGH-JKMNP', 'ABCD-EFGH-JKM0', 'ABCD-EFGH-JKMO', 'ABCD-EFGH-JKM1', 'ABCD-EFGH-JKMI', ''])('refuses %j', (invoer) => {
    expect(normaliseerCode(invoer)).toBeUndefined();
  });

  it('hashes with a key and the gemeente: the code is not in the hash, and matches only in its gemeente', () => {
    const sleutel = Buffer.from('k'.repeat(32));
    const hash = hashCode(sleutel, 'GM0637', 'ABCDEFGHJKMN');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('ABCDEFGHJKMN');
    expect(hashCode(sleutel, 'GM0637', 'ABCDEFGHJKMN')).toBe(hash);
    expect(hashCode(sleutel, 'GM0518', 'ABCDEFGHJKMN')).not.toBe(hash);
    expect(hashCode(Buffer.from('x'.repeat(32)), 'GM0637', 'ABCDEFGHJKMN')).not.toBe(hash);
  });

  describe('expiry, in Dutch time', () => {
    it('works through the whole last day', () => {
      // 23:30 Dutch winter time on 1 December is 22:30 UTC.
      expect(isVerlopen('2026-12-01', new Date('2026-12-01T22:30:00Z'))).toBe(false);
      // 00:30 Dutch time on 2 December is still 1 December in UTC, but the code has expired.
      expect(isVerlopen('2026-12-01', new Date('2026-12-01T23:30:00Z'))).toBe(true);
      expect(nederlandseDatum(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    });

    it('accepts a date from today up to a year ahead', () => {
      const nu = new Date('2026-11-27T10:00:00Z');
      expect(controleerVerlooptDatum('2026-11-27', nu)).toBeUndefined();
      expect(controleerVerlooptDatum('2027-11-27', nu)).toBeUndefined();
      expect(controleerVerlooptDatum('2026-11-26', nu)).toMatch(/verleden/);
      expect(controleerVerlooptDatum('2027-12-31', nu)).toMatch(/jaar/);
    });
  });

  describe('gebied', () => {
    it.each(['WK063701', 'BU06370101'])('accepts %s', (code) => expect(GEBIED_CODE_PATTERN.test(code)).toBe(true));
    it.each(['WK0637', 'WK06370101', 'BU063701', 'GM0637', 'wk063701', 'WK06370A', ''])('refuses %s', (code) => expect(GEBIED_CODE_PATTERN.test(code)).toBe(false));

    it('belongs to the gemeente named in its digits', () => {
      expect(gebiedHoortBijGemeente('WK063701', 'GM0637')).toBe(true);
      expect(gebiedHoortBijGemeente('BU06370101', 'GM0637')).toBe(true);
      expect(gebiedHoortBijGemeente('WK051801', 'GM0637')).toBe(false);
    });
  });

  it('validates a batch request', () => {
    const fouten = (p: unknown) => validateSync(plainToInstance(NieuweCodes, p)).map((e) => e.property).sort();
    expect(fouten({ gebied: 'WK063701', aantal: 100, verlooptDatum: '2027-01-31' })).toEqual([]);
    expect(fouten({ gebied: 'Centrum', aantal: 0, verlooptDatum: '2027-02-30' })).toEqual(['aantal', 'gebied', 'verlooptDatum']);
    expect(fouten({ gebied: 'WK063701', aantal: 5001, verlooptDatum: '2027-01-31T00:00:00Z' })).toEqual(['aantal', 'verlooptDatum']);
  });
});
