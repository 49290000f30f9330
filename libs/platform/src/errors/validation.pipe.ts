import { ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';
import { toInvalidParams } from './invalid-params';
import { cacheValidationMetadata } from './validation-metadata-cache';

/**
 * The one validation pipe of the suite, for HTTP bodies in the gateway and for payloads inside
 * every service: unknown fields are refused, and all problems come back in one coded error.
 */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => DomainError.validation(toInvalidParams(errors)),
  });
}
