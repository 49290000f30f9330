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

  /** The gemeente's steundrempel when the vraagstuk was raised: a later change of the setting does not move the goalposts. */
  @Property()
  steundrempel: number;

  /** The steunbetuigingen now; changed only under the row lock, in the transaction that adds or removes one, so it equals their count. */
  @Property()
  steunAantal: Opt<number> = 0;

  /** The gemeente promised to respond (a phase change out of agendering) by then, per its reactietermijn when the vraagstuk was raised. */
  @Property({ columnType: 'timestamptz' })
  reactieUiterlijk: Date;

  /** When the passing of that promise was recorded on the public timeline: once per vraagstuk. */
  @Property({ columnType: 'timestamptz', nullable: true })
  termijnVerstrekenGemeld?: Date;

  // "zoektekst" (a generated tsvector over titel and omschrijving) is not mapped: only the list's full-text filter reads it.
}
