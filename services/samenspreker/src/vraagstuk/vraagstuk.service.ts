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
import { GemeenteInstellingenBron } from '../gedeeld/gemeente-instellingen';
import { reactieUiterlijk, termijnVerstreken } from '../agendering/agendering-regels';
import { Pseudoniemen } from '../gedeeld/pseudoniem';
import { tijdlijnActor, vereisActor, vereisGemeente, vergrendelVraagstuk, werkGemeente } from '../gedeeld/werk-context';
import { Tafel } from '../tafel/tafel.service';
import { Vastlegging } from '../tijdlijn/vastlegging';
import { wijzigFase } from './fase-machine';
import { situatieVan } from './fase-situatie';
import { leesCursor, maakCursor } from './vraagstuk-cursor';
import { Vraagstuk } from './vraagstuk.entity';


/** What a public view shows of a vraagstuk: a managed entity after a write, a raw row on a read (organisatie null when absent). */
type VraagstukGegevens = { initiatiefnemerOrganisatie?: string | null } & Pick<
  Vraagstuk,
  | 'id'
  | 'gemeente'
  | 'soort'
  | 'titel'
  | 'omschrijving'
  | 'gebiedCode'
  | 'gebiedNaam'
  | 'themas'
  | 'initiatiefnemerAccountId'
  | 'initiatiefnemerSegment'
  | 'fase'
  | 'faseSinds'
  | 'aangemaaktTijdstip'
  | 'steundrempel'
  | 'steunAantal'
  | 'reactieUiterlijk'
>;

/**
 * The columns of a public read under the entity's property names (text[] comes as an array, int
 * as a number, timestamptz as text: MikroORM sets pg up so). The public reads skip the ORM on
 * purpose: building the query through knex and hydrating managed entities that nobody changes
 * was about 40 % of samenspreker's CPU per read (bench/README.md, "Where the time goes").
 */
const VIEW_KOLOMMEN = `"id", "gemeente", "soort", "titel", "omschrijving", "gebied_code" as "gebiedCode", "gebied_naam" as "gebiedNaam", "themas",
  "initiatiefnemer_account_id" as "initiatiefnemerAccountId", "initiatiefnemer_segment" as "initiatiefnemerSegment",
  "initiatiefnemer_organisatie" as "initiatiefnemerOrganisatie", "fase", "fase_sinds" as "faseSinds",
  "aangemaakt_tijdstip" as "aangemaaktTijdstip", "steundrempel", "steun_aantal" as "steunAantal", "reactie_uiterlijk" as "reactieUiterlijk"`;

type Tijden = 'faseSinds' | 'aangemaaktTijdstip' | 'reactieUiterlijk';
type VraagstukRij = Omit<VraagstukGegevens, Tijden> & Record<Tijden, string>;

function gegevensVan(rij: VraagstukRij): VraagstukGegevens {
  return { ...rij, faseSinds: new Date(rij.faseSinds), aangemaaktTijdstip: new Date(rij.aangemaaktTijdstip), reactieUiterlijk: new Date(rij.reactieUiterlijk) };
}

@Injectable()
export class VraagstukService {
  constructor(
    private readonly em: EntityManager,
    private readonly vastlegging: Vastlegging,
    private readonly tafel: Tafel,
    private readonly gemeenteInstellingen: GemeenteInstellingenBron,
    private readonly pseudoniemen: Pseudoniemen,
  ) {}

  /** The vraagstuk as the public sees it; the initiatiefnemer by pseudonym. */
  private view(v: VraagstukGegevens, kijker?: Principal): VraagstukView {
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
        {
          accountId: v.initiatiefnemerAccountId,
          segment: v.initiatiefnemerSegment,
          ...(v.initiatiefnemerOrganisatie ? { organisatie: v.initiatiefnemerOrganisatie } : {}),
        },
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
    const instellingen = await this.gemeenteInstellingen.van(gemeente, context);
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
      // The row first: the timeline (inserted directly) and the seat refer to it, and the unit of work
      // does not order unrelated inserts. The seat then goes with the outbox row in the commit's flush.
      await em.flush();
      this.tafel.neemInitiatiefnemerOp(em, vraagstuk, actor, nu);
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
          eerste: true,
        },
        context,
      );
      return this.view(vraagstuk, actor);
    });
  }

  /** Public. Within a gemeente, another gemeente's vraagstuk does not exist. */
  async get(id: string, context: MessageContext, actor?: Principal): Promise<VraagstukView> {
    const gemeente = werkGemeente(context, actor);
    const [rij] = await this.em.execute<VraagstukRij[]>(`select ${VIEW_KOLOMMEN} from "samenspreker"."vraagstuk" where "id" = ?${gemeente ? ` and "gemeente" = ?` : ''}`, gemeente ? [id, gemeente] : [id]);
    if (!rij) throw DomainError.notFound('Dit vraagstuk');
    return this.view(gegevensVan(rij), actor);
  }

  /** Public: newest first, a page at a time (keyset on aangemaaktTijdstip, id, both descending). */
  async list(vraag: VraagstukLijstVraag, context: MessageContext, actor?: Principal): Promise<VraagstukList> {
    const gemeente = vereisGemeente(context, actor);
    const limiet = vraag.limiet ?? VRAAGSTUKKEN_STANDAARD_LIMIET;
    const na = vraag.na ? leesCursor(vraag.na) : undefined;
    const nu = new Date();
    const voorwaarden = [`"gemeente" = ?`];
    const waarden: unknown[] = [gemeente];
    const waar = (voorwaarde: string, ...bij: unknown[]) => {
      voorwaarden.push(voorwaarde);
      waarden.push(...bij);
    };
    if (vraag.fase) waar(`"fase" = ?`, vraag.fase);
    if (vraag.soort) waar(`"soort" = ?`, vraag.soort);
    if (vraag.gebied) waar(`"gebied_code" = ?`, vraag.gebied);
    if (vraag.thema) waar(`"themas" @> array[?]::text[]`, vraag.thema);
    // websearch_to_tsquery: what people type in a search box (words, "a phrase", -not) never fails to parse.
    if (vraag.q) waar(`"zoektekst" @@ websearch_to_tsquery('dutch', ?)`, vraag.q);
    // termijnVerstreken() in SQL: still in agendering after the promised moment, or not.
    if (vraag.termijnVerstreken === true) waar(`"fase" = 'agendering' and "reactie_uiterlijk" < ?`, nu);
    if (vraag.termijnVerstreken === false) waar(`("fase" <> 'agendering' or "reactie_uiterlijk" >= ?)`, nu);
    if (na) waar(`("aangemaakt_tijdstip" < ? or ("aangemaakt_tijdstip" = ? and "id" < ?))`, na.tijdstip, na.tijdstip, na.id);
    const rijen = (
      await this.em.execute<VraagstukRij[]>(
        `select ${VIEW_KOLOMMEN} from "samenspreker"."vraagstuk" where ${voorwaarden.join(' and ')} order by "aangemaakt_tijdstip" desc, "id" desc limit ?`,
        [...waarden, limiet + 1],
      )
    ).map(gegevensVan);
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
