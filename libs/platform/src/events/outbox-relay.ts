import { Logger } from '@nestjs/common';
import { LockMode, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { headers as natsHeaders, type JetStreamClient } from 'nats';
import { OutboxMessage } from './outbox.entity';
import { encodeJson } from '../nats/wire';

export interface RelayOptions {
  bouwsteen: string;
  pollMs: number;
  batchSize?: number;
  publishTimeoutMs?: number;
}

/**
 * Publishes committed outbox rows to JetStream, oldest first, and marks them published.
 *
 * - A row is marked only after JetStream acknowledged it, so a crash before the mark means it is
 *   published again; JetStream drops that copy (NATS message id = event id), and consumers'
 *   inboxes catch anything beyond the duplicate window.
 * - One instance relays at a time (a transaction-scoped advisory lock), so events leave in the
 *   order they were written even with many instances.
 * - A failed publish stops the batch (keeping the order) and is retried with the next round.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  /** No polling loop (not started yet, or stopped). */
  private stopped = true;
  /**
   * stop() was called: a round in progress ends after its batch. Kept apart from `stopped` so
   * that relayAll() on a relay that was never started (a one-off drain, tests) empties the whole
   * outbox instead of stopping after the first batch.
   */
  private stopRequested = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly js: JetStreamClient,
    private readonly options: RelayOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.stopRequested = false;
    this.schedule(0);
  }

  /** Look now (after a commit that wrote events) instead of at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopRequested = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.relayAll()
        .then(() => undefined)
        .catch((error) => this.logger.warn({ err: error }, 'outbox relay round failed; retrying'))
        .finally(() => {
          this.running = undefined;
          const soon = this.again;
          this.again = false;
          this.schedule(soon ? 0 : this.options.pollMs);
        });
    }, delayMs);
  }

  /** Publishes until the outbox is empty (or a publish fails). Returns how many were published. */
  async relayAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const { published, more } = await this.relayBatch();
      total += published;
      if (!more || this.stopRequested) return total;
    }
  }

  async relayBatch(): Promise<{ published: number; more: boolean }> {
    const batchSize = this.options.batchSize ?? 100;
    const em = this.orm.em.fork() as EntityManager;
    return em.transactional(async (tx) => {
      const [lock] = await tx.execute<{ locked: boolean }[]>(
        'select pg_try_advisory_xact_lock(hashtext(?)) as locked',
        [`samen-outbox-${this.options.bouwsteen}`],
      );
      if (!lock?.locked) return { published: 0, more: false };
      const rows = await tx.find(
        OutboxMessage,
        { publishedAt: null },
        // By write order, not by occurredAt: timestamps tie within a millisecond.
        { orderBy: { seq: 'asc' }, limit: batchSize, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      let published = 0;
      for (const row of rows) {
        try {
          await this.publish(row);
          row.publishedAt = new Date();
          published++;
        } catch (error) {
          row.attempts += 1;
          row.lastError = String((error as Error)?.message ?? error).slice(0, 500);
          this.logger.warn({ eventId: row.id, subject: row.subject, attempts: row.attempts }, `publish failed: ${row.lastError}`);
          return { published, more: false };
        }
      }
      return { published, more: rows.length === batchSize };
    });
  }

  protected async publish(row: OutboxMessage): Promise<void> {
    const h = natsHeaders();
    h.set('Content-Type', 'application/cloudevents+json');
    await this.js.publish(row.subject, encodeJson(row.event), {
      msgID: row.id,
      headers: h,
      timeout: this.options.publishTimeoutMs ?? 5000,
    });
  }
}
