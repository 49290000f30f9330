import { performance } from 'node:perf_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BOUWSTENEN, HealthReply, healthSubject, type Bouwsteen, type MessageContext } from '@samen/contracts';
import { BouwsteenClient, DomainError } from '@samen/platform';
import { GatewayEnv } from '../config/gateway-env';
import type { BouwsteenDto } from './bouwsteen.dto';

/**
 * Finds out which bouwstenen run by asking each one's health subject, live on every call: a
 * bouwsteen started or stopped later shows at the next request, without restarting the gateway
 * (DESIGN rule 5). Nothing is cached, so the answer is never stale.
 */
@Injectable()
export class BouwsteenDiscovery {
  private readonly logger = new Logger('BouwsteenDiscovery');
  private readonly timeoutMs: number;

  constructor(
    private readonly client: BouwsteenClient,
    env: GatewayEnv,
  ) {
    this.timeoutMs = env.DISCOVERY_TIMEOUT_MS;
  }

  /** All five at once, in the order of BOUWSTENEN; takes at most one DISCOVERY_TIMEOUT_MS. */
  all(context: MessageContext): Promise<BouwsteenDto[]> {
    return Promise.all(BOUWSTENEN.map((bouwsteen) => this.probe(bouwsteen, context)));
  }

  async probe(bouwsteen: Bouwsteen, context: MessageContext): Promise<BouwsteenDto> {
    const started = performance.now();
    let reply: unknown;
    try {
      reply = await this.client.request<unknown>(healthSubject(bouwsteen), {}, context, { timeoutMs: this.timeoutMs });
    } catch (error) {
      // With the bus away nothing can be found; that is not the same as "all absent".
      if (error instanceof DomainError && error.code === 'UNAVAILABLE') throw error;
      // No responder, a timeout or an error reply: nobody can use this bouwsteen now.
      return { naam: bouwsteen, status: 'absent' };
    }
    const responstijdMs = Math.round(performance.now() - started);
    const health = plainToInstance(HealthReply, reply);
    // A reply is not trusted for arriving over NATS (DESIGN rule 4).
    if (typeof reply !== 'object' || reply === null || validateSync(health).length > 0 || health.bouwsteen !== bouwsteen) {
      this.logger.warn({ bouwsteen, correlationId: context.correlationId }, 'health reply does not match the contract; shown as absent');
      return { naam: bouwsteen, status: 'absent' };
    }
    return { naam: bouwsteen, status: 'up', versie: health.version, responstijdMs, database: health.database };
  }
}
