import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Segment } from '@samen/contracts';

/** A contribution to the public discussion of a vraagstuk or of one oplossing; only hiding changes it (trigger). */
@Entity({ tableName: 'reactie' })
export class Reactie {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  vraagstukId: string;

  @Property({ length: 6 })
  gemeente: string;

  /** The oplossing whose discussion this is; absent for the vraagstuk's own discussion. */
  @Property({ type: 'uuid', nullable: true })
  oplossingId?: string;

  @Property({ type: 'uuid', nullable: true })
  antwoordOp?: string;

  @Property({ type: 'uuid' })
  accountId: string;

  @Property({ length: 20 })
  segment: Segment;

  @Property({ type: 'uuid', nullable: true })
  organisatie?: string;

  @Property({ length: 5000 })
  tekst: string;

  @Property({ columnType: 'timestamptz' })
  tijdstip: Date;

  @Property({ columnType: 'timestamptz', nullable: true })
  verborgenOp?: Date;

  @Property({ length: 500, nullable: true })
  verborgenReden?: string;
}
