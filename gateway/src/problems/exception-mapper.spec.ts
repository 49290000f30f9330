import { BadRequestException, HttpException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@samen/platform';
import { mapException } from './exception-mapper';

/** A request whose router knows the given routes (method → paths). */
function requestTo(method: string, url: string, routes: Record<string, string[]> = {}): FastifyRequest {
  const server = { findRoute: ({ method: m, url: u }: { method: string; url: string }) => (routes[m]?.includes(u) ? {} : null) };
  return { method, url, server } as unknown as FastifyRequest;
}

/** An error as Fastify raises it while reading a request. */
function fastifyError(code: string, statusCode: number): Error {
  return Object.assign(new Error(`fastify says ${code}`), { code, statusCode });
}

const anyRequest = requestTo('GET', '/api/v1/x');

describe('mapException', () => {
  it('keeps a DomainError as it is', () => {
    const error = new DomainError('BOUWSTEEN_TIMEOUT', 'te laat');
    expect(mapException(error, anyRequest)).toEqual({ error, headers: {}, unexpected: false });
  });

  it('adds a Bearer challenge to 401', () => {
    const mapped = mapException(new DomainError('UNAUTHENTICATED', 'token?'), anyRequest);
    expect(mapped.headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="samen"' });
  });

  it.each([
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'MALFORMED_REQUEST', 400],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'MALFORMED_REQUEST', 400],
    ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 'MALFORMED_REQUEST', 400],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'PAYLOAD_TOO_LARGE', 413],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'UNSUPPORTED_MEDIA_TYPE', 415],
    ['FST_ERR_SOMETHING_NEW', 400, 'MALFORMED_REQUEST', 400],
  ])('maps Fastify error %s to %s', (code, statusCode, expected, status) => {
    const { error, unexpected } = mapException(fastifyError(code, statusCode), anyRequest);
    expect(error.code).toBe(expected);
    expect(error.status).toBe(status);
    expect(unexpected).toBe(false);
    expect(error.message).not.toContain('fastify says');
  });

  it('maps a JSON SyntaxError that carries status 400 to MALFORMED_REQUEST', () => {
    const syntax = Object.assign(new SyntaxError('Unexpected token'), { statusCode: 400 });
    expect(mapException(syntax, anyRequest).error.code).toBe('MALFORMED_REQUEST');
  });

  it('maps an unknown route to 404', () => {
    const { error } = mapException(new NotFoundException('Cannot GET /api/v1/onbekend'), requestTo('GET', '/api/v1/onbekend'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).not.toContain('Cannot GET');
  });

  it('maps a known path with another method to 405 with Allow', () => {
    const routes = { GET: ['/api/v1/gemeenten/GM0637'], PUT: ['/api/v1/gemeenten/GM0637'] };
    const mapped = mapException(new NotFoundException(), requestTo('DELETE', '/api/v1/gemeenten/GM0637?x=1', routes));
    expect(mapped.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(mapped.headers).toEqual({ Allow: 'GET, PUT' });
  });

  it('sends a DomainError’s wait as Retry-After', () => {
    expect(mapException(DomainError.tooManyRequests('Te veel pogingen.', 90_500), anyRequest)).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' }, headers: { 'Retry-After': '91' } });
    expect(mapException(new DomainError('TOO_MANY_REQUESTS', 'Zonder wachttijd.'), anyRequest).headers).toEqual({});
  });

  it('maps the throttler to 429', () => {
    expect(mapException(new ThrottlerException(), anyRequest).error.code).toBe('TOO_MANY_REQUESTS');
  });

  it('maps a failing readiness check to 503 UNAVAILABLE', () => {
    expect(mapException(new ServiceUnavailableException({ status: 'error' }), anyRequest).error.code).toBe('UNAVAILABLE');
  });

  it('keeps a Nest 4xx a 4xx without its English message', () => {
    const { error } = mapException(new BadRequestException('Validation failed (uuid is expected)'), anyRequest);
    expect(error.code).toBe('MALFORMED_REQUEST');
    expect(error.message).not.toContain('uuid');
  });

  it.each([
    ['a plain Error', new Error('secret connection string postgres://x')],
    ['a Nest 500', new HttpException('db exploded', 500)],
    ['a Fastify 5xx', fastifyError('FST_ERR_CTP_INVALID_PARSE_TYPE', 500)],
    ['a thrown string', 'boom'],
    ['null', null],
  ])('maps %s to INTERNAL, marked for logging, without leaking its message', (_name, exception) => {
    const { error, unexpected } = mapException(exception, anyRequest);
    expect(error.code).toBe('INTERNAL');
    expect(error.status).toBe(500);
    expect(unexpected).toBe(true);
    expect(error.message).not.toMatch(/secret|exploded|boom/);
  });
});
