import type { FastifyCorsOptions, FastifyCorsOptionsDelegateCallback } from '@fastify/cors';
import { CONTEXT_HEADERS } from '@samen/contracts';
import { API_PREFIX } from './api-version';

const OPENAPI_PATH = `${API_PREFIX}/openapi.json`;

/**
 * CORS per ADR /core/transport/cors: the OpenAPI document is open to every origin; the rest of
 * the API only to the browser origins in CORS_ORIGINS (none by default).
 */
export function corsOptions(allowedOrigins: readonly string[]): FastifyCorsOptions {
  const open: FastifyCorsOptions = { origin: '*', methods: ['GET'] };
  const restricted: FastifyCorsOptions = {
    origin: allowedOrigins.length > 0 ? [...allowedOrigins] : false,
    methods: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', CONTEXT_HEADERS.gemeente, CONTEXT_HEADERS.correlationId],
    exposedHeaders: ['API-Version', CONTEXT_HEADERS.correlationId, 'Retry-After'],
    maxAge: 600,
  };
  const delegator: FastifyCorsOptionsDelegateCallback = (request, callback) => {
    callback(null, request.url.split('?', 1)[0] === OPENAPI_PATH ? open : restricted);
  };
  return { delegator };
}
