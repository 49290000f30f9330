import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { NatsConnectionHolder, Publiek } from '@samen/platform';

/**
 * Probes for orchestrators, outside /api/v1 and the rate limit. Which bouwstenen run is not part
 * of readiness: the gateway is useful with only some of them (GET /api/v1/bouwstenen says which).
 */
@ApiExcludeController()
@SkipThrottle()
@Publiek()
@Controller('health')
export class HealthController {
  constructor(
    private readonly probes: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly nats: NatsConnectionHolder,
  ) {}

  /** The process runs and its event loop turns. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** It can forward requests: NATS is connected. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.probes.check([
      () => {
        const indicator = this.indicators.check('nats');
        return this.nats.isConnected ? indicator.up() : indicator.down();
      },
    ]);
  }
}
