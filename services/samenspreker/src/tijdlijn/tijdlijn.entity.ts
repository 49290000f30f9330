import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { JsonWaarde, TijdlijnActor } from './tijdlijn-keten';

/**
 * One entry of a vraagstuk's public timeline. Append-only (a trigger refuses UPDATE and DELETE)
 * and hash-chained, so a change made afterwards, even with database access, shows on verification.
 */
@Entity({ tableName: 'tijdlijn_entry' })
@Unique({ properties: ['vraagstukId', 'volgnummer'] })
export class TijdlijnEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  vraagstukId: string;

  /** 1, 2, … per vraagstuk, without gaps. */
  @Property({ type: 'integer' })
  volgnummer: number;

  @Property({ length: 6 })
  gemeente: string;

  @Property({ columnType: 'timestamptz' })
  tijdstip: Date;

  @Property({ length: 60 })
  soort: string;

  @Property({ type: 'json', nullable: true })
  actor: TijdlijnActor | null;

  @Property({ type: 'json' })
  gegevens: JsonWaarde;

  @Property({ length: 64 })
  vorigeHash: string;

  @Property({ length: 64 })
  hash: string;
}
