import { EntityManager } from '@mikro-orm/postgresql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { CONTEXT_HEADERS, EVENT_STREAM, GEMEENTE_SUBJECTS, type Rol, type Segment, type TafelRol } from '@samen/contracts';
import { erasureConsumerName, loadEnv } from '@samen/platform';
import { dataOf, definitionOf, GEMEENTE_A, GEMEENTE_B, natsConnect, outboxDrained, pollUntil, request, startTestService, testEnv } from '@samen/testing';
import { GatewayEnv } from '../../../../gateway/src/config/gateway-env';
import { createGateway } from '../../../../gateway/src/create-gateway';
import { TokenIssuer } from '../../../identity/src/sleutels/token-issuer';
import { Deelnemer } from '../tafel/deelnemer.entity';

/** Someone with a real access token, signed by identity and verified by samenspreker as in production. */
export interface Actor {
  accountId: string;
  token: string;
}

export interface ZetelOpties {
  segment?: Segment;
  organisatie?: string;
  gemeente?: string;
}

export interface ActorOpties {
  rollen?: Rol[];
  segment?: Segment;
  gemeente?: string;
  organisatie?: string;
  /** The gebied the resident is verified for (stemmingen). */
  gebied?: string;
}

/**
 * What every samenspreker integration test stands on: identity and samenspreker in-process,
 * gemeenten A and B recorded, a NATS connection, actors with real tokens, and the gateway over
 * HTTP when a test asks for it. One place, so the eight aggregates' tests set up alike.
 */
export class SamenspraakFixture {
  private gatewayApp?: NestFastifyApplication;
  private gatewayUrl?: string;

  private constructor(
    readonly identity: NestFastifyApplication,
    readonly samenspreker: NestFastifyApplication,
    readonly nc: NatsConnection,
  ) {}

  /**
   * `env` adds samenspreker settings (e.g. a sweep interval). Gemeente settings are not reused
   * between requests here: tests change them and expect the next vraagstuk to follow at once.
   */
  static async start(env: Record<string, string | number> = {}): Promise<SamenspraakFixture> {
    const identity = await startTestService(definitionOf('identity'));
    const samenspreker = await startTestService(definitionOf('samenspreker'), { GEMEENTE_INSTELLINGEN_BEWAARTIJD_MS: 0, ...env });
    const nc = await natsConnect();
    for (const { code, naam } of [GEMEENTE_A, GEMEENTE_B]) {
      dataOf(await request(GEMEENTE_SUBJECTS.upsert, { code, naam, bouwstenen: ['identity', 'samenspreker'] }, {}, { nc }));
    }
    return new SamenspraakFixture(identity, samenspreker, nc);
  }

  async actor(opties: ActorOpties = {}): Promise<Actor> {
    const accountId = randomUUID();
    const { accessToken } = await this.identity.get(TokenIssuer).issueAccessToken({
      accountId,
      rollen: opties.rollen ?? ['inwoner'],
      segment: opties.segment ?? 'inwoner',
      gemeente: opties.gemeente ?? GEMEENTE_A.code,
      amr: ['pwd', 'otp'],
      ...(opties.organisatie ? { organisatie: opties.organisatie } : {}),
      ...(opties.gebied ? { geverifieerdGebied: opties.gebied } : {}),
    });
    return { accountId, token: accessToken };
  }

  /**
   * Seats an account at a vraagstuk's table directly (active, in gemeente A unless another is named):
   * inviting and joining have their own tests in tafel.int-spec.ts.
   */
  async seat(vraagstukId: string, wie: Actor, rol: TafelRol, opties: ZetelOpties = {}): Promise<void> {
    const em = this.samenspreker.get(EntityManager).fork();
    em.create(Deelnemer, {
      id: randomUUID(),
      vraagstukId,
      gemeente: opties.gemeente ?? GEMEENTE_A.code,
      accountId: wie.accountId,
      rol,
      segment: opties.segment ?? 'inwoner',
      ...(opties.organisatie ? { organisatie: opties.organisatie } : {}),
      status: 'actief',
      sinds: new Date(),
    });
    await em.flush();
  }

  /** A request over NATS as `as` (anonymous without), in gemeente A unless another is named. */
  ask<T>(subject: string, payload: unknown, as?: Actor, gemeente: string = GEMEENTE_A.code, timeoutMs?: number) {
    const headers: Record<string, string> = { [CONTEXT_HEADERS.gemeente]: gemeente };
    if (as) headers[CONTEXT_HEADERS.authorization] = `Bearer ${as.token}`;
    return request<T>(subject, payload, headers, { nc: this.nc, ...(timeoutMs ? { timeoutMs } : {}) });
  }

  /** The gateway's base URL (started on first use, on a free port, ready when this resolves). */
  async gateway(): Promise<string> {
    if (!this.gatewayUrl) {
      this.gatewayApp = await createGateway(loadEnv(GatewayEnv, { NODE_ENV: 'test', NATS_URL: testEnv().natsUrl, LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent' }));
      await this.gatewayApp.listen(0, '127.0.0.1');
      const url = await this.gatewayApp.getUrl();
      await pollUntil(async () => (await fetch(`${url}/health/live`)).status === 200, { what: 'gateway live' });
      this.gatewayUrl = url;
    }
    return this.gatewayUrl;
  }

  /**
   * Stops everything once the outboxes are drained (no event leaks into a later test file) and
   * removes samenspreker's durable erasure consumer (it would otherwise outlive the test).
   */
  async stop(): Promise<void> {
    await this.gatewayApp?.close();
    await outboxDrained('samenspreker');
    await outboxDrained('identity');
    await (await this.nc.jetstreamManager()).consumers.delete(EVENT_STREAM, erasureConsumerName('samenspreker')).catch(() => undefined);
    await this.nc.close();
    await this.samenspreker.close();
    await this.identity.close();
  }
}
