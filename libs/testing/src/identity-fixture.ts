import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from 'nats';
import { GEMEENTE_SUBJECTS } from '@samen/contracts';
import { outboxDrained } from './database';
import { dataOf, natsConnect, request } from './nats';
import { definitionOf, startTestService } from './services';

/** Gemeente A and B of identity's tests: one to act in, one to prove nothing crosses over. */
export const GEMEENTE_A = { code: 'GM0637', naam: 'Zoetermeer' } as const;
export const GEMEENTE_B = { code: 'GM0518', naam: "'s-Gravenhage" } as const;

export interface IdentityFixture {
  app: NestFastifyApplication;
  nc: NatsConnection;
  /** Waits for the outbox to drain (so no event leaks into a later test file), then stops. */
  stop(): Promise<void>;
}

/** identity in-process, with gemeenten A and B recorded, and a NATS connection to ask it. */
export async function startIdentityMetGemeenten(): Promise<IdentityFixture> {
  const app = await startTestService(definitionOf('identity'));
  const nc = await natsConnect();
  for (const { code, naam } of [GEMEENTE_A, GEMEENTE_B]) {
    dataOf(await request(GEMEENTE_SUBJECTS.upsert, { code, naam, bouwstenen: ['identity'] }, {}, { nc }));
  }
  return {
    app,
    nc,
    stop: async () => {
      await outboxDrained('identity');
      await nc.close();
      await app.close();
    },
  };
}
