import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { CloudEvent } from '@samen/contracts';

/** An event written in the same transaction as the change it reports; the relay publishes it. */
@Entity({ tableName: 'outbox' })
export class OutboxMessage {
  /** The event id: also the NATS message id, so JetStream drops a second publish of it. */
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ length: 200 })
  subject: string;

  @Property({ type: 'json' })
  event: CloudEvent;

  /** Write order, assigned by PostgreSQL; the relay publishes in this order (Migration…OutboxSeq). */
  @Property({ type: 'bigint', generated: 'by default as identity', nullable: true })
  seq?: string;

  @Property({ columnType: 'timestamptz' })
  occurredAt: Date;

  @Property({ columnType: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  @Property()
  attempts: number = 0;

  @Property({ length: 500, nullable: true })
  lastError?: string | null;
}
