import { BONNETJE_PATTERN } from '@samen/contracts';
import { controleerBonnetje, isGeldigBonnetje, nieuwBonnetje, normaliseerBonnetje } from './bonnetje';

const ALFABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const zonderStreepjes = (code: string): string => code.replace(/-/g, '');
const metStreepjes = (tekens: string): string => tekens.match(/.{4}/g)!.join('-');

describe('bonnetje', () => {
  const codes = Array.from({ length: 2000 }, nieuwBonnetje);

  it('is seven groups of four Crockford base32 characters with a valid check character', () => {
    for (const code of codes) {
      expect(code).toMatch(BONNETJE_PATTERN);
      expect(isGeldigBonnetje(code)).toBe(true);
    }
  });

  it('is random: no two of 2000 alike, and every character of the alphabet is used in every position', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (let positie = 0; positie < 27; positie++) {
      expect(new Set(codes.map((c) => zonderStreepjes(c)[positie])).size).toBe(32);
    }
  });

  it('catches every single mistyped character', () => {
    for (const code of codes.slice(0, 20)) {
      const tekens = zonderStreepjes(code);
      for (let positie = 0; positie < tekens.length; positie++) {
        for (const ander of ALFABET) {
          if (ander === tekens[positie]) continue;
          const fout = metStreepjes(tekens.slice(0, positie) + ander + tekens.slice(positie + 1));
          expect(isGeldigBonnetje(fout)).toBe(false);
        }
      }
    }
  });

  it('catches almost every swap of two different neighbouring characters', () => {
    let swaps = 0;
    let gemist = 0;
    for (const code of codes) {
      const tekens = zonderStreepjes(code);
      for (let i = 0; i + 1 < tekens.length; i++) {
        if (tekens[i] === tekens[i + 1]) continue;
        swaps++;
        if (isGeldigBonnetje(metStreepjes(tekens.slice(0, i) + tekens[i + 1] + tekens[i] + tekens.slice(i + 2)))) gemist++;
      }
    }
    // Luhn mod 32 misses only a swap of the characters 0 and Z (values 0 and 31), as Luhn mod 10
    // misses 09 ↔ 90: about one swap of different characters in five hundred.
    expect(gemist / swaps).toBeLessThan(0.005);
  });

  it('normalises what a voter types: case, spaces, dashes, O for 0, I and L for 1', () => {
    const code = codes[0]!;
    const getypt = zonderStreepjes(code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l').match(/.{1,7}/g)!.join(' ');
    expect(normaliseerBonnetje(getypt)).toBe(code);
    expect(normaliseerBonnetje('abc')).toBeUndefined();
    expect(normaliseerBonnetje(`${zonderStreepjes(code).slice(0, 27)}U`)).toBeUndefined();
  });

  it('looks a code up in a published list: found, not found, or a typo', () => {
    const [mijn, ander, nooit] = codes as [string, string, string];
    expect(controleerBonnetje(mijn.toLowerCase(), [ander, mijn])).toBe('gevonden');
    expect(controleerBonnetje(nooit, [ander, mijn])).toBe('niet-gevonden');
    const tikfout = zonderStreepjes(mijn);
    const verkeerd = tikfout.slice(0, 5) + (tikfout[5] === 'A' ? 'B' : 'A') + tikfout.slice(6);
    expect(controleerBonnetje(verkeerd, [mijn])).toBe('tikfout');
    expect(controleerBonnetje('', [mijn])).toBe('tikfout');
  });

  it('accepts only the grouped upper-case form as valid', () => {
    const code = codes[0]!;
    expect(isGeldigBonnetje(zonderStreepjes(code))).toBe(false);
    expect(isGeldigBonnetje(code.toLowerCase())).toBe(false);
  });
});
