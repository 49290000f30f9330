import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  type MessageContext,
  type NieuweReactie,
  type Principal,
  REACTIE_EVENTS,
  REACTIES_STANDAARD_LIMIET,
  type ReactieGeplaatst,
  type ReactieList,
  type ReactieLijstVraag,
  type ReactieVerbergen,
  type ReactieVerborgen,
  type ReactieView,
} from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { tijdlijnActor, vereisActor, vereisGemeente, vergrendelVraagstuk, vergrendelVraagstukFase, vindVraagstuk, werkGemeente } from '../gedeeld/werk-context';
import { Pseudoniemen } from '../gedeeld/pseudoniem';
import { EINDFASEN } from '../gedeeld/toegang';
import { Oplossing } from '../oplossing/oplossing.entity';
import { Vastlegging } from '../tijdlijn/vastlegging';
import { leesCursor, maakCursor } from '../vraagstuk/vraagstuk-cursor';
import type { Vraagstuk } from '../vraagstuk/vraagstuk.entity';
import { Reactie } from './reactie.entity';

/** Once a vraagstuk is finished or turned down, its discussion is closed and stays as it was. */

@Injectable()
export class ReactieService {
  constructor(
    private readonly em: EntityManager,
    private readonly vastlegging: Vastlegging,
    private readonly pseudoniemen: Pseudoniemen,
  ) {}

  /** A hidden reactie keeps its place in the thread but shows neither text nor author. */
  private toView(r: Reactie, kijker?: Principal): ReactieView {
    const plaats = {
      id: r.id,
      vraagstukId: r.vraagstukId,
      ...(r.oplossingId ? { oplossingId: r.oplossingId } : {}),
      ...(r.antwoordOp ? { antwoordOp: r.antwoordOp } : {}),
      tijdstip: r.tijdstip.toISOString(),
    };
    if (r.verborgenOp) return { ...plaats, verborgen: true, reden: r.verborgenReden! };
    return { ...plaats, auteur: this.pseudoniemen.persoon(r.vraagstukId, r, kijker), tekst: r.tekst };
  }

