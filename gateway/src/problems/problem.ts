import type { ErrorCode, InvalidParam } from '@samen/contracts';
import type { DomainError } from '@samen/platform';
import { PROBLEM_TEXTS } from './problem-texts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An RFC 9457 problem, with the suite's error code and correlation id as extension members. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  correlationId: string;
  'invalid-params'?: InvalidParam[];
  /** With a 409 about state: what is allowed now (e.g. the phase transitions), so a client can offer those. */
  toegestaan?: string[];
}

/** `VALIDATION_FAILED` → `urn:samen:probleem:validation-failed`: stable, like the code itself. */
export function problemType(code: ErrorCode): string {
  return `urn:samen:probleem:${code.toLowerCase().replace(/_/g, '-')}`;
}

/**
 * The one place an error becomes a problem body. The detail is the error's own message: a
 * DomainError's message is written to be shown (Dutch, no internals).
 */
export function toProblem(error: DomainError, instance: string, correlationId: string): Problem {
  return {
    type: problemType(error.code),
    title: PROBLEM_TEXTS[error.code].title,
    status: error.status,
    detail: error.message,
    instance,
    code: error.code,
    correlationId,
    ...(error.invalidParams?.length ? { 'invalid-params': error.invalidParams } : {}),
    ...(error.toegestaan ? { toegestaan: [...error.toegestaan] } : {}),
  };
}
