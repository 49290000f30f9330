import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { hashToken, nieuwOpaakToken } from '../sessies/opaque-token';
import { AccountToken, type AccountTokenSoort } from './account-token.entity';

/** How long a link in a mail works. A reset link is short-lived: it is as good as the password. */
export const GELDIGHEID_MS: Record<AccountTokenSoort, number> = {
  'e-mailbevestiging': 24 * 60 * 60 * 1000,
  wachtwoordherstel: 60 * 60 * 1000,
  // Enough to install an authenticator app; it opens nothing but the enrolment.
  'tweede-factor': 10 * 60 * 1000,
};

/** Creates a single-use token for the account; earlier unused ones of the same kind stop working. */
export async function maakAccountToken(em: EntityManager, accountId: string, soort: AccountTokenSoort, nu = new Date()): Promise<string> {
  await em.nativeUpdate(AccountToken, { accountId, soort, gebruiktTijdstip: null }, { gebruiktTijdstip: nu });
  const { token, hash } = nieuwOpaakToken();
  em.persist(em.create(AccountToken, { accountId, soort, hash, verlooptTijdstip: new Date(nu.getTime() + GELDIGHEID_MS[soort]), aangemaaktTijdstip: nu }));
  return token;
}

/** The account id of a live token of this kind, without spending it (enrolment takes two steps). */
export async function leesAccountToken(em: EntityManager, token: string, soort: AccountTokenSoort, nu = new Date()): Promise<string | undefined> {
  const gevonden = await em.findOne(AccountToken, { hash: hashToken(token), soort });
  if (!gevonden || gevonden.gebruiktTijdstip || gevonden.verlooptTijdstip.getTime() <= nu.getTime()) return undefined;
  return gevonden.accountId;
}

/** Spends a token: the account id if it is of this kind, unused and not expired; else undefined. */
export async function gebruikAccountToken(em: EntityManager, token: string, soort: AccountTokenSoort, nu = new Date()): Promise<string | undefined> {
  const gevonden = await em.findOne(AccountToken, { hash: hashToken(token), soort }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!gevonden || gevonden.gebruiktTijdstip || gevonden.verlooptTijdstip.getTime() <= nu.getTime()) return undefined;
  gevonden.gebruiktTijdstip = nu;
  return gevonden.accountId;
}
