import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Handeling } from '@samen/contracts';

/**
 * One processing of someone's personal data: who, whose, what, on which ground, when. Append-only
 * (a trigger refuses update and delete); the correlation id leads to the request's log lines.
 */
@Entity({ tableName: 'verwerking' })
export class Verwerking {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'Date', columnType: 'timestamptz' })
  tijdstip: Date;

  /** Account id of the actor, or `systeem`. */
  @Property({ type: 'string', length: 36 })
  actor: string;

  @Property({ type: 'uuid' })
  betrokkene: string;

  @Property({ type: 'string', length: 6, nullable: true })
  gemeente: string | null = null;

  @Property({ type: 'string', length: 20 })
  handeling: Handeling;

  @Property({ type: 'text' })
  grondslag: string;

  @Property({ type: 'string', length: 100 })
  correlationId: string;
}
