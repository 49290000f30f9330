import { headers as natsHeaders, type MsgHdrs } from 'nats';
import { CONTEXT_HEADERS } from '@samen/contracts';
import { DomainError } from '../errors/domain-error';
import { correlationIdFrom, readMessageContext } from './message-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function hdrs(values: Record<string, string>): MsgHdrs {
  const h = natsHeaders();
  for (const [k, v] of Object.entries(values)) h.set(k, v);
  return h;
}

describe('readMessageContext', () => {
  it('without headers: anonymous, no gemeente, a fresh correlation id', () => {
    const context = readMessageContext(undefined);
    expect(context).toEqual({ correlationId: expect.stringMatching(UUID) });
    expect(readMessageContext(undefined).correlationId).not.toBe(context.correlationId);
  });

  it('keeps the caller correlation id, gemeente and bearer token', () => {
    const context = readMessageContext(
      hdrs({
        [CONTEXT_HEADERS.correlationId]: 'req-42:abc.def_1',
        [CONTEXT_HEADERS.gemeente]: 'GM0637',
        [CONTEXT_HEADERS.authorization]: 'Bearer eyJhbGciOi.eyJzdWIi.c2ln',
      }),
    );
    expect(context).toEqual({ correlationId: 'req-42:abc.def_1', gemeente: 'GM0637', accessToken: 'eyJhbGciOi.eyJzdWIi.c2ln' });
  });

  it.each(['bearer abc', 'BEARER abc', 'Bearer   abc'])('parses the scheme case-insensitively: %s', (value) => {
    expect(readMessageContext(hdrs({ [CONTEXT_HEADERS.authorization]: value })).accessToken).toBe('abc');
  });

  it.each(['Basic dXNlcjpwdw==', 'Bearer', 'Bearer a b', 'abc'])('carries no token for %j', (value) => {
    expect(readMessageContext(hdrs({ [CONTEXT_HEADERS.authorization]: value }))).not.toHaveProperty('accessToken');
  });

  it.each(['gm0637', 'GM637', 'GM06370', 'Zoetermeer', 'GM 0637', '*'])('rejects gemeente %j with UNKNOWN_GEMEENTE', (gemeente) => {
    let thrown: unknown;
    try {
      readMessageContext(hdrs({ [CONTEXT_HEADERS.gemeente]: gemeente }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe('UNKNOWN_GEMEENTE');
    expect((thrown as DomainError).status).toBe(400);
  });

  // A correlation id ends up in every log line; one that could forge or break a line is replaced.
  it.each(['has spaces', 'line\nbreak', 'x'.repeat(101), '{"json":1}', ''])('replaces an unsafe correlation id %j', (id) => {
    expect(correlationIdFrom(id)).toMatch(UUID);
  });

  it('keeps a safe correlation id of up to 100 characters', () => {
    expect(correlationIdFrom('x'.repeat(100))).toBe('x'.repeat(100));
    expect(correlationIdFrom(42)).toMatch(UUID);
  });
});
