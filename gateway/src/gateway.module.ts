import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthGuard, AuthModule, ClsContextModule, createValidationPipe, LoggingModule, NatsModule } from '@samen/platform';
import { BouwstenenModule } from './bouwstenen/bouwstenen.module';
import { GatewayEnv } from './config/gateway-env';
import { HealthController } from './health/health.controller';
import { IdentityModule } from './identity/identity.module';
import { FixedWindowThrottlerStorage } from './http/fixed-window-storage';
import { OpenApiModule } from './openapi/openapi.module';
import { ProblemFilter } from './problems/problem.filter';
import { SamensprekerModule } from './samenspreker/samenspreker.module';

/** Holds the checked settings, injectable as `GatewayEnv` everywhere. */
@Module({})
class GatewayEnvModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return { module: GatewayEnvModule, global: true, providers: [{ provide: GatewayEnv, useValue: env }], exports: [GatewayEnv] };
  }
}

/** The HTTP gateway: REST /api/v1 in front of the bouwstenen, which it reaches over NATS only. */
@Module({})
export class GatewayModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        GatewayEnvModule.forRoot(env),
        // The platform's logger reads the message context from CLS when there is one.
        ClsContextModule,
        LoggingModule.forRoot({ service: 'gateway', level: env.LOG_LEVEL, httpRequests: true }),
        // Connects in the background: the gateway starts, and answers 503, while NATS is away.
        NatsModule.forRoot({ natsUrl: env.NATS_URL, processName: 'gateway', requestTimeoutMs: env.NATS_REQUEST_TIMEOUT_MS, connectInBackground: true }),
        // Counters per client IP live in this instance's memory: with N instances behind a load
        // balancer a client gets up to N times the limit. Good enough against a runaway client;
        // a shared store (Redis) would be needed for an exact limit. The client is request.ip:
        // behind a reverse proxy that is the proxy, until Fastify's trustProxy is configured.
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: 60_000, limit: env.RATE_LIMIT_PER_MINUTE }],
          // One budget per client for the whole API; the throttler's default key is per route.
          generateKey: (_context, tracker, throttler) => `${throttler}:${tracker}`,
          storage: new FixedWindowThrottlerStorage(),
        }),
        // Verifies access tokens with identity's public keys, fetched over NATS like every service does.
        AuthModule,
        TerminusModule,
        BouwstenenModule,
        IdentityModule,
        SamensprekerModule,
        OpenApiModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        // The same guard as in every bouwsteen: a route without @Publiek/@Ingelogd/@Rollen/@Intern is refused.
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useValue: createValidationPipe() },
      ],
    };
  }
}
