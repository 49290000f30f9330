import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { VerificatieMethode } from '@samen/contracts';

/** One print run of codes for one gebied; who made it and when, for the audit trail. */
@Entity({ tableName: 'verificatiecode_batch' })
export class VerificatiecodeBatch {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ length: 6 })
  gemeente: string;

  @Property({ length: 10 })
  gebied: string;

  @Property({ type: 'integer' })
  aantal: number;

  @Property({ type: 'date', columnType: 'date' })
  verlooptDatum: string;

  @Property({ type: 'uuid' })
  aangemaaktDoor: string;

  @Property({ columnType: 'timestamptz' })
  aangemaaktTijdstip: Opt<Date> = new Date();
}

/** A single-use code, stored only as its keyed hash (see verificatiecode.ts). */
@Entity({ tableName: 'verificatiecode' })
export class Verificatiecode {
  @PrimaryKey({ length: 64 })
  hash: string;

  @Property({ type: 'uuid' })
  batchId: string;

  @Property({ length: 6 })
  gemeente: string;

  @Property({ length: 10 })
  gebied: string;

  @Property({ type: 'date', columnType: 'date' })
  verlooptDatum: string;

  @Property({ columnType: 'timestamptz', nullable: true })
  gebruiktTijdstip?: Date;

  @Property({ type: 'uuid', nullable: true })
  gebruiktDoor?: string;
}

/** That an account is a verified resident of a gebied, since when, and how. The latest one counts. */
@Entity({ tableName: 'verificatie' })
@Index({ properties: ['accountId', 'geverifieerdTijdstip'] })
export class Verificatie {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  accountId: string;

  @Property({ length: 6 })
  gemeente: string;

  @Property({ length: 10 })
  gebied: string;

  @Property({ length: 20 })
  methode: VerificatieMethode;

  /** The ambtenaar who verified in person; absent for a code. */
  @Property({ type: 'uuid', nullable: true })
  geverifieerdDoor?: string;

  @Property({ columnType: 'timestamptz' })
  geverifieerdTijdstip: Opt<Date> = new Date();
}

/** A wrong code an account tried: counted for the rate limit, kept without the code itself. */
@Entity({ tableName: 'verificatie_poging' })
@Index({ properties: ['accountId', 'tijdstip'] })
export class VerificatiePoging {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  accountId: string;

  @Property({ length: 6 })
  gemeente: string;

  @Property({ columnType: 'timestamptz' })
  tijdstip: Opt<Date> = new Date();
}
