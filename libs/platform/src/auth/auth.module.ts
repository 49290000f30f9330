import { randomUUID } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { SLEUTEL_SUBJECTS, type Jwks } from '@samen/contracts';
import { BouwsteenClient } from '../nats/bouwsteen-client';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

/**
 * Token verification for every process: identity's public keys come over NATS, like everything
 * else, also inside identity itself. Register {@link AuthGuard} as APP_GUARD beside it.
 */
@Global()
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [BouwsteenClient],
      useFactory: (client: BouwsteenClient) => new TokenVerifier(() => client.request<Jwks>(SLEUTEL_SUBJECTS.jwks, {}, { correlationId: randomUUID() })),
    },
    AuthGuard,
  ],
  exports: [TokenVerifier, AuthGuard],
})
export class AuthModule {}
