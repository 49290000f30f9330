import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  type MessageContext,
  type Principal,
  RONDE_EVENTS,
  type RondeGeopend,
  type RondeGesloten,
  type RondeList,
  type RondesVanVraagstuk,
  type RondeSluiten,
  type RondeView,
  type ShortlistView,
} from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { vereisRondeLeiding } from '../gedeeld/samenspraak-rechten';
import { vereisFase } from '../gedeeld/toegang';
import { tijdlijnActor, vereisActor, vereisGemeente, vergrendelVraagstuk, vindVraagstuk, werkGemeente } from '../gedeeld/werk-context';
import { OplossingService } from '../oplossing/oplossing.service';
import { Oplossing } from '../oplossing/oplossing.entity';
import { Tafel } from '../tafel/tafel.service';
import { Vastlegging } from '../tijdlijn/vastlegging';
import { Ronde } from './ronde.entity';
import { maakShortlist } from './shortlist';

function shortlistVan(ronde: Ronde): ShortlistView | undefined {
  return ronde.shortlist && ronde.shortlistWijze ? { oplossingen: [...ronde.shortlist], wijze: ronde.shortlistWijze } : undefined;
}

function tijden(ronde: Ronde) {
  return { geopendOp: ronde.geopendOp.toISOString(), ...(ronde.geslotenOp ? { geslotenOp: ronde.geslotenOp.toISOString() } : {}) };
}

@Injectable()
export class RondeService {
  constructor(
    private readonly em: EntityManager,
    private readonly vastlegging: Vastlegging,
    private readonly tafel: Tafel,
    private readonly oplossingen: OplossingService,
  ) {}

