import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { BesluitOrgaan } from '@samen/contracts';

/**
 * A published besluit. Never updated or deleted (a trigger refuses both): a correction is a new
 * besluit whose `corrigeert` names this one, and who corrected it is found by reading, not stored here.
 */
@Entity({ tableName: 'besluit' })
export class Besluit {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  vraagstukId: string;

  @Property({ length: 6 })
  gemeente: string;

  @Property({ length: 20 })
  orgaan: BesluitOrgaan;

  @Property({ type: 'uuid', nullable: true })
  organisatie?: string;

  @Property({ columnType: 'text' })
  tekst: string;

  @Property({ columnType: 'text' })
  motivatie: string;

  /** The chosen versions, checked to exist when the besluit is published (versions never change, so no foreign key is needed to keep them valid). */
  @Property({ type: 'json', columnType: 'jsonb' })
  oplossingVersies: Array<{ oplossingId: string; versie: number }>;

  @Property({ type: 'text[]', columnType: 'uuid[]' })
  stemmingen: string[];

  @Property({ type: 'date', columnType: 'date' })
  datum: string;

  @Property({ type: 'uuid', nullable: true })
  corrigeert?: string;

  /** The vraagstuk's faseSinds when it was published: the besluitvorming pass it belongs to. */
  @Property({ columnType: 'timestamptz' })
  besluitvormingSinds: Date;

  @Property({ columnType: 'timestamptz' })
  gepubliceerdTijdstip: Date;
}
