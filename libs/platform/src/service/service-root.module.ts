import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ConfigModule } from '@nestjs/config';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TerminusModule } from '@nestjs/terminus';
import { ServiceEnv } from '../config/env';
import { ClsContextModule } from '../context/cls-context.module';
import { ormOptions } from '../database/orm-options';
import { RpcErrorFilter } from '../errors/rpc-error.filter';
import { createValidationPipe } from '../errors/validation.pipe';
import { EventsModule } from '../events/events.module';
import { HealthService } from '../health/health.service';
import { HealthProbes, healthHandlers } from '../health/health.controllers';
import { LoggingModule } from '../logging/logging.module';
import { NatsModule } from '../nats/nats.module';
import { MikroORM } from '@mikro-orm/core';
import { AuthGuard } from '../auth/auth.guard';
import { AuthModule } from '../auth/auth.module';
import { persoonsgegevensHandlers } from '../avg/avg.handlers';
import { ErasureConsumer } from '../avg/erasure-consumer';
import { Persoonsgegevens } from '../avg/persoonsgegevens';
import { EventConsumer } from '../events/event-consumer';
import type { ServiceDefinition } from './service-definition';

/** The checked settings, injectable as ServiceEnv and as the bouwsteen's own settings class. */
@Module({})
class ServiceEnvModule {
  static forRoot(env: ServiceEnv, own?: new () => ServiceEnv): DynamicModule {
    const providers = [{ provide: ServiceEnv, useValue: env }, ...(own && own !== ServiceEnv ? [{ provide: own, useValue: env }] : [])];
    return { module: ServiceEnvModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}

@Module({})
export class ServiceRootModule {
  /**
   * Everything a bouwsteen needs, the same way in all five: checked settings, logs with
   * correlation ids, its own schema, NATS, outbox and consumer, health, coded errors.
   */
  static create(definition: ServiceDefinition, env: ServiceEnv): DynamicModule {
    const { bouwsteen } = definition;
    return {
      module: ServiceRootModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...env })] }),
        ServiceEnvModule.forRoot(env, definition.env),
        ClsContextModule,
        LoggingModule.forRoot({ service: bouwsteen, level: env.LOG_LEVEL, httpRequests: false }),
        MikroOrmModule.forRoot({ ...ormOptions(bouwsteen, definition.orm, env.DATABASE_URL, env.DATABASE_POOL_MAX), registerRequestContext: true }),
        NatsModule.forRoot({ natsUrl: env.NATS_URL, processName: bouwsteen, requestTimeoutMs: env.NATS_REQUEST_TIMEOUT_MS }),
        EventsModule.forRoot({ bouwsteen, outboxPollMs: env.OUTBOX_POLL_MS }),
        AuthModule,
        TerminusModule,
        definition.module,
      ],
      // The AVG capabilities every bouwsteen has (export of a person's data, pseudonymisation
      // after an erasure); a bouwsteen extends them with its own PersoonsgegevensProvider.
      controllers: [healthHandlers(bouwsteen), HealthProbes, persoonsgegevensHandlers(bouwsteen)],
      providers: [
        { provide: HealthService, inject: [MikroORM], useFactory: (orm: MikroORM) => new HealthService(bouwsteen, orm, env.SAMEN_VERSION) },
        Persoonsgegevens,
        {
          provide: ErasureConsumer,
          inject: [EventConsumer, Persoonsgegevens],
          useFactory: (consumer: EventConsumer, persoonsgegevens: Persoonsgegevens) => new ErasureConsumer(bouwsteen, consumer, persoonsgegevens),
        },
        // Every handler is refused unless it says who may call it (@Publiek, @Rollen, …).
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_FILTER, useClass: RpcErrorFilter },
        { provide: APP_PIPE, useValue: createValidationPipe() },
      ],
    };
  }
}
