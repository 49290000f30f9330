import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { LidmaatschapRol, OrganisatieSegment } from '@samen/contracts';

/** An organisation that acts in one gemeente: a business, an institution, a citizens' group, the municipality. */
@Entity({ tableName: 'organisatie' })
@Index({ properties: ['gemeente', 'naam'] })
export class Organisatie {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  /** CBS code; the organisation exists only for requests in this gemeente. */
  @Property({ length: 6 })
  gemeente: string;

  @Property({ length: 200 })
  naam: string;

  @Property({ length: 20 })
  segment: OrganisatieSegment;

  @Property({ length: 8, nullable: true })
  kvkNummer?: string;

  /** Account id of the creator (no foreign key: accounts may be erased, the organisation stays). */
  @Property({ type: 'uuid' })
  aangemaaktDoor: string;

  @Property({ columnType: 'timestamptz' })
  aangemaaktTijdstip: Opt<Date> = new Date();
}

/** An account's membership of an organisation, with its role there. */
@Entity({ tableName: 'lidmaatschap' })
@Index({ properties: ['accountId'] })
export class Lidmaatschap {
  @PrimaryKey({ type: 'uuid' })
  organisatieId: string;

  @PrimaryKey({ type: 'uuid' })
  accountId: string;

  @Property({ length: 20 })
  rol: LidmaatschapRol;

  @Property({ columnType: 'timestamptz' })
  sindsTijdstip: Opt<Date> = new Date();
}
