import { ERROR_CODES, type WireError } from '@samen/contracts';
import { DomainError } from './domain-error';

describe('DomainError', () => {
  it('takes its status from the code', () => {
    for (const [code, status] of Object.entries(ERROR_CODES)) {
      expect(new DomainError(code as keyof typeof ERROR_CODES, 'x').status).toBe(status);
    }
  });

  it('writes only what is set to the wire', () => {
    expect(new DomainError('NOT_FOUND', 'Weg.').toWire()).toEqual({ code: 'NOT_FOUND', status: 404, message: 'Weg.' });
    expect(DomainError.validation([]).toWire('c-1')).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: expect.any(String),
      correlationId: 'c-1',
    });
  });

  it('survives a round trip over the wire', () => {
    const original = DomainError.validation([{ name: 'code', code: 'matches', reason: 'GM0000' }]);
    const back = DomainError.fromWire(original.toWire('c-1'));
    expect(back).toBeInstanceOf(DomainError);
    expect(back.code).toBe('VALIDATION_FAILED');
    expect(back.status).toBe(400);
    expect(back.message).toBe(original.message);
    expect(back.invalidParams).toEqual(original.invalidParams);
  });

  it('carries what is allowed now with a conflict, over the wire and back', () => {
    const back = DomainError.fromWire(DomainError.conflict('Kan nu niet.', ['oplossingen', 'afgewezen']).toWire());
    expect(back.code).toBe('CONFLICT');
    expect(back.toegestaan).toEqual(['oplossingen', 'afgewezen']);
    expect(DomainError.conflict('Kan nu niet.', []).toWire().toegestaan).toEqual([]);
    expect(new DomainError('CONFLICT', 'x').toWire()).not.toHaveProperty('toegestaan');
  });

  it('carries when to try again with a 429, in whole seconds rounded up, over the wire and back', () => {
    const wire = DomainError.tooManyRequests('Te veel pogingen.', 1_500).toWire();
    expect(wire).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429, retryAfterSeconds: 2 });
    expect(DomainError.fromWire(wire).retryAfterSeconds).toBe(2);
    // Never 0 (that would say "now"), and nothing odd from the wire.
    expect(DomainError.tooManyRequests('x', 0).retryAfterSeconds).toBe(1);
    expect(DomainError.fromWire({ ...wire, retryAfterSeconds: -5 }).retryAfterSeconds).toBeUndefined();
    expect(DomainError.fromWire({ ...wire, retryAfterSeconds: 'soon' as unknown as number }).retryAfterSeconds).toBeUndefined();
    expect(new DomainError('TOO_MANY_REQUESTS', 'x').toWire()).not.toHaveProperty('retryAfterSeconds');
  });

  it('trusts the code, not the status, of a wire error', () => {
    expect(DomainError.fromWire({ code: 'NOT_FOUND', status: 200, message: 'x' }).status).toBe(404);
  });

  // A replacement bouwsteen (or a newer version) may send a code this build does not know;
  // it must not pass through as if it were part of the contract.
  it.each<[string, Partial<WireError> | undefined]>([
    ['an unknown code', { code: 'TEAPOT' as WireError['code'], status: 418, message: 'short and stout' }],
    ['no code', { status: 400, message: 'x' }],
    ['nothing', undefined],
  ])('maps %s to INTERNAL', (_what, wire) => {
    const error = DomainError.fromWire(wire);
    expect(error.code).toBe('INTERNAL');
    expect(error.status).toBe(500);
    expect(error.message).not.toContain('short and stout');
  });
});
