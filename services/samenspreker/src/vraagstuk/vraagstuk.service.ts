import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  type FaseWijziging,
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
import { DomainError } from '@samen/platform';
import { tijdlijnActor, vereisActor, vereisGemeente, vergrendelVraagstuk, werkGemeente } from '../gedeeld/werk-context';
import { Tafel } from '../tafel/tafel.service';
import { Vastlegging } from '../tijdlijn/vastlegging';
import { wijzigFase } from './fase-machine';
import { situatieVan } from './fase-situatie';
import { leesCursor, maakCursor } from './vraagstuk-cursor';
import { Vraagstuk } from './vraagstuk.entity';

function toView(v: Vraagstuk): VraagstukView {
  return {
    id: v.id,
    gemeente: v.gemeente,
    soort: v.soort,
    titel: v.titel,
    omschrijving: v.omschrijving,
    gebied: { code: v.gebiedCode, naam: v.gebiedNaam },
    themas: v.themas,
    initiatiefnemer: {
      accountId: v.initiatiefnemerAccountId,
      segment: v.initiatiefnemerSegment,
      ...(v.initiatiefnemerOrganisatie ? { organisatie: v.initiatiefnemerOrganisatie } : {}),
    },
    fase: v.fase,
    faseSinds: v.faseSinds.toISOString(),
    aangemaaktTijdstip: v.aangemaaktTijdstip.toISOString(),
  };
}

@Injectable()
export class VraagstukService {
  constructor(
    private readonly em: EntityManager,
    private readonly vastlegging: Vastlegging,
    private readonly tafel: Tafel,
  ) {}

  async create(input: NieuwVraagstuk, caller: Principal | undefined, context: MessageContext): Promise<VraagstukView> {
    const actor = vereisActor(caller, 'een vraagstuk in te dienen');
    const gemeente = vereisGemeente(context, actor);
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
      return toView(vraagstuk);
    });
  }

  /** Public. Within a gemeente, another gemeente's vraagstuk does not exist. */
  async get(id: string, context: MessageContext, actor?: Principal): Promise<VraagstukView> {
    const gemeente = werkGemeente(context, actor);
    const vraagstuk = await this.em.findOne(Vraagstuk, { id, ...(gemeente ? { gemeente } : {}) });
    if (!vraagstuk) throw DomainError.notFound('Dit vraagstuk');
    return toView(vraagstuk);
  }

  /** Public: newest first, a page at a time (keyset on aangemaaktTijdstip, id, both descending). */
  async list(vraag: VraagstukLijstVraag, context: MessageContext, actor?: Principal): Promise<VraagstukList> {
    const gemeente = vereisGemeente(context, actor);
    const limiet = vraag.limiet ?? VRAAGSTUKKEN_STANDAARD_LIMIET;
    const na = vraag.na ? leesCursor(vraag.na) : undefined;
    const rijen = await this.em.find(
      Vraagstuk,
      {
        gemeente,
        ...(vraag.fase ? { fase: vraag.fase } : {}),
        ...(vraag.soort ? { soort: vraag.soort } : {}),
        ...(vraag.gebied ? { gebiedCode: vraag.gebied } : {}),
        ...(na ? { $or: [{ aangemaaktTijdstip: { $lt: na.tijdstip } }, { aangemaaktTijdstip: na.tijdstip, id: { $lt: na.id } }] } : {}),
      },
      { orderBy: { aangemaaktTijdstip: 'desc', id: 'desc' }, limit: limiet + 1 },
    );
    const pagina = rijen.slice(0, limiet);
    const laatste = pagina[pagina.length - 1];
    return {
      items: pagina.map(toView),
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
      wijzigFase(van, input.naar, await situatieVan(em, vraagstuk), actor, input.motivatie);
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
      return toView(vraagstuk);
    });
  }
}
