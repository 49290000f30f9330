import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LockMode, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AGENDERING_EVENTS, type VraagstukReactietermijnVerstreken } from '@samen/contracts';
import { SamensprekerEnv } from '../config/samenspreker-env';
import { Vastlegging } from '../tijdlijn/vastlegging';
import { Vraagstuk } from '../vraagstuk/vraagstuk.entity';

/** At most this many per round; the rest follow in the next one. */
const PER_RONDE = 100;

/**
 * Marks publicly, once per vraagstuk, that the gemeente let its reactietermijn pass: a periodic
 * sweep records `reactietermijn-verstreken` on the timeline (and as an event). The view computes
 * `verstreken` on read; this sweep makes the broken promise part of the permanent record.
 */
@Injectable()
export class ReactietermijnBewaking implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReactietermijnBewaking');
  private timer?: NodeJS.Timeout;
  private bezig?: Promise<unknown>;

  constructor(
    private readonly orm: MikroORM,
    private readonly vastlegging: Vastlegging,
    private readonly env: SamensprekerEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      // A slow round is not overtaken by the next one.
      if (this.bezig) return;
      this.bezig = this.controleer()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'reactietermijn sweep failed; retrying next round'))
        .finally(() => {
          this.bezig = undefined;
        });
    }, this.env.REACTIETERMIJN_CONTROLE_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.bezig;
  }

  /**
   * One round, now: records every overdue vraagstuk not yet recorded and returns their ids. With
   * several instances only one sweeps at a time (a transaction-scoped advisory lock); the others
   * return at once with nothing.
   */
  async controleer(nu = new Date()): Promise<string[]> {
    const em = this.orm.em.fork() as EntityManager;
    return em.transactional(async (tx) => {
      const [lock] = await tx.execute<{ locked: boolean }[]>('select pg_try_advisory_xact_lock(hashtext(?)) as locked', ['samenspreker.reactietermijn']);
      if (!lock?.locked) return [];
      // Row locks, as every phase-dependent step takes them: a gemeente answering right now either
      // commits first (the row no longer matches) or waits until this round has recorded it.
      const verlopen = await tx.find(
        Vraagstuk,
        { fase: 'agendering', reactieUiterlijk: { $lt: nu }, termijnVerstrekenGemeld: null },
        { orderBy: { reactieUiterlijk: 'asc', id: 'asc' }, limit: PER_RONDE, lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      for (const vraagstuk of verlopen) vraagstuk.termijnVerstrekenGemeld = nu;
      await tx.flush();
      const context = { correlationId: randomUUID() };
      for (const vraagstuk of verlopen) {
        const data: VraagstukReactietermijnVerstreken = { id: vraagstuk.id, gemeente: vraagstuk.gemeente, uiterlijk: vraagstuk.reactieUiterlijk.toISOString() };
        await this.vastlegging.leg(
          tx,
          {
            vraagstukId: vraagstuk.id,
            gemeente: vraagstuk.gemeente,
            soort: 'reactietermijn-verstreken',
            // Nobody acted: that is the point. The platform records it.
            actor: null,
            gegevens: { uiterlijk: data.uiterlijk },
            event: { subject: AGENDERING_EVENTS.reactietermijnVerstreken, resource: 'vraagstuk', event: 'reactietermijn-verstreken', about: vraagstuk.id, data },
          },
          context,
        );
      }
      return verlopen.map((vraagstuk) => vraagstuk.id);
    });
  }
}
