import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost } from '@nestjs/core';
import { RpcException } from '@nestjs/microservices';
import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ClsService } from 'nestjs-cls';
import { throwError, type Observable } from 'rxjs';
import type { WireError } from '@samen/contracts';
import { DomainError } from './domain-error';

/**
 * Turns whatever a message handler throws into a coded {@link WireError}. Known cases keep their
 * code; a surprise becomes INTERNAL, is logged once with the correlation id, and never leaks its
 * message (which may hold data) to the caller. Nest's own filter would answer
 * "Internal server error" for HttpExceptions without logging them (nestjs-notes §0.3).
 */
@Catch()
export class RpcErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('RpcErrorFilter');
  private readonly httpFilter: BaseExceptionFilter;

  constructor(
    private readonly cls: ClsService,
    adapterHost: HttpAdapterHost,
  ) {
    this.httpFilter = new BaseExceptionFilter(adapterHost.httpAdapter);
  }

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() !== 'rpc') return this.httpFilter.catch(exception, host);
    return throwError(() => this.toWire(exception));
  }

  toWire(exception: unknown): WireError {
    // Already a wire error (a handler passing on another bouwsteen's refusal keeps its code).
    if (exception instanceof RpcException && isWireError(exception.getError())) return exception.getError() as WireError;
    const correlationId = this.cls.isActive() ? this.cls.getId() : undefined;
    return toDomainError(exception, this.logger).toWire(correlationId);
  }
}

function isWireError(value: unknown): value is WireError {
  return typeof value === 'object' && value !== null && 'code' in value && 'status' in value && 'message' in value;
}

export function toDomainError(exception: unknown, logger?: Logger): DomainError {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof RpcException) {
    const error = exception.getError();
    if (typeof error === 'object' && error !== null) return DomainError.fromWire(error as Partial<WireError>);
  }
  if (exception instanceof UniqueConstraintViolationException) {
    return new DomainError('CONFLICT', 'Dit bestaat al.');
  }
  if (exception instanceof DriverException && isConnectionFailure(exception)) {
    logger?.error({ err: exception }, 'database unavailable');
    return new DomainError('UNAVAILABLE', 'De database is tijdelijk niet bereikbaar.');
  }
  if (exception instanceof HttpException) {
    // A Nest HTTP exception inside a service is a programming slip; keep its status class.
    logger?.warn({ err: exception }, 'HttpException thrown in a message handler; throw a DomainError');
  }
  logger?.error({ err: exception }, 'unexpected error in message handler');
  return new DomainError('INTERNAL', 'Er ging iets onverwachts mis. Vermeld het correlation-id bij een melding.');
}

function isConnectionFailure(error: DriverException): boolean {
  // 53300 too_many_connections: the database is full (max_connections, or a limit on the
  // database or role); as transient as a refused connection, so 503 rather than 500.
  return ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08001', '53300'].includes(String(error.code));
}
