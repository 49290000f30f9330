import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { Bouwsteen, GemeenteInstellingen } from '@samen/contracts';
import { standaardInstellingen } from './instellingen';

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

  /** One document: the settings are read and changed together and never queried by field. */
  @Property({ type: 'json', columnType: 'jsonb' })
  instellingen: Opt<GemeenteInstellingen> = standaardInstellingen();
}
