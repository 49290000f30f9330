import { canoniekeJson, hashVan, type KetenRij, NUL_HASH, verifieerKeten } from './tijdlijn-keten';

const VRAAGSTUK = '6f1c2a9e-0000-4000-8000-000000000001';

/** A valid chain of n entries, built the way Tijdlijn.voegToe builds them. */
function keten(n: number): KetenRij[] {
  const rijen: KetenRij[] = [];
  let vorigeHash = NUL_HASH;
  for (let volgnummer = 1; volgnummer <= n; volgnummer++) {
    const velden = {
      vraagstukId: VRAAGSTUK,
      volgnummer,
      tijdstip: new Date(Date.UTC(2026, 10, 27, 8, 0, volgnummer)).toISOString(),
      soort: volgnummer === 1 ? 'vraagstuk-aangemaakt' : 'fase-gewijzigd',
      actor: { pseudoniem: '4be1c07d93a2f5e86d10', segment: 'inwoner' },
      gegevens: { stap: volgnummer, tekst: `stap ${volgnummer}` },
      vorigeHash,
    };
    const rij = { ...velden, hash: hashVan(velden) };
    rijen.push(rij);
    vorigeHash = rij.hash;
  }
  return rijen;
}

/** Re-hashes a row and relinks everything after it, as someone covering their tracks would. */
function herbereken(rijen: KetenRij[], vanaf: number): KetenRij[] {
  const uit = rijen.map((rij) => ({ ...rij }));
  for (let index = vanaf; index < uit.length; index++) {
    const rij = uit[index]!;
    if (index > 0) rij.vorigeHash = uit[index - 1]!.hash;
    rij.hash = hashVan(rij);
  }
  return uit;
}

describe('canoniekeJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canoniekeJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives the same text whatever the key order', () => {
    expect(canoniekeJson({ x: 1, y: 2 })).toBe(canoniekeJson({ y: 2, x: 1 }));
  });

  it('leaves undefined properties out and escapes strings as JSON does', () => {
    expect(canoniekeJson({ a: undefined, b: 'é"\n' })).toBe('{"b":"é\\"\\n"}');
  });

  it('refuses what JSON cannot represent', () => {
    expect(() => canoniekeJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canoniekeJson(() => 1)).toThrow(TypeError);
  });
});

describe('hashVan', () => {
  it('is sha256 hex of the canonical JSON and changes with any field', () => {
    const [eerste] = keten(1);
    expect(eerste!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashVan({ ...eerste!, gegevens: { stap: 2, tekst: 'stap 1' } })).not.toBe(eerste!.hash);
    expect(hashVan({ ...eerste!, actor: null })).not.toBe(eerste!.hash);
    expect(hashVan({ ...eerste!, tijdstip: '2026-11-27T08:00:01.001Z' })).not.toBe(eerste!.hash);
  });

  it('does not depend on key order inside gegevens', () => {
    const [eerste] = keten(1);
    expect(hashVan({ ...eerste!, gegevens: { tekst: 'stap 1', stap: 1 } })).toBe(eerste!.hash);
  });
});

describe('verifieerKeten', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(verifieerKeten(keten(5))).toEqual({ geldig: true, aantal: 5 });
    expect(verifieerKeten([])).toEqual({ geldig: true, aantal: 0 });
  });

  it('names the entry whose gegevens changed (hash)', () => {
    const rijen = keten(5);
    rijen[2] = { ...rijen[2]!, gegevens: { stap: 3, tekst: 'anders' } };
    expect(verifieerKeten(rijen)).toEqual({ geldig: false, aantal: 5, eersteFout: { volgnummer: 3, reden: 'hash' } });
  });

  it('names the entry after one whose gegevens and hash were both changed (keten)', () => {
    const rijen = keten(5);
    rijen[2] = { ...rijen[2]!, gegevens: { stap: 3, tekst: 'anders' } };
    rijen[2].hash = hashVan(rijen[2]);
    // Entry 3 is self-consistent now; entry 4 no longer points at it.
    expect(verifieerKeten(rijen).eersteFout).toEqual({ volgnummer: 4, reden: 'keten' });
  });

  it('names an entry whose stored hash was changed (hash)', () => {
    const rijen = keten(4);
    rijen[1] = { ...rijen[1]!, hash: 'f'.repeat(64) };
    expect(verifieerKeten(rijen).eersteFout).toEqual({ volgnummer: 2, reden: 'hash' });
  });

  it('names the first entry after a removed one (volgnummer), even when later hashes were relinked', () => {
    const rijen = keten(5);
    rijen.splice(2, 1);
    expect(verifieerKeten(rijen)).toEqual({ geldig: false, aantal: 4, eersteFout: { volgnummer: 4, reden: 'volgnummer' } });
    expect(verifieerKeten(herbereken(rijen, 2)).eersteFout).toEqual({ volgnummer: 4, reden: 'volgnummer' });
  });

  it('names a removed entry that was renumbered and relinked by its successor (keten is not enough: hash)', () => {
    const rijen = keten(5);
    rijen.splice(2, 1);
    const hernummerd = rijen.map((rij, index) => ({ ...rij, volgnummer: index + 1 }));
    // Renumbered but not re-hashed: the old hash of what is now entry 3 no longer matches.
    const uitkomst = verifieerKeten(hernummerd);
    expect(uitkomst.eersteFout?.volgnummer).toBe(3);
  });

  it('names the first entry of a reordered pair', () => {
    const rijen = keten(5);
    [rijen[1], rijen[2]] = [rijen[2]!, rijen[1]!];
    expect(verifieerKeten(rijen).eersteFout).toEqual({ volgnummer: 3, reden: 'volgnummer' });
  });

  it('names a first entry that does not start from the zero hash', () => {
    const rijen = keten(2);
    rijen[0] = { ...rijen[0]!, vorigeHash: '1'.repeat(64) };
    expect(verifieerKeten(rijen).eersteFout).toEqual({ volgnummer: 1, reden: 'keten' });
  });
});
