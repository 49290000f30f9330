import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type FilterQuery, raw } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  type FaseWijziging,
  GEMEENTE_SUBJECTS,
  type GemeenteView,
  type MessageContext,
  type NieuwVraagstuk,
  type Principal,
  VRAAGSTUK_EVENTS,
  type VraagstukAangemaakt,
  type VraagstukFaseGewijzigd,
  type VraagstukList,
  type VraagstukLijstVraag,
  VRAAGSTUKKEN_STANDAARD_LIMIET,
  type VraagstukView,
} from '@samen/contracts';
import { BouwsteenClient, DomainError } from '@samen/platform';
import { reactieUiterlijk, termijnVerstreken } from '../agendering/agendering-regels';
import { Pseudoniemen } from '../gedeeld/pseudoniem';
import { tijdlijnActor, vereisActor, vereisGemeente, vergrendelVraagstuk, werkGemeente } from '../gedeeld/werk-context';
import { Tafel } from '../tafel/tafel.service';
import { Vastlegging } from '../tijdlijn/vastlegging';
import { wijzigFase } from './fase-machine';
import { situatieVan } from './fase-situatie';
import { leesCursor, maakCursor } from './vraagstuk-cursor';
import { Vraagstuk } from './vraagstuk.entity';


/** termijnVerstreken() in SQL: still in agendering after the promised moment (true), or not (false). */
function termijnFilter(verstreken: boolean, nu: Date): FilterQuery<Vraagstuk> {
  return verstreken ? { fase: 'agendering', reactieUiterlijk: { $lt: nu } } : { $or: [{ fase: { $ne: 'agendering' } }, { reactieUiterlijk: { $gte: nu } }] };
}

@Injectable()
export class VraagstukService {
  constructor(
    private readonly em: EntityManager,
    private readonly vastlegging: Vastlegging,
    private readonly tafel: Tafel,
    private readonly bouwstenen: BouwsteenClient,
    private readonly pseudoniemen: Pseudoniemen,
  ) {}

  /** The vraagstuk as the public sees it; the initiatiefnemer by pseudonym. */
  private view(v: Vraagstuk, kijker?: Principal): VraagstukView {
    return {
      id: v.id,
      gemeente: v.gemeente,
      soort: v.soort,
      titel: v.titel,
      omschrijving: v.omschrijving,
      gebied: { code: v.gebiedCode, naam: v.gebiedNaam },
      themas: v.themas,
      initiatiefnemer: this.pseudoniemen.persoon(
        v.id,
        { accountId: v.initiatiefnemerAccountId, segment: v.initiatiefnemerSegment, organisatie: v.initiatiefnemerOrganisatie },
        kijker,
      ),
      fase: v.fase,
      faseSinds: v.faseSinds.toISOString(),
      aangemaaktTijdstip: v.aangemaaktTijdstip.toISOString(),
      steun: { aantal: v.steunAantal, drempel: v.steundrempel },
      reactietermijn: { uiterlijk: v.reactieUiterlijk.toISOString(), verstreken: termijnVerstreken(v.fase, v.reactieUiterlijk, new Date()) },
    };
  }

