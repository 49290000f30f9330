import { Controller, Get, Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { healthSubject, type Bouwsteen, type HealthReply } from '@samen/contracts';
import { Publiek } from '../auth/auth.decorators';
import { NatsConnectionHolder } from '../nats/nats-connection';
import { HealthService } from './health.service';

/** Answers `<bouwsteen>.v1.health`; made per bouwsteen because the subject is part of the decorator. */
export function healthHandlers(bouwsteen: Bouwsteen): Type<unknown> {
  @Publiek()
  @Controller()
  class HealthHandlers {
    constructor(private readonly health: HealthService) {}

    @MessagePattern(healthSubject(bouwsteen))
    check(): Promise<HealthReply> {
      return this.health.check();
    }
  }
  return HealthHandlers;
}

/** Probes for orchestrators on the service's internal HTTP port. */
@Publiek()
@Controller('health')
export class HealthProbes {
  constructor(
    private readonly probes: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly health: HealthService,
    private readonly nats: NatsConnectionHolder,
  ) {}

  /** The process runs and its event loop turns. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** It can do its work: database and NATS reachable. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.probes.check([
      async () => {
        const reply = await this.health.check();
        const indicator = this.indicators.check('database');
        return reply.database === 'up' ? indicator.up() : indicator.down();
      },
      async () => {
        const indicator = this.indicators.check('nats');
        return this.nats.isConnected ? indicator.up() : indicator.down();
      },
    ]);
  }
}
