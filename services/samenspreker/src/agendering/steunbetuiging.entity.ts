import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Segment } from '@samen/contracts';

/**
 * Support for a vraagstuk in agendering: of one account for itself (organisatie null), or of one
 * organisation (whichever member gave it). The migration's partial unique indexes hold both rules.
 * Never listed publicly: the vraagstuk shows only how many there are.
 */
@Entity({ tableName: 'steunbetuiging' })
export class Steunbetuiging {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  vraagstukId: string;

  @Property({ length: 6 })
  gemeente: string;

  /** Who gave it (no foreign key: accounts live in identity and may be erased). */
  @Property({ type: 'uuid' })
  accountId: string;

  @Property({ length: 20 })
  segment: Segment;

  @Property({ type: 'uuid', nullable: true })
  organisatie?: string;

  @Property({ columnType: 'timestamptz' })
  tijdstip: Date;
}
