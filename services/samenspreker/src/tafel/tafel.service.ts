import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeelnemerView, Principal, TafelRol } from '@samen/contracts';
import { Deelnemer } from './deelnemer.entity';

export function toDeelnemerView(d: Deelnemer): DeelnemerView {
  return {
    id: d.id,
    vraagstukId: d.vraagstukId,
    accountId: d.accountId,
    rol: d.rol,
    segment: d.segment,
    ...(d.organisatie ? { organisatie: d.organisatie } : {}),
    status: d.status,
    sinds: d.sinds.toISOString(),
  };
}

/**
 * Who sits at a vraagstuk's table. Other aggregates ask it in their own transaction (pass their
 * `em`): "is this account an active deelnemer, in which role?"
 */
@Injectable()
export class Tafel {
  /** The account's seat at this vraagstuk's table, only while it is active. */
  async actieveDeelnemer(em: EntityManager, vraagstukId: string, accountId: string): Promise<Deelnemer | null> {
    return em.findOne(Deelnemer, { vraagstukId, accountId, status: 'actief' });
  }

  /** The account's table role, if it sits at the table now. */
  async rolVan(em: EntityManager, vraagstukId: string, accountId: string): Promise<TafelRol | undefined> {
    return (await this.actieveDeelnemer(em, vraagstukId, accountId))?.rol;
  }

  async actieveDeelnemers(em: EntityManager, vraagstukId: string): Promise<Deelnemer[]> {
    return em.find(Deelnemer, { vraagstukId, status: 'actief' }, { orderBy: { sinds: 'asc', id: 'asc' } });
  }

  /** Whoever raises a vraagstuk sits at its table from the start, for the segment and organisation of their token. */
  neemInitiatiefnemerOp(em: EntityManager, vraagstuk: { id: string; gemeente: string }, actor: Principal, sinds: Date): Deelnemer {
    return em.create(Deelnemer, {
      id: randomUUID(),
      vraagstukId: vraagstuk.id,
      gemeente: vraagstuk.gemeente,
      accountId: actor.accountId,
      rol: 'initiatiefnemer',
      segment: actor.segment,
      ...(actor.organisatie ? { organisatie: actor.organisatie } : {}),
      status: 'actief',
      sinds,
    });
  }
}
