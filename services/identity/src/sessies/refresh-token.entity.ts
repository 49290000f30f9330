import { randomUUID } from 'node:crypto';
import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One refresh token of a family (see vernieuwing.ts). Only its SHA-256 is stored. A spent token
 * stays, marked `vervangen`, so that its reuse can be recognised.
 */
@Entity({ tableName: 'refresh_token' })
export class RefreshToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The login that started the family; every successor shares it. */
  @Property({ type: 'uuid' })
  familie: string;

  @Property({ type: 'uuid', nullable: true })
  vorige: string | null = null;

  @Property({ type: 'uuid' })
  accountId: string;

  @Property({ type: 'string', length: 64 })
  hash: string;

  /** The organisation the session acts for (a mandate, checked at every refresh); null: as itself. */
  @Property({ type: 'uuid', nullable: true })
  organisatie: string | null = null;

  /** How the login of the family was made (`pwd`, `otp`), carried into every access token. */
  @Property({ type: 'text[]' })
  amr: string[];

  @Property({ type: 'Date', columnType: 'timestamptz' })
  familieBeginTijdstip: Date;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  aangemaaktTijdstip: Opt<Date> = new Date();

  @Property({ type: 'Date', columnType: 'timestamptz' })
  verlooptTijdstip: Date;

  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  vervangenTijdstip: Date | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  ingetrokkenTijdstip: Date | null = null;
}
