import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CONTEXT_HEADERS, GEMEENTE_CODE_PATTERN, type MessageContext } from '@samen/contracts';
import { DomainError, grantOf } from '@samen/platform';

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
}

/**
 * The message context of an HTTP request (DESIGN rule 4): the correlation id, the gemeente from
 * the `Samen-Gemeente` header (checked here, so a bad one is a 400 and never reaches a bouwsteen)
 * and the caller's bearer token, which the bouwsteen that acts on it verifies.
 */
export function callerContext(request: FastifyRequest): MessageContext {
  const gemeente = request.headers[CONTEXT_HEADERS.gemeente.toLowerCase()] || undefined;
  if (gemeente !== undefined && (typeof gemeente !== 'string' || !GEMEENTE_CODE_PATTERN.test(gemeente))) {
    throw DomainError.validation([
      {
        name: CONTEXT_HEADERS.gemeente,
        code: 'matches',
        reason: `${CONTEXT_HEADERS.gemeente} moet een CBS-code zijn: GM gevolgd door vier cijfers (bijv. GM0637).`,
      },
    ]);
  }
  const accessToken = bearerToken(request.headers.authorization);
  // Without a Samen-Gemeente header, a verified token's gemeente is the one the request acts in.
  const acting = gemeente ?? grantOf(request)?.gemeente;
  return {
    // request.id is the correlation id (see genReqId in create-gateway.ts).
    correlationId: request.id,
    ...(acting ? { gemeente: acting } : {}),
    ...(accessToken ? { accessToken } : {}),
  };
}

/** `handler(@CallerContext() context: MessageContext)`: the context to send with every NATS request. */
export const CallerContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): MessageContext => callerContext(context.switchToHttp().getRequest<FastifyRequest>()),
);

/** Documents the request header that {@link CallerContext} reads and checks (a bad one is a 400). */
export function ApiCallerContext(): ClassDecorator & MethodDecorator {
  return ApiHeader({
    name: CONTEXT_HEADERS.gemeente,
    required: false,
    description: 'CBS-code van de gemeente namens wie het verzoek gaat: GM en vier cijfers.',
    schema: { type: 'string', pattern: GEMEENTE_CODE_PATTERN.source, example: 'GM0637' },
  });
}
