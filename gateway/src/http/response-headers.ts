import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONTEXT_HEADERS } from '@samen/contracts';
import { API_PREFIX, API_VERSION } from './api-version';

/** Where the interactive documentation lives; the only HTML the gateway serves. */
const DOCUMENTATION_PATH = `${API_PREFIX}/documentatie`;

/** Security headers of ADR /core/transport/security-headers, for every response. */
const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
} as const;

/** JSON needs no sources at all. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The Swagger UI page loads only its own scripts, styles and the OpenAPI document. Swagger UI's
 * React components set inline styles, hence 'unsafe-inline' for styles (never for scripts).
 * It may not be framed either.
 */
const DOCUMENTATION_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function isDocumentation(request: FastifyRequest): boolean {
  const path = request.url.split('?', 1)[0];
  return path === DOCUMENTATION_PATH || path.startsWith(`${DOCUMENTATION_PATH}/`);
}

/** API-Version, the correlation id and the security headers (ADR /core/version-header, /core/transport/security-headers). */
export function setResponseHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('API-Version', API_VERSION);
  // request.id is the correlation id (see genReqId in create-gateway.ts).
  reply.header(CONTEXT_HEADERS.correlationId, request.id);
  // A route may allow caching of public, non-personal data (GET /sleutels); everything else is no-store.
  const cacheControl = reply.getHeader('Cache-Control');
  reply.headers(SECURITY_HEADERS);
  if (typeof cacheControl === 'string' && cacheControl.startsWith('public') && reply.statusCode === 200) reply.header('Cache-Control', cacheControl);
  reply.header('Content-Security-Policy', isDocumentation(request) ? DOCUMENTATION_CSP : API_CSP);
}

/**
 * Sets the headers in one `onSend` hook, so that every response gets them: Nest's answers, the
 * problem filter's, and errors that Fastify raises before Nest sees the request (unknown route,
 * body too large, bad JSON, wrong media type). Only the router's own errors bypass it (see
 * frameworkErrors in create-gateway.ts).
 */
export function installResponseHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    setResponseHeaders(request, reply);
    done(null, payload);
  });
}