  /** Opens the next round (1, 2, 3 …), in the phase oplossingen and only while no round is open. */
  async open(input: RondesVanVraagstuk, caller: Principal | undefined, context: MessageContext): Promise<RondeView> {
    const actor = vereisActor(caller, 'een ronde te openen');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      // Locked: two openings at once would otherwise both see no open round and the same last number.
      const vraagstuk = await vergrendelVraagstuk(em, input.vraagstukId, gemeente);
      await vereisRondeLeiding(this.tafel, em, vraagstuk, actor);
      vereisFase(vraagstuk, 'oplossingen', 'een ronde openen');
      const open = await em.findOne(Ronde, { vraagstukId: vraagstuk.id, status: 'open' });
      if (open) throw new DomainError('CONFLICT', `Ronde ${open.nummer} is nog open; sluit die eerst.`);
      const laatste = await em.findOne(Ronde, { vraagstukId: vraagstuk.id }, { orderBy: { nummer: 'desc' } });
      const ronde = em.create(Ronde, { id: randomUUID(), vraagstukId: vraagstuk.id, gemeente, nummer: (laatste?.nummer ?? 0) + 1, status: 'open', geopendOp: new Date() });
      await em.flush();
      const geopend: RondeGeopend = { vraagstukId: vraagstuk.id, gemeente, nummer: ronde.nummer, tijdstip: ronde.geopendOp.toISOString() };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'ronde-geopend',
          actor: tijdlijnActor(actor),
          gegevens: { nummer: ronde.nummer },
          event: { subject: RONDE_EVENTS.geopend, resource: 'ronde', event: 'geopend', about: vraagstuk.id, data: geopend },
        },
        context,
      );
      return this.view(em, ronde);
    });
  }

  /**
   * Closes the round and fixes its shortlist: the one chosen (oplossingen of this round), else the
   * rule of {@link maakShortlist}. Allowed in any phase, so a round left open can still be closed.
   */
  async sluit(input: RondeSluiten, caller: Principal | undefined, context: MessageContext): Promise<RondeView> {
    const actor = vereisActor(caller, 'een ronde te sluiten');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.vraagstukId, gemeente);
      await vereisRondeLeiding(this.tafel, em, vraagstuk, actor);
      const ronde = await this.vindRonde(em, vraagstuk.id, input.nummer);
      if (ronde.status !== 'open') throw new DomainError('CONFLICT', `Ronde ${ronde.nummer} is al gesloten; de shortlist staat vast.`);

      const samenvattingen = await this.oplossingen.samenvattingen(em, ronde);
      let shortlist: ShortlistView;
      if (input.oplossingen) {
        const inRonde = new Set(samenvattingen.map((o) => o.id));
        const fouten = input.oplossingen.flatMap((id, i) =>
          inRonde.has(id) ? [] : [{ name: `oplossingen.${i}`, code: 'onbekend', reason: `Deze oplossing hoort niet bij ronde ${ronde.nummer}.` }],
        );
        if (fouten.length) throw DomainError.validation(fouten);
        shortlist = { oplossingen: [...input.oplossingen], wijze: 'gekozen' };
      } else {
        const kandidaten = samenvattingen.map((o) => {
          const telling = o.tellingen.find((t) => t.versie === o.laatsteVersie.versie)!;
          return { oplossingId: o.id, steun: telling.steun, instemming: telling.instemming, bezwaar: telling.bezwaar, ingediendOp: new Date(o.ingediendOp) };
        });
        shortlist = { oplossingen: maakShortlist(kandidaten), wijze: 'regel' };
      }
      ronde.status = 'gesloten';
      ronde.geslotenOp = new Date();
      ronde.shortlist = shortlist.oplossingen;
      ronde.shortlistWijze = shortlist.wijze;
      await em.flush();
      const gesloten: RondeGesloten = { vraagstukId: vraagstuk.id, gemeente, nummer: ronde.nummer, tijdstip: ronde.geslotenOp.toISOString(), shortlist };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'ronde-gesloten',
          actor: tijdlijnActor(actor),
          gegevens: { nummer: ronde.nummer, shortlist: { oplossingen: [...shortlist.oplossingen], wijze: shortlist.wijze } },
          event: { subject: RONDE_EVENTS.gesloten, resource: 'ronde', event: 'gesloten', about: vraagstuk.id, data: gesloten },
        },
        context,
      );
      return this.view(em, ronde);
    });
  }

  /** Public: every round of the vraagstuk, first to last. */
  async list(vraagstukId: string, context: MessageContext, actor?: Principal): Promise<RondeList> {
    const vraagstuk = await vindVraagstuk(this.em, vraagstukId, werkGemeente(context, actor));
    const rondes = await this.em.find(Ronde, { vraagstukId: vraagstuk.id }, { orderBy: { nummer: 'asc' } });
    const oplossingen = rondes.length ? await this.em.find(Oplossing, { rondeId: { $in: rondes.map((r) => r.id) } }, { fields: ['rondeId'] }) : [];
    return {
      items: rondes.map((ronde) => {
        const shortlist = shortlistVan(ronde);
        return {
          nummer: ronde.nummer,
          status: ronde.status,
          ...tijden(ronde),
          aantalOplossingen: oplossingen.filter((o) => o.rondeId === ronde.id).length,
          ...(shortlist ? { shortlist } : {}),
        };
      }),
    };
  }

  /** Public: the round with its oplossingen and, once closed, its shortlist. */
  async get(vraagstukId: string, nummer: number, context: MessageContext, actor?: Principal): Promise<RondeView> {
    const vraagstuk = await vindVraagstuk(this.em, vraagstukId, werkGemeente(context, actor));
    return this.view(this.em, await this.vindRonde(this.em, vraagstuk.id, nummer));
  }

  private async vindRonde(em: EntityManager, vraagstukId: string, nummer: number): Promise<Ronde> {
    const ronde = await em.findOne(Ronde, { vraagstukId, nummer });
    if (!ronde) throw DomainError.notFound('Deze ronde');
    return ronde;
  }

  private async view(em: EntityManager, ronde: Ronde): Promise<RondeView> {
    const shortlist = shortlistVan(ronde);
    return {
      vraagstukId: ronde.vraagstukId,
      nummer: ronde.nummer,
      status: ronde.status,
      ...tijden(ronde),
      oplossingen: await this.oplossingen.samenvattingen(em, ronde),
      ...(shortlist ? { shortlist } : {}),
    };
  }
}
