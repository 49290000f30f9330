import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { Segment, VraagstukFase, VraagstukSoort } from '@samen/contracts';

/** A problem or opportunity of one gemeente, carried through the phases; public by default. */
@Entity({ tableName: 'vraagstuk' })
@Index({ properties: ['gemeente', 'aangemaaktTijdstip', 'id'] })
export class Vraagstuk {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  /** CBS code; the vraagstuk exists only for requests in this gemeente. */
  @Property({ length: 6 })
  gemeente: string;

  @Property({ length: 10 })
  soort: VraagstukSoort;

  @Property({ length: 200 })
  titel: string;

  @Property({ columnType: 'text' })
  omschrijving: string;

  /** Free code + naam while citycontent may be absent; a reference once it answers. */
  @Property({ length: 40 })
  gebiedCode: string;

  @Property({ length: 200 })
  gebiedNaam: string;

  @Property({ type: 'text[]', columnType: 'text[]' })
  themas: string[];

  /** Account id (no foreign key: accounts live in identity and may be erased). */
  @Property({ type: 'uuid' })
  initiatiefnemerAccountId: string;

  @Property({ length: 20 })
  initiatiefnemerSegment: Segment;

  @Property({ type: 'uuid', nullable: true })
  initiatiefnemerOrganisatie?: string;

  @Property({ length: 20 })
  fase: VraagstukFase;

  @Property({ columnType: 'timestamptz' })
  faseSinds: Date;

  @Property({ columnType: 'timestamptz' })
  aangemaaktTijdstip: Opt<Date> = new Date();
}