  async create(input: NieuwVraagstuk, caller: Principal | undefined, context: MessageContext): Promise<VraagstukView> {
    const actor = vereisActor(caller, 'een vraagstuk in te dienen');
    const gemeente = vereisGemeente(context, actor);
    // The gemeente's settings as they are now become the vraagstuk's promise: a later change does not
    // move its goalposts. Identity always runs beside samenspreker; should it not answer, raising a
    // vraagstuk fails with its 503/504 rather than making a promise nobody set.
    const { instellingen } = await this.bouwstenen.request<GemeenteView>(GEMEENTE_SUBJECTS.get, { code: gemeente }, context);
    return this.em.transactional(async (em) => {
      const nu = new Date();
      const vraagstuk = em.create(Vraagstuk, {
        id: randomUUID(),
        gemeente,
        soort: input.soort,
        titel: input.titel.trim(),
        omschrijving: input.omschrijving,
        gebiedCode: input.gebied.code,
        gebiedNaam: input.gebied.naam,
        // Duplicates say nothing more and would count twice in monitoring.
        themas: [...new Set((input.themas ?? []).map((t) => t.trim()).filter(Boolean))],
        initiatiefnemerAccountId: actor.accountId,
        initiatiefnemerSegment: actor.segment,
        ...(actor.organisatie ? { initiatiefnemerOrganisatie: actor.organisatie } : {}),
        fase: 'agendering',
        faseSinds: nu,
        aangemaaktTijdstip: nu,
        steundrempel: instellingen.steundrempel,
        reactieUiterlijk: reactieUiterlijk(nu, instellingen.reactietermijnDagen),
      });
      // The row first: the seat and the timeline refer to it (the unit of work does not order unrelated inserts).
      await em.flush();
      this.tafel.neemInitiatiefnemerOp(em, vraagstuk, actor, nu);
      await em.flush();
      const aangemaakt: VraagstukAangemaakt = {
        id: vraagstuk.id,
        gemeente,
        soort: vraagstuk.soort,
        titel: vraagstuk.titel,
        gebied: { code: vraagstuk.gebiedCode, naam: vraagstuk.gebiedNaam },
        themas: vraagstuk.themas,
        initiatiefnemer: { segment: actor.segment, ...(actor.organisatie ? { organisatie: actor.organisatie } : {}) },
        fase: vraagstuk.fase,
      };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'vraagstuk-aangemaakt',
          actor: tijdlijnActor(actor),
          gegevens: { soort: vraagstuk.soort, titel: vraagstuk.titel, omschrijving: vraagstuk.omschrijving, gebied: aangemaakt.gebied, themas: vraagstuk.themas },
          event: { subject: VRAAGSTUK_EVENTS.aangemaakt, resource: 'vraagstuk', event: 'aangemaakt', about: vraagstuk.id, data: aangemaakt },
        },
        context,
      );
      return this.view(vraagstuk, actor);
    });
  }

  /** Public. Within a gemeente, another gemeente's vraagstuk does not exist. */
  async get(id: string, context: MessageContext, actor?: Principal): Promise<VraagstukView> {
    const gemeente = werkGemeente(context, actor);
    const vraagstuk = await this.em.findOne(Vraagstuk, { id, ...(gemeente ? { gemeente } : {}) });
    if (!vraagstuk) throw DomainError.notFound('Dit vraagstuk');
    return this.view(vraagstuk, actor);
  }

  /** Public: newest first, a page at a time (keyset on aangemaaktTijdstip, id, both descending). */
  async list(vraag: VraagstukLijstVraag, context: MessageContext, actor?: Principal): Promise<VraagstukList> {
    const gemeente = vereisGemeente(context, actor);
    const limiet = vraag.limiet ?? VRAAGSTUKKEN_STANDAARD_LIMIET;
    const na = vraag.na ? leesCursor(vraag.na) : undefined;
    const nu = new Date();
    const rijen = await this.em.find(
      Vraagstuk,
      {
        gemeente,
        ...(vraag.fase ? { fase: vraag.fase } : {}),
        ...(vraag.soort ? { soort: vraag.soort } : {}),
        ...(vraag.gebied ? { gebiedCode: vraag.gebied } : {}),
        ...(vraag.thema ? { themas: { $contains: [vraag.thema] } } : {}),
        // websearch_to_tsquery: what people type in a search box (words, "a phrase", -not) never fails to parse.
        ...(vraag.q ? { [raw((alias) => `${alias}.zoektekst @@ websearch_to_tsquery('dutch', ?)`, [vraag.q])]: [] } : {}),
        ...(vraag.termijnVerstreken !== undefined ? { $and: [termijnFilter(vraag.termijnVerstreken, nu)] } : {}),
        ...(na ? { $or: [{ aangemaaktTijdstip: { $lt: na.tijdstip } }, { aangemaaktTijdstip: na.tijdstip, id: { $lt: na.id } }] } : {}),
      },
      { orderBy: { aangemaaktTijdstip: 'desc', id: 'desc' }, limit: limiet + 1 },
    );
    const pagina = rijen.slice(0, limiet);
    const laatste = pagina[pagina.length - 1];
    return {
      items: pagina.map((v) => this.view(v, actor)),
      ...(rijen.length > limiet && laatste ? { volgende: maakCursor({ tijdstip: laatste.aangemaaktTijdstip, id: laatste.id }) } : {}),
    };
  }

  /** Moves the vraagstuk to another phase, if the phase machine allows it for this actor now. */
  async faseWijzigen(input: FaseWijziging, caller: Principal | undefined, context: MessageContext): Promise<VraagstukView> {
    const actor = vereisActor(caller, 'de fase van een vraagstuk te wijzigen');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      // Locked, so two concurrent transitions cannot both start from the same phase.
      const vraagstuk = await vergrendelVraagstuk(em, input.id, gemeente);
      const van = vraagstuk.fase;
      const tafelRol = await this.tafel.rolVan(em, vraagstuk.id, actor.accountId);
      wijzigFase(van, input.naar, await situatieVan(em, vraagstuk), { rollen: actor.rollen, ...(tafelRol ? { tafelRol } : {}) }, input.motivatie);
      const nu = new Date();
      vraagstuk.fase = input.naar;
      vraagstuk.faseSinds = nu;
      await em.flush();
      const gewijzigd: VraagstukFaseGewijzigd = { id: vraagstuk.id, gemeente, van, naar: input.naar, motivatie: input.motivatie, tijdstip: nu.toISOString() };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'fase-gewijzigd',
          actor: tijdlijnActor(actor),
          gegevens: { van, naar: input.naar, motivatie: input.motivatie },
          event: { subject: VRAAGSTUK_EVENTS.faseGewijzigd, resource: 'vraagstuk', event: 'fase-gewijzigd', about: vraagstuk.id, data: gewijzigd },
        },
        context,
      );
      return this.view(vraagstuk, actor);
    });
  }
}
