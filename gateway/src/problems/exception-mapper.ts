import { HttpException, NotFoundException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { PROBLEM_TEXTS } from './problem-texts';

export interface MappedError {
  error: DomainError;
  /** Headers the status needs (RFC 9110: `Allow` with 405, RFC 6750: `WWW-Authenticate` with 401). */
  headers: Record<string, string>;
  /** Not a known case: log it, with the correlation id, so the 500 can be traced. */
  unexpected: boolean;
}

/** Errors Fastify raises while reading the request, before Nest sees it. */
const FASTIFY_ERRORS: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/** For a 4xx from Nest or Fastify that carries only a status. */
const CLIENT_ERRORS: Readonly<Record<number, ErrorCode>> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'RULE_VIOLATED',
  429: 'TOO_MANY_REQUESTS',
};

const ROUTABLE_METHODS = ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'] as const;

/**
 * The one mapping from anything thrown while handling an HTTP request to a coded DomainError.
 * Input the client got wrong is always a 4xx; only what we did not foresee is a 500, and its
 * message never reaches the client.
 */
export function mapException(exception: unknown, request: FastifyRequest): MappedError {
  if (exception instanceof DomainError) {
    const headers = exception.code === 'UNAUTHENTICATED' ? bearerChallenge() : exception.retryAfterSeconds ? { 'Retry-After': String(exception.retryAfterSeconds) } : {};
    return { error: exception, headers, unexpected: false };
  }
  if (exception instanceof NotFoundException) return notFound(request);
  const status = statusOf(exception);
  const fastifyCode = FASTIFY_ERRORS[codeOf(exception) ?? ''];
  if (fastifyCode) return known(fastifyCode);
  if (status === 503 && exception instanceof HttpException) return known('UNAVAILABLE'); // terminus: not ready
  if (status !== undefined && status >= 400 && status < 500) return known(CLIENT_ERRORS[status] ?? 'MALFORMED_REQUEST');
  return { error: fromCode('INTERNAL'), headers: {}, unexpected: true };
}

function known(code: ErrorCode): MappedError {
  return { error: fromCode(code), headers: code === 'UNAUTHENTICATED' ? bearerChallenge() : {}, unexpected: false };
}

function fromCode(code: ErrorCode): DomainError {
  return new DomainError(code, PROBLEM_TEXTS[code].detail);
}

function bearerChallenge(): Record<string, string> {
  return { 'WWW-Authenticate': 'Bearer realm="samen"' };
}

/** A path that exists with other methods is a 405 with `Allow`, not a 404. */
function notFound(request: FastifyRequest): MappedError {
  const path = request.url.split('?', 1)[0];
  const allowed = ROUTABLE_METHODS.filter((method) => request.server.findRoute({ method, url: path }) !== null);
  if (allowed.length === 0 || allowed.includes(request.method as (typeof ROUTABLE_METHODS)[number])) return known('NOT_FOUND');
  return { error: fromCode('METHOD_NOT_ALLOWED'), headers: { Allow: allowed.join(', ') }, unexpected: false };
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function codeOf(exception: unknown): string | undefined {
  const code = (exception as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
