import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ActieStatus, VoortgangStatus } from '@samen/contracts';

/** An actie of the uitvoering: owned by an organisation, due on a Dutch calendar day. */
@Entity({ tableName: 'actie' })
export class Actie {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  vraagstukId: string;

  @Property({ length: 6 })
  gemeente: string;

  @Property({ length: 200 })
  titel: string;

  @Property({ columnType: 'text' })
  omschrijving: string;

  /** Organisation id (identity's; no foreign key across bouwstenen). */
  @Property({ type: 'uuid' })
  eigenaarOrganisatie: string;

  @Property({ type: 'date', columnType: 'date' })
  deadline: string;

  @Property({ length: 10 })
  status: ActieStatus;

  /** The latest reported percentage, kept here so the list and the rules need not add up history. */
  @Property({ type: 'integer' })
  percentage: number;

  @Property({ columnType: 'text', nullable: true })
  geslotenReden?: string;

  @Property({ columnType: 'timestamptz' })
  aangemaaktTijdstip: Date;
}

/** One progress report on an actie; append-only (a trigger refuses UPDATE and DELETE). */
@Entity({ tableName: 'actie_voortgang' })
export class ActieVoortgangMelding {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  actieId: string;

  @Property({ type: 'integer' })
  percentage: number;

  @Property({ columnType: 'text' })
  toelichting: string;

  @Property({ length: 10 })
  status: VoortgangStatus;

  @Property({ columnType: 'timestamptz' })
  tijdstip: Date;
}
