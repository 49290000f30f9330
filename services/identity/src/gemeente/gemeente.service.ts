import { Injectable } from '@nestjs/common';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  GEMEENTE_EVENTS,
  type GemeenteInstellingen,
  type GemeenteInstellingenGewijzigd,
  type GemeenteView,
  type MessageContext,
  type Principal,
  type UpsertGemeente,
  type WijzigInstellingen,
} from '@samen/contracts';
import { DomainError, Outbox } from '@samen/platform';
import { Gemeente } from './gemeente.entity';
import { magInstellingenWijzigen, standaardInstellingen, wijzigInstellingen, zelfdeInstellingen } from './instellingen';

/** A fixed key order: jsonb stores keys in its own order, and a reply should not depend on where it was read from. */
function ordered({ steundrempel, reactietermijnDagen, peilingen }: GemeenteInstellingen): GemeenteInstellingen {
  const { maxAdviesvragen, maxBindendeVragen, bindendDrempelPercentage, opkomstquorumPercentage } = peilingen;
  return { steundrempel, reactietermijnDagen, peilingen: { maxAdviesvragen, maxBindendeVragen, bindendDrempelPercentage, opkomstquorumPercentage } };
}

type GemeenteGegevens = Pick<Gemeente, 'code' | 'naam' | 'bouwstenen' | 'aangemaaktTijdstip' | 'instellingen'>;

export function toView(gemeente: GemeenteGegevens): GemeenteView {
  return {
    code: gemeente.code,
    naam: gemeente.naam,
    bouwstenen: [...gemeente.bouwstenen],
    instellingen: ordered(gemeente.instellingen),
    aangemaaktTijdstip: gemeente.aangemaaktTijdstip.toISOString(),
  };
}

@Injectable()
export class GemeenteService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  /**
   * One raw SELECT, no managed entity: samenspreker asks for the settings on every new vraagstuk,
   * and the ORM's query building and hydration were most of identity's CPU for that (bench/README.md).
   * pg gives text[] as an array and jsonb parsed; timestamptz comes as text (MikroORM sets pg up so).
   */
  async get(code: string): Promise<GemeenteView> {
    const [rij] = await this.em.execute<Array<Omit<GemeenteGegevens, 'aangemaaktTijdstip'> & { aangemaaktTijdstip: string }>>(
      `select "code", "naam", "bouwstenen", "aangemaakt_tijdstip" as "aangemaaktTijdstip", "instellingen" from "identity"."gemeente" where "code" = ?`,
      [code],
    );
    if (!rij) throw DomainError.notFound(`Gemeente ${code}`);
    return toView({ ...rij, aangemaaktTijdstip: new Date(rij.aangemaaktTijdstip) });
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
      if (!gemeente) gemeente = em.create(Gemeente, { code: input.code, naam: input.naam, bouwstenen, aangemaaktTijdstip: new Date(), instellingen: standaardInstellingen() });
      else em.assign(gemeente, { naam: input.naam, bouwstenen });
      const view = toView(gemeente);
      await this.outbox.add(em, {
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

  /** Changes some settings; the event carries the full settings after the change. */
  async wijzigInstellingen(input: WijzigInstellingen, actor: Principal | undefined, context: MessageContext): Promise<GemeenteView> {
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Log in om de instellingen van een gemeente te wijzigen.');
    if (!magInstellingenWijzigen(actor, input.code)) {
      throw new DomainError('FORBIDDEN', 'Alleen het gemeentebeheer van deze gemeente of het platformbeheer mag haar instellingen wijzigen.');
    }
    return this.em.transactional(async (em) => {
      const gemeente = await em.findOne(Gemeente, { code: input.code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!gemeente) throw DomainError.notFound(`Gemeente ${input.code}`);
      const instellingen = wijzigInstellingen(gemeente.instellingen, input.instellingen);
      if (zelfdeInstellingen(gemeente.instellingen, instellingen)) return toView(gemeente);
      gemeente.instellingen = instellingen;
      const data: GemeenteInstellingenGewijzigd = { code: gemeente.code, instellingen: ordered(instellingen) };
      await this.outbox.add(em, {
        subject: GEMEENTE_EVENTS.instellingenGewijzigd,
        resource: 'gemeente',
        event: 'instellingen-gewijzigd',
        about: gemeente.code,
        data,
        context: { gemeente: gemeente.code, correlationId: context.correlationId },
      });
      return toView(gemeente);
    });
  }
}
