import { randomUUID } from 'node:crypto';
import { ontsleutelBonnetje, versleutelBonnetje } from './idempotentie';

describe('retry record of a cast', () => {
  const stemmingId = randomUUID();
  const accountId = randomUUID();
  const sleutel = randomUUID();

  it('gives the receipt back with the same Idempotency-Key only', () => {
    const versleuteld = versleutelBonnetje('7K2M-AAAA-BBBB-CCCC-DDDD-EEEE-FFF0', sleutel, stemmingId, accountId);
    expect(versleuteld).not.toContain('7K2M');
    expect(ontsleutelBonnetje(versleuteld, sleutel, stemmingId, accountId)).toBe('7K2M-AAAA-BBBB-CCCC-DDDD-EEEE-FFF0');
    expect(ontsleutelBonnetje(versleuteld, randomUUID(), stemmingId, accountId)).toBeUndefined();
    // Bound to the account and stemming too: a record copied to another row does not open.
    expect(ontsleutelBonnetje(versleuteld, sleutel, stemmingId, randomUUID())).toBeUndefined();
  });

  it('encrypts the same receipt differently each time', () => {
    expect(versleutelBonnetje('X', sleutel, stemmingId, accountId)).not.toBe(versleutelBonnetje('X', sleutel, stemmingId, accountId));
  });
});
