import { type ErrorCode, type InvalidParam, type WireError, isErrorCode, statusOf } from '@samen/contracts';

/**
 * The one error type a bouwsteen throws for a known case. Its code comes from the closed list in
 * libs/contracts, so the gateway (and any replacement service) maps it the same way.
 */
export class DomainError extends Error {
  readonly status: number;
  /** With a CONFLICT about state: what is allowed now (see {@link DomainError.conflict}). */
  toegestaan?: readonly string[];
  /** With TOO_MANY_REQUESTS: whole seconds until a new try can succeed (see {@link DomainError.tooManyRequests}). */
  retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly invalidParams?: InvalidParam[],
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = statusOf(code);
  }

  static validation(invalidParams: InvalidParam[]): DomainError {
    return new DomainError('VALIDATION_FAILED', 'De invoer klopt niet; zie de lijst met ongeldige invoer.', invalidParams);
  }

  /** A 409 that also names, machine-readably, what can be done now (clients offer those as choices). */
  static conflict(message: string, toegestaan?: readonly string[]): DomainError {
    const error = new DomainError('CONFLICT', message);
    if (toegestaan) error.toegestaan = [...toegestaan];
    return error;
  }

  /** A 429 that says when to try again: the gateway sends it as Retry-After, a client can count down. */
  static tooManyRequests(message: string, retryAfterMs: number): DomainError {
    const error = new DomainError('TOO_MANY_REQUESTS', message);
    error.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    return error;
  }

  static notFound(what: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} bestaat niet.`);
  }

  toWire(correlationId?: string): WireError {
    return {
      code: this.code,
      status: this.status,
      message: this.message,
      ...(this.invalidParams?.length ? { invalidParams: this.invalidParams } : {}),
      ...(this.toegestaan ? { toegestaan: [...this.toegestaan] } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
      ...(correlationId ? { correlationId } : {}),
    };
  }

  /** Rebuilds an error that came over the wire; an unknown code is treated as INTERNAL. */
  static fromWire(wire: Partial<WireError> | undefined): DomainError {
    if (wire && isErrorCode(wire.code)) {
      const error = new DomainError(wire.code, String(wire.message ?? wire.code), wire.invalidParams);
      if (Array.isArray(wire.toegestaan)) error.toegestaan = wire.toegestaan.map(String);
      if (Number.isInteger(wire.retryAfterSeconds) && (wire.retryAfterSeconds as number) > 0) error.retryAfterSeconds = wire.retryAfterSeconds;
      return error;
    }
    return new DomainError('INTERNAL', 'De bouwsteen gaf een onbekende fout terug.');
  }
}
