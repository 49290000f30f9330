import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Handeling, VerwerkingenPagina, VerwerkingView } from '@samen/contracts';
import { leesCursor, limietVan, maakCursor } from './verwerking.rules';
import { Verwerking } from './verwerking.entity';

export interface NieuweVerwerking {
  /** Account id of who processes, or `systeem` (see actorVan). */
  actor: string;
  /** Account id of whose data is processed. */
  betrokkene: string;
  gemeente?: string | null;
  handeling: Handeling;
  /** The ground or purpose in words, e.g. "AVG art. 20: recht op overdraagbaarheid". */
  grondslag: string;
  correlationId: string;
}

/**
 * The processing log of identity ("Logboek dataverwerkingen" in spirit). Call `vastleggen` with
 * the transaction that does the processing, so the entry exists if and only if the processing does:
 *
 *   await em.transactional(async (tx) => { …change…; this.verwerkingslog.vastleggen(tx, {…}); });
 */
@Injectable()
export class Verwerkingslog {
  vastleggen(em: EntityManager, invoer: NieuweVerwerking, tijdstip = new Date()): Verwerking {
    const verwerking = em.create(Verwerking, {
      tijdstip,
      actor: invoer.actor,
      betrokkene: invoer.betrokkene,
      gemeente: invoer.gemeente ?? null,
      handeling: invoer.handeling,
      grondslag: invoer.grondslag,
      correlationId: invoer.correlationId,
    });
    em.persist(verwerking);
    return verwerking;
  }

  /** About one person, newest first. */
  over(em: EntityManager, betrokkene: string, na?: string, limiet?: number): Promise<VerwerkingenPagina> {
    return this.pagina(em, { betrokkene }, na, limiet);
  }

  /** In one gemeente, newest first. */
  in(em: EntityManager, gemeente: string, na?: string, limiet?: number): Promise<VerwerkingenPagina> {
    return this.pagina(em, { gemeente }, na, limiet);
  }

  private async pagina(em: EntityManager, filter: { betrokkene: string } | { gemeente: string }, na?: string, gevraagd?: number): Promise<VerwerkingenPagina> {
    const limiet = limietVan(gevraagd);
    const positie = na ? leesCursor(na) : undefined;
    const voor = positie ? { $or: [{ tijdstip: { $lt: positie.tijdstip } }, { tijdstip: positie.tijdstip, id: { $lt: positie.id } }] } : {};
    const rijen = await em.find(Verwerking, { ...filter, ...voor }, { orderBy: { tijdstip: 'desc', id: 'desc' }, limit: limiet + 1 });
    const pagina = rijen.slice(0, limiet);
    const laatste = pagina.at(-1);
    return {
      verwerkingen: pagina.map(toView),
      ...(rijen.length > limiet && laatste ? { volgende: maakCursor(laatste) } : {}),
    };
  }
}

export function toView(v: Verwerking): VerwerkingView {
  return {
    id: v.id,
    tijdstip: v.tijdstip.toISOString(),
    actor: v.actor,
    betrokkene: v.betrokkene,
    ...(v.gemeente ? { gemeente: v.gemeente } : {}),
    handeling: v.handeling,
    grondslag: v.grondslag,
    correlationId: v.correlationId,
  };
}
