import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { DeelnemerStatus, Segment, TafelRol } from '@samen/contracts';

/** One seat at a vraagstuk's table: an account, its table role and whom it represents. */
@Entity({ tableName: 'deelnemer' })
@Unique({ properties: ['vraagstukId', 'accountId'] })
export class Deelnemer {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  vraagstukId: string;

  @Property({ length: 6 })
  gemeente: string;

  /** Account id (no foreign key: accounts live in identity and may be erased). */
  @Property({ type: 'uuid' })
  accountId: string;

  @Property({ length: 20 })
  rol: TafelRol;

  @Property({ length: 20 })
  segment: Segment;

  @Property({ type: 'uuid', nullable: true })
  organisatie?: string;

  @Property({ length: 20 })
  status: DeelnemerStatus;

  @Property({ type: 'uuid', nullable: true })
  uitgenodigdDoor?: string;

  @Property({ columnType: 'timestamptz' })
  sinds: Date;
}
