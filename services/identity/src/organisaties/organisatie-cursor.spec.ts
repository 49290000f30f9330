import { DomainError } from '@samen/platform';
import { leesCursor, maakCursor } from './organisatie-cursor';

describe('organisatie-cursor', () => {
  it('round-trips the sort key, also with odd names', () => {
    const cursor = { naam: "Vereniging 't Oosten, \"Ons Dorp\" & co", id: '0b9d6c1e-5d1f-4c1a-9f57-2f1c4e3a8b90' };
    const na = maakCursor(cursor);
    expect(na).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(leesCursor(na)).toEqual(cursor);
  });

  it.each(['', 'bm9n', Buffer.from('["a"]').toString('base64url'), Buffer.from('["a","niet-een-id"]').toString('base64url'), Buffer.from('{"naam":"a"}').toString('base64url')])(
    'refuses %j as VALIDATION_FAILED on na',
    (na) => {
      let fout: unknown;
      try {
        leesCursor(na);
      } catch (error) {
        fout = error;
      }
      expect(fout).toBeInstanceOf(DomainError);
      expect((fout as DomainError).invalidParams?.[0]?.name).toBe('na');
    },
  );
});
