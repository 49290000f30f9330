import { Injectable } from '@nestjs/common';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { GEMEENTE_EVENTS, type GemeenteView, type MessageContext, type UpsertGemeente } from '@samen/contracts';
import { DomainError, Outbox } from '@samen/platform';
import { Gemeente } from './gemeente.entity';

export function toView(gemeente: Gemeente): GemeenteView {
  return {
    code: gemeente.code,
    naam: gemeente.naam,
    bouwstenen: [...gemeente.bouwstenen],
    aangemaaktTijdstip: gemeente.aangemaaktTijdstip.toISOString(),
  };
}

@Injectable()
export class GemeenteService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  async get(code: string): Promise<GemeenteView> {
    const gemeente = await this.em.findOne(Gemeente, { code });
    if (!gemeente) throw DomainError.notFound(`Gemeente ${code}`);
    return toView(gemeente);
  }

  async list(): Promise<GemeenteView[]> {
    const all = await this.em.find(Gemeente, {}, { orderBy: { code: 'asc' } });
    return all.map(toView);
  }

  /** Creates or updates a gemeente; an event goes out only when something changed. */
  async upsert(input: UpsertGemeente, context: MessageContext): Promise<GemeenteView> {
    try {
      return await this.upsertOnce(input, context);
    } catch (error) {
      // Two first upserts of one code at once both find nothing and both insert; the second
      // commit hits the primary key. The contract calls upsert idempotent, so that caller must
      // not get CONFLICT: once more, it now finds the row and updates (or just returns) it.
      if (error instanceof UniqueConstraintViolationException) return this.upsertOnce(input, context);
      throw error;
    }
  }

  private upsertOnce(input: UpsertGemeente, context: MessageContext): Promise<GemeenteView> {
    return this.em.transactional(async (em) => {
      // Locked, so concurrent updates of one gemeente take turns: the change read here is the
      // one committed, and its events are written in the order the changes were made.
      let gemeente = await em.findOne(Gemeente, { code: input.code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const bouwstenen = [...input.bouwstenen].sort();
      if (gemeente && gemeente.naam === input.naam && [...gemeente.bouwstenen].sort().join() === bouwstenen.join()) {
        return toView(gemeente);
      }
      if (!gemeente) gemeente = em.create(Gemeente, { code: input.code, naam: input.naam, bouwstenen, aangemaaktTijdstip: new Date() });
      else em.assign(gemeente, { naam: input.naam, bouwstenen });
      const view = toView(gemeente);
      this.outbox.add(em, {
        subject: GEMEENTE_EVENTS.vastgelegd,
        resource: 'gemeente',
        event: 'vastgelegd',
        about: gemeente.code,
        data: view,
        context: { gemeente: gemeente.code, correlationId: context.correlationId },
      });
      return view;
    });
  }
}
