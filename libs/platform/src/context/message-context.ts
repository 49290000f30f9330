import { randomUUID } from 'node:crypto';
import type { MsgHdrs } from 'nats';
import { CONTEXT_HEADERS, GEMEENTE_CODE_PATTERN, type MessageContext } from '@samen/contracts';
import { DomainError } from '../errors/domain-error';

export const MESSAGE_CONTEXT = 'samen.messageContext';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** A caller-supplied correlation id if it is harmless to log, else a fresh one. */
export function correlationIdFrom(candidate: unknown): string {
  return typeof candidate === 'string' && CORRELATION_ID.test(candidate) ? candidate : randomUUID();
}

/**
 * Reads the message context from NATS headers. Nothing is trusted for being on the bus: the
 * gemeente must look like a CBS code, and the token is only carried here; whoever acts on it
 * verifies it (DESIGN rule 4).
 */
export function readMessageContext(headers: MsgHdrs | undefined): MessageContext {
  const gemeente = headers?.get(CONTEXT_HEADERS.gemeente) || undefined;
  if (gemeente !== undefined && !GEMEENTE_CODE_PATTERN.test(gemeente)) {
    throw new DomainError('UNKNOWN_GEMEENTE', 'De gemeente moet een CBS-code zijn, zoals GM0637.');
  }
  const authorization = headers?.get(CONTEXT_HEADERS.authorization) || '';
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  return {
    correlationId: correlationIdFrom(headers?.get(CONTEXT_HEADERS.correlationId)),
    ...(gemeente ? { gemeente } : {}),
    ...(token ? { accessToken: token } : {}),
  };
}