  /** Any logged-in account of the gemeente: the discussion is public, not only for the table. */
  async create(input: NieuweReactie, caller: Principal | undefined, context: MessageContext): Promise<ReactieView> {
    const actor = vereisActor(caller, 'te reageren');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstukFase(em, input.vraagstukId, gemeente);
      if (input.oplossingId) await this.vindOplossing(em, vraagstuk, input.oplossingId);
      if (EINDFASEN.includes(vraagstuk.fase)) {
        throw new DomainError('CONFLICT', `Dit vraagstuk is ${vraagstuk.fase}; de discussie is gesloten.`);
      }
      if (input.antwoordOp) {
        // A thread stays within one discussion: the vraagstuk's own, or that of one oplossing.
        const ouder = await em.findOne(Reactie, { id: input.antwoordOp, vraagstukId: vraagstuk.id, oplossingId: input.oplossingId ?? null });
        if (!ouder) throw DomainError.validation([{ name: 'antwoordOp', code: 'onbekend', reason: 'U kunt alleen antwoorden op een reactie in dezelfde discussie.' }]);
      }
      const reactie: Reactie = {
        id: randomUUID(),
        vraagstukId: vraagstuk.id,
        gemeente,
        ...(input.oplossingId ? { oplossingId: input.oplossingId } : {}),
        ...(input.antwoordOp ? { antwoordOp: input.antwoordOp } : {}),
        accountId: actor.accountId,
        segment: actor.segment,
        ...(actor.organisatie ? { organisatie: actor.organisatie } : {}),
        tekst: input.tekst,
        tijdstip: new Date(),
      };
      // One INSERT, not an entity for the unit of work: placing a reactie is the busiest write
      // there is, and nothing in this transaction reads the reactie back.
      await em.execute(
        `insert into "samenspreker"."reactie" ("id", "vraagstuk_id", "gemeente", "oplossing_id", "antwoord_op", "account_id", "segment", "organisatie", "tekst", "tijdstip")
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [reactie.id, reactie.vraagstukId, gemeente, reactie.oplossingId ?? null, reactie.antwoordOp ?? null, reactie.accountId, reactie.segment, reactie.organisatie ?? null, reactie.tekst, reactie.tijdstip],
        'run',
      );
      const plaats = { ...(input.oplossingId ? { oplossingId: input.oplossingId } : {}), ...(input.antwoordOp ? { antwoordOp: input.antwoordOp } : {}) };
      const geplaatst: ReactieGeplaatst = { id: reactie.id, vraagstukId: vraagstuk.id, gemeente, ...plaats, segment: actor.segment };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'reactie-geplaatst',
          actor: tijdlijnActor(actor),
          // Not the text: the timeline is permanent, and a moderator must be able to hide what was said.
          gegevens: { reactieId: reactie.id, ...plaats },
          event: { subject: REACTIE_EVENTS.geplaatst, resource: 'reactie', event: 'geplaatst', about: reactie.id, data: geplaatst },
        },
        context,
      );
      return this.toView(reactie, actor);
    });
  }

  /** Public: one discussion, oldest first, a page at a time (keyset on tijdstip, id). */
  async list(vraag: ReactieLijstVraag, context: MessageContext, actor?: Principal): Promise<ReactieList> {
    const vraagstuk = await vindVraagstuk(this.em, vraag.vraagstukId, werkGemeente(context, actor));
    if (vraag.oplossingId) await this.vindOplossing(this.em, vraagstuk, vraag.oplossingId);
    const limiet = vraag.limiet ?? REACTIES_STANDAARD_LIMIET;
    const na = vraag.na ? leesCursor(vraag.na) : undefined;
    const rijen = await this.em.find(
      Reactie,
      {
        vraagstukId: vraagstuk.id,
        oplossingId: vraag.oplossingId ?? null,
        ...(na ? { $or: [{ tijdstip: { $gt: na.tijdstip } }, { tijdstip: na.tijdstip, id: { $gt: na.id } }] } : {}),
      },
      { orderBy: { tijdstip: 'asc', id: 'asc' }, limit: limiet + 1 },
    );
    const pagina = rijen.slice(0, limiet);
    const laatste = pagina[pagina.length - 1];
    return {
      items: pagina.map((r) => this.toView(r, actor)),
      ...(rijen.length > limiet && laatste ? { volgende: maakCursor({ tijdstip: laatste.tijdstip, id: laatste.id }) } : {}),
    };
  }

  /** A moderator of the gemeente hides a reactie, once, with a public reason; the text stays out of the record. */
  async verberg(input: ReactieVerbergen, caller: Principal | undefined, context: MessageContext): Promise<ReactieView> {
    const actor = vereisActor(caller, 'een reactie te verbergen');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.vraagstukId, gemeente);
      const reactie = await em.findOne(Reactie, { id: input.reactieId, vraagstukId: vraagstuk.id });
      if (!reactie) throw DomainError.notFound('Deze reactie');
      if (reactie.verborgenOp) throw new DomainError('CONFLICT', 'Deze reactie is al verborgen.');
      const reden = input.reden.trim();
      reactie.verborgenOp = new Date();
      reactie.verborgenReden = reden;
      await em.flush();
      const verborgen: ReactieVerborgen = { id: reactie.id, vraagstukId: vraagstuk.id, gemeente, reden };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'reactie-verborgen',
          actor: tijdlijnActor(actor),
          gegevens: { reactieId: reactie.id, reden },
          event: { subject: REACTIE_EVENTS.verborgen, resource: 'reactie', event: 'verborgen', about: reactie.id, data: verborgen },
        },
        context,
      );
      return this.toView(reactie);
    });
  }

  private async vindOplossing(em: EntityManager, vraagstuk: Pick<Vraagstuk, 'id'>, oplossingId: string): Promise<void> {
    if (!(await em.count(Oplossing, { id: oplossingId, vraagstukId: vraagstuk.id }))) throw DomainError.notFound('Deze oplossing');
  }
}
