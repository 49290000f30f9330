import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One row per (consumer, event) already applied: the reason a redelivery changes nothing. */
@Entity({ tableName: 'inbox' })
export class InboxMessage {
  @PrimaryKey({ length: 120 })
  consumer: string;

  @PrimaryKey({ length: 200 })
  eventId: string;

  @Property({ columnType: 'timestamptz' })
  handledAt: Date = new Date();
}
