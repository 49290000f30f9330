/**
 * The closed list of error codes. A code is stable: clients and other bouwstenen may branch on
 * it. Add codes, never rename or reuse one. The HTTP status is part of the contract, so the
 * gateway and every replacement service map a code the same way.
 */
export const ERROR_CODES = {
  /** The input does not match the contract; `invalidParams` says where. */
  VALIDATION_FAILED: 400,
  /** The message or body could not be parsed at all. */
  MALFORMED_REQUEST: 400,
  /** The gemeente header or token names no gemeente that this suite serves. */
  UNKNOWN_GEMEENTE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  /** The request conflicts with the current state (duplicate, wrong phase, stale version). */
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The input is well-formed but breaks a domain rule. */
  RULE_VIOLATED: 422,
  TOO_MANY_REQUESTS: 429,
  /** Something unexpected; the correlation id leads to the log line. */
  INTERNAL: 500,
  /** The bouwsteen that owns the route is not running (no responder). */
  BOUWSTEEN_ABSENT: 503,
  /** A dependency (database, NATS) is unavailable. */
  UNAVAILABLE: 503,
  /** The bouwsteen did not answer within the time limit. */
  BOUWSTEEN_TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code];
}

/** One invalid input field, as in RFC 9457 `invalid-params` (ZGW style). */
export interface InvalidParam {
  /** Dotted path of the field, e.g. `gebied.code`, or the query key. */
  name: string;
  /** Machine-readable reason, e.g. `isNotEmpty`. */
  code: string;
  /** Human-readable reason, Dutch first. */
  reason: string;
}

/** The error as it travels over NATS, inside a {@link Reply}. */
export interface WireError {
  code: ErrorCode;
  status: number;
  /** Human-readable, Dutch, safe to show to an end user. */
  message: string;
  invalidParams?: InvalidParam[];
  /** With a CONFLICT about state: what can be done now instead (e.g. the phase transitions allowed now), machine-readable. */
  toegestaan?: string[];
  /** With TOO_MANY_REQUESTS: whole seconds until trying again can succeed (HTTP: the Retry-After header). */
  retryAfterSeconds?: number;
  correlationId?: string;
}
