import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { Positie as PositieSoort, Segment } from '@samen/contracts';
import type { Herkomst } from './herkomst';

/** A proposal in a round; its content lives in its versions. Immutable (trigger). */
@Entity({ tableName: 'oplossing' })
export class Oplossing {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  vraagstukId: string;

  @Property({ length: 6 })
  gemeente: string;

  @Property({ type: 'uuid' })
  rondeId: string;

  /** Account id (no foreign key: accounts live in identity and may be erased). */
  @Property({ type: 'uuid' })
  auteurAccountId: string;

  @Property({ length: 20 })
  auteurSegment: Segment;

  @Property({ type: 'uuid', nullable: true })
  auteurOrganisatie?: string;

  @Property({ columnType: 'timestamptz' })
  ingediendOp: Date;
}

/** One version of an oplossing, with what it took over from others. Immutable (trigger). */
@Entity({ tableName: 'oplossing_versie' })
@Unique({ properties: ['oplossingId', 'versie'] })
export class OplossingVersie {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  oplossingId: string;

  @Property()
  versie: number;

  @Property({ length: 200 })
  titel: string;

  @Property({ columnType: 'text' })
  omschrijving: string;

  @Property({ type: 'json' })
  overgenomen: Herkomst;

  @Property({ type: 'uuid' })
  auteurAccountId: string;

  @Property({ length: 20 })
  auteurSegment: Segment;

  @Property({ type: 'uuid', nullable: true })
  auteurOrganisatie?: string;

  @Property({ columnType: 'timestamptz' })
  tijdstip: Date;
}

/**
 * A deelnemer's current position on one version; a change replaces it (the timeline keeps each one).
 * One per account and version, except for erased accounts (a partial unique index, see Migration20261127096000Avg).
 */
@Entity({ tableName: 'positie' })
export class Positie {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  vraagstukId: string;

  @Property({ type: 'uuid' })
  oplossingVersieId: string;

  @Property({ type: 'uuid' })
  accountId: string;

  @Property({ length: 20 })
  segment: Segment;

  @Property({ type: 'uuid', nullable: true })
  organisatie?: string;

  @Property({ length: 12 })
  positie: PositieSoort;

  /** Null once a bezwaar is replaced by a position without a reason. */
  @Property({ type: 'string', length: 2000, nullable: true })
  toelichting?: string | null;

  @Property({ columnType: 'timestamptz' })
  tijdstip: Date;
}
