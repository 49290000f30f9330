import { randomUUID } from 'node:crypto';
import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

export const ACCOUNT_TOKEN_SOORTEN = ['e-mailbevestiging', 'wachtwoordherstel', 'tweede-factor'] as const;
export type AccountTokenSoort = (typeof ACCOUNT_TOKEN_SOORTEN)[number];

/** A single-use, expiring token sent by mail; only its SHA-256 is stored. */
@Entity({ tableName: 'account_token' })
export class AccountToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  accountId: string;

  @Property({ type: 'string', length: 30 })
  soort: AccountTokenSoort;

  @Property({ type: 'string', length: 64 })
  hash: string;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  verlooptTijdstip: Date;

  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  gebruiktTijdstip: Date | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  aangemaaktTijdstip: Opt<Date> = new Date();
}
