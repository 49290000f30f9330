import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@samen/platform';
import { GatewayEnv } from '../config/gateway-env';
import { bearerToken } from '../http/caller-context';

/**
 * Platform administration (setting up gemeenten) with the bootstrap credential SAMEN_ADMIN_TOKEN.
 * This is a stop-gap until accounts and JWTs from identity arrive (issue 3); then this guard
 * gives way to role checks on a verified token.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(env: GatewayEnv) {
    this.expected = env.SAMEN_ADMIN_TOKEN === undefined ? undefined : digest(env.SAMEN_ADMIN_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) {
      throw new DomainError('FORBIDDEN', 'Beheer via de API staat op deze installatie uit.');
    }
    const presented = bearerToken(context.switchToHttp().getRequest<FastifyRequest>().headers.authorization);
    // Compare digests: equal length whatever was sent, and constant time, so the response time
    // tells nothing about how much of the token was right.
    if (presented === undefined || !timingSafeEqual(digest(presented), this.expected)) {
      throw new DomainError('UNAUTHENTICATED', 'Stuur een geldig beheertoken mee: Authorization: Bearer <token>.');
    }
    return true;
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
