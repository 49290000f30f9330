import { besluitFouten, correctiesVan } from './besluit-regels';

const ORG = '5f0c2a8e-3b1d-4e6f-8a9b-1c2d3e4f5a6b';

describe('besluit-regels', () => {
  describe('besluitFouten', () => {
    it('accepts a college besluit of today or earlier', () => {
      expect(besluitFouten({ orgaan: 'college', datum: '2026-11-27' }, '2026-11-27')).toEqual([]);
      expect(besluitFouten({ orgaan: 'raad', datum: '2025-01-31' }, '2026-11-27')).toEqual([]);
    });

    it('needs the organisation for orgaan organisatie, and only then', () => {
      expect(besluitFouten({ orgaan: 'organisatie', organisatie: ORG, datum: '2026-11-01' }, '2026-11-27')).toEqual([]);
      expect(besluitFouten({ orgaan: 'organisatie', datum: '2026-11-01' }, '2026-11-27')).toEqual([expect.objectContaining({ name: 'organisatie', code: 'isNotEmpty' })]);
      expect(besluitFouten({ orgaan: 'tafel', organisatie: ORG, datum: '2026-11-01' }, '2026-11-27')).toEqual([expect.objectContaining({ name: 'organisatie', code: 'isEmpty' })]);
    });

    it('refuses a date after today, and names every problem at once', () => {
      expect(besluitFouten({ orgaan: 'college', datum: '2026-11-28' }, '2026-11-27')).toEqual([expect.objectContaining({ name: 'datum' })]);
      expect(besluitFouten({ orgaan: 'organisatie', datum: '2027-01-01' }, '2026-11-27').map((f) => f.name)).toEqual(['organisatie', 'datum']);
    });
  });

  it('correctiesVan maps each corrected besluit to its correction, a chain included', () => {
    const door = correctiesVan([{ id: 'a' }, { id: 'b', corrigeert: 'a' }, { id: 'c', corrigeert: 'b' }, { id: 'd', corrigeert: null }]);
    expect([...door.entries()]).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
  });
});
