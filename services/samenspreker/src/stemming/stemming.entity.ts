import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ProcesVerbaal, StemmingRegels, StemmingStatus } from '@samen/contracts';

/**
 * A stemming: its published rules (fixed by a database trigger) and, once closed, its
 * proces-verbaal. The register, the ballot box and the receipts are separate tables that
 * {@link Stembus} writes with plain SQL, never through this unit of work.
 */
@Entity({ tableName: 'stemming' })
export class Stemming {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  vraagstukId: string;

  @Property({ length: 6 })
  gemeente: string;

  @Property({ type: 'json' })
  regels: StemmingRegels;

  @Property({ columnType: 'char(64)' })
  regelsHash: string;

  /** The rules' closing time as a column, so the sweep finds what is due with an index. */
  @Property({ columnType: 'timestamptz' })
  sluitingTijdstip: Date;

  @Property({ nullable: true })
  aantalKiesgerechtigden?: number;

  @Property({ length: 20 })
  status: StemmingStatus;

  @Property({ type: 'json', nullable: true })
  procesVerbaal?: ProcesVerbaal;

  @Property({ columnType: 'char(64)', nullable: true })
  procesVerbaalHash?: string;

  @Property({ columnType: 'timestamptz' })
  aangemaaktTijdstip: Date;

  @Property({ columnType: 'timestamptz', nullable: true })
  geslotenTijdstip?: Date;

  /** Closed, and the ballot box shuffled since (a transaction after the count's): only then is the export served. */
  @Property({ columnType: 'timestamptz', nullable: true })
  geschudTijdstip?: Date;

  /** Withdrawn before the opening: the public reason. */
  @Property({ columnType: 'text', nullable: true })
  intrekkingMotivatie?: string;

  @Property({ columnType: 'timestamptz', nullable: true })
  ingetrokkenTijdstip?: Date;
}
