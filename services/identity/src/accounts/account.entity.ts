import { randomUUID } from 'node:crypto';
import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { Rol } from '@samen/contracts';

/**
 * An account: one person, in one gemeente (a platformbeheerder has none). The e-mail address is
 * stored lower-cased and is unique per gemeente. Personal data here: e-mail and weergavenaam.
 */
@Entity({ tableName: 'account' })
export class Account {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 6, nullable: true })
  gemeente: string | null = null;

  /** Null only on the tombstone of an erased account (AVG; see Migration20261127004100Avg). */
  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null;

  @Property({ type: 'string', length: 80, nullable: true })
  weergavenaam: string | null;

  /** argon2id, with its parameters in the string; null on a tombstone. */
  @Property({ type: 'text', hidden: true, nullable: true })
  wachtwoordHash: string | null;

  @Property({ type: 'text[]' })
  rollen: Opt<Rol[]> = ['inwoner'];

  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  emailBevestigdTijdstip: Date | null = null;

  /** Failed logins in a row; reset by a good login or a password reset. */
  @Property({ type: 'integer' })
  mislukteAanmeldingen: Opt<number> = 0;

  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  geblokkeerdTot: Date | null = null;

  /** AES-256-GCM (see GeheimVersleuteling); set at enrolment, before activation. */
  @Property({ type: 'text', nullable: true, hidden: true })
  totpGeheimVersleuteld: string | null = null;

  @Property({ type: 'boolean' })
  totpActief: Opt<boolean> = false;

  /** The last TOTP time step accepted: a code is good once. */
  @Property({ type: 'bigint', nullable: true })
  totpLaatsteStap: number | null = null;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  aangemaaktTijdstip: Opt<Date> = new Date();

  /** Set when the account was erased: the row stays as a tombstone without personal data. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  verwijderdTijdstip: Date | null = null;
}

/** An account that has not been erased: its personal fields are present. */
export type LevendAccount = Account & { email: string; weergavenaam: string; wachtwoordHash: string };

export function isLevend(account: Account): account is LevendAccount {
  return account.verwijderdTijdstip === null && account.email !== null && account.weergavenaam !== null && account.wachtwoordHash !== null;
}
