import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CONTEXT_HEADERS, type MessageContext, type Principal } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { Vraagstuk } from '../vraagstuk/vraagstuk.entity';

/**
 * What every samenspreker step needs to know about who asks and where: one place, so each aggregate
 * (tafel, rondes, besluiten …) applies the same gemeente and login rules.
 */

/** The gemeente a request acts in: the one it names, else the token's. */
export function werkGemeente(context: MessageContext, actor?: Principal): string | undefined {
  return context.gemeente ?? actor?.gemeente;
}

export function vereisGemeente(context: MessageContext, actor?: Principal): string {
  const gemeente = werkGemeente(context, actor);
  if (!gemeente) {
    throw DomainError.validation([{ name: CONTEXT_HEADERS.gemeente, code: 'isNotEmpty', reason: `Noem de gemeente in ${CONTEXT_HEADERS.gemeente}.` }]);
  }
  return gemeente;
}

/** The guard lets only logged-in callers through to `@Ingelogd` handlers; this narrows the type and says why in Dutch. */
export function vereisActor(actor: Principal | undefined, wat: string): Principal {
  if (!actor) throw new DomainError('UNAUTHENTICATED', `Log in om ${wat}.`);
  return actor;
}

/**
 * Who did a step: account, segment and organisation. Internal: Vastlegging turns the account into
 * the vraagstuk's pseudonym before anything reaches the public timeline.
 */
export interface Handelende {
  accountId: string;
  segment: string;
  organisatie?: string;
}

/** The {@link Handelende} of a step taken by this token. */
export function tijdlijnActor(actor: Principal): Handelende {
  return { accountId: actor.accountId, segment: actor.segment, ...(actor.organisatie ? { organisatie: actor.organisatie } : {}) };
}

/**
 * Reads the vraagstuk of this gemeente and locks its row until the transaction ends, so that a step
 * that depends on the phase (a steunbetuiging, a new oplossing, a besluit) cannot interleave with a
 * phase change. Another gemeente's vraagstuk does not exist here (404).
 */
export async function vergrendelVraagstuk(em: EntityManager, id: string, gemeente: string): Promise<Vraagstuk> {
  const vraagstuk = await em.findOne(Vraagstuk, { id, gemeente }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!vraagstuk) throw DomainError.notFound('Dit vraagstuk');
  return vraagstuk;
}

/**
 * The same lock for a step that only needs the phase (placing a reactie, the busiest write): one
 * SELECT … FOR UPDATE of two columns, without an entity for the unit of work to hydrate and check.
 */
export async function vergrendelVraagstukFase(em: EntityManager, id: string, gemeente: string): Promise<Pick<Vraagstuk, 'id' | 'fase'>> {
  const [rij] = await em.execute<Array<Pick<Vraagstuk, 'id' | 'fase'>>>(`select "id", "fase" from "samenspreker"."vraagstuk" where "id" = ? and "gemeente" = ? for update`, [id, gemeente]);
  if (!rij) throw DomainError.notFound('Dit vraagstuk');
  return rij;
}

/** The vraagstuk of this gemeente, unlocked, for reads. */
export async function vindVraagstuk(em: EntityManager, id: string, gemeente: string | undefined): Promise<Vraagstuk> {
  const vraagstuk = await em.findOne(Vraagstuk, { id, ...(gemeente ? { gemeente } : {}) });
  if (!vraagstuk) throw DomainError.notFound('Dit vraagstuk');
  return vraagstuk;
}
