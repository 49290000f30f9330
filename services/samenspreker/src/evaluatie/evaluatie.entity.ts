import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { EvaluatieUitkomst, Segment } from '@samen/contracts';

/**
 * One deelnemer's evaluation in one pass through evaluatie (`evaluatieSinds` = the vraagstuk's
 * faseSinds then). Replaced in place when the deelnemer evaluates again in the same pass; the
 * account id is kept only for that and is never shown. One per account and pass, except for erased
 * accounts (a partial unique index, see Migration20261127096000Avg).
 */
@Entity({ tableName: 'evaluatie' })
export class Evaluatie {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  vraagstukId: string;

  @Property({ length: 6 })
  gemeente: string;

  @Property({ columnType: 'timestamptz' })
  evaluatieSinds: Date;

  /** Account id (no foreign key: accounts live in identity and may be erased). */
  @Property({ type: 'uuid' })
  accountId: string;

  /** The segment of the seat at the table, for monitoring's "who takes part". */
  @Property({ length: 20 })
  segment: Segment;

  @Property({ type: 'smallint' })
  proces: number;

  @Property({ type: 'smallint' })
  uitkomst: number;

  @Property({ columnType: 'text' })
  toelichting: string;

  @Property({ columnType: 'timestamptz' })
  tijdstip: Date;
}

/** The summary that closes a pass through evaluatie; written once (a trigger refuses UPDATE and DELETE). */
@Entity({ tableName: 'evaluatie_samenvatting' })
@Unique({ properties: ['vraagstukId', 'evaluatieSinds'] })
export class EvaluatieSamenvatting {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  vraagstukId: string;

  @Property({ length: 6 })
  gemeente: string;

  @Property({ columnType: 'timestamptz' })
  evaluatieSinds: Date;

  @Property({ columnType: 'text' })
  samenvatting: string;

  @Property({ type: 'text[]', columnType: 'text[]' })
  lessen: string[];

  @Property({ length: 10 })
  uitkomst: EvaluatieUitkomst;

  @Property({ columnType: 'timestamptz' })
  tijdstip: Date;
}
