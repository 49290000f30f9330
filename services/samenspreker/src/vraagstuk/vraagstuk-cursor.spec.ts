import { DomainError } from '@samen/platform';
import { leesCursor, maakCursor } from './vraagstuk-cursor';

describe('vraagstuk-cursor', () => {
  it('reads back what it made', () => {
    const cursor = { tijdstip: new Date('2026-11-27T08:00:00.123Z'), id: '0b9d6c1e-1111-4222-8333-444455556666' };
    expect(leesCursor(maakCursor(cursor))).toEqual(cursor);
  });

  it.each(['', 'bm9n', Buffer.from('["x","y"]').toString('base64url'), Buffer.from('["2026-11-27T08:00:00Z","nope"]').toString('base64url')])(
    'refuses %p as VALIDATION_FAILED',
    (na) => {
      expect(() => leesCursor(na)).toThrow(DomainError);
    },
  );
});
