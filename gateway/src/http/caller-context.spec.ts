import type { FastifyRequest } from 'fastify';
import { DomainError } from '@samen/platform';
import { bearerToken, callerContext } from './caller-context';

function request(headers: Record<string, string | string[]>): FastifyRequest {
  return { id: 'corr-7', headers } as unknown as FastifyRequest;
}

describe('callerContext', () => {
  it('carries the correlation id, the gemeente and the bearer token', () => {
    expect(callerContext(request({ 'samen-gemeente': 'GM0637', authorization: 'Bearer abc.def' }))).toEqual({
      correlationId: 'corr-7',
      gemeente: 'GM0637',
      accessToken: 'abc.def',
    });
  });

  it('leaves out what the caller did not send', () => {
    expect(callerContext(request({}))).toEqual({ correlationId: 'corr-7' });
    expect(callerContext(request({ 'samen-gemeente': '' }))).toEqual({ correlationId: 'corr-7' });
  });

  it.each([['GM637'], ['gm0637'], ['GM0637 '], [['GM0637', 'GM0638']]])('refuses Samen-Gemeente %j with a 400 naming the header', (value) => {
    let thrown: unknown;
    try {
      callerContext(request({ 'samen-gemeente': value }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, invalidParams: [{ name: 'Samen-Gemeente', code: 'matches' }] });
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['Basic YWJj', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    [undefined, undefined],
  ])('%j → %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
