import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Bouwsteen } from '@samen/contracts';

/** A gemeente (tenant) that this installation serves, and the bouwstenen it runs. */
@Entity({ tableName: 'gemeente' })
export class Gemeente {
  /** CBS code, e.g. GM0637. */
  @PrimaryKey({ length: 6 })
  code: string;

  @Property({ length: 120 })
  naam: string;

  @Property({ type: 'text[]' })
  bouwstenen: Bouwsteen[];

  @Property({ columnType: 'timestamptz' })
  aangemaaktTijdstip: Date = new Date();
}
