import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { DeelnemerStatus, Segment, TafelRol } from '@samen/contracts';

/**
 * One seat at a vraagstuk's table: an account, its table role and whom it represents. A seat that
 * was left stays (status vertrokken); an account holds at most one invited or active seat per table
 * (a partial unique index, see Migration20261127091000TafelDeelname).
 */
@Entity({ tableName: 'deelnemer' })
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

  /** When the deelnemer left or declined; set exactly when status is vertrokken. */
  @Property({ columnType: 'timestamptz', nullable: true })
  tot?: Date;
}
