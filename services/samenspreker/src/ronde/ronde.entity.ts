import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { RondeStatus, ShortlistWijze } from '@samen/contracts';

/** A numbered round of the phase oplossingen; once closed, it and its shortlist never change (trigger). */
@Entity({ tableName: 'ronde' })
@Unique({ properties: ['vraagstukId', 'nummer'] })
export class Ronde {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  vraagstukId: string;

  @Property({ length: 6 })
  gemeente: string;

  /** 1, 2, 3 … per vraagstuk. */
  @Property()
  nummer: number;

  @Property({ length: 10 })
  status: RondeStatus;

  @Property({ columnType: 'timestamptz' })
  geopendOp: Date;

  @Property({ columnType: 'timestamptz', nullable: true })
  geslotenOp?: Date;

  /** Oplossing ids, best first. */
  @Property({ type: 'json', nullable: true })
  shortlist?: string[];

  @Property({ length: 10, nullable: true })
  shortlistWijze?: ShortlistWijze;
}
