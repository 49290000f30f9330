import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  ACTIE_EVENTS,
  type ActieAangemaakt,
  type ActieGesloten,
  type ActieList,
  type ActieSluiten,
  type ActieView,
  type ActieVoortgang,
  type ActieVoortgangGemeld,
  type MessageContext,
  type NieuweActie,
  type Principal,
} from '@samen/contracts';
import { DomainError, nederlandseDatum } from '@samen/platform';
import { isGemeenteStaf, vereisFase, vereisStafOfTafelRol } from '../gedeeld/toegang';
import { tijdlijnActor, vereisActor, vereisGemeente, vergrendelVraagstuk, vindVraagstuk, werkGemeente } from '../gedeeld/werk-context';
import { Tafel } from '../tafel/tafel.service';
import { Vastlegging } from '../tijdlijn/vastlegging';
import type { Vraagstuk } from '../vraagstuk/vraagstuk.entity';
import { isTeLaat, naVoortgang, vereisSluitbaar } from './actie-regels';
import { Actie, ActieVoortgangMelding } from './actie.entity';

function toView(a: Actie, meldingen: ActieVoortgangMelding[], vandaag: string): ActieView {
  return {
    id: a.id,
    vraagstukId: a.vraagstukId,
    titel: a.titel,
    omschrijving: a.omschrijving,
    eigenaarOrganisatie: a.eigenaarOrganisatie,
    deadline: a.deadline,
    status: a.status,
    percentage: a.percentage,
    teLaat: isTeLaat(a, vandaag),
    ...(a.geslotenReden ? { geslotenReden: a.geslotenReden } : {}),
    voortgang: meldingen.map((m) => ({ percentage: m.percentage, toelichting: m.toelichting, status: m.status, tijdstip: m.tijdstip.toISOString() })),
    aangemaaktTijdstip: a.aangemaaktTijdstip.toISOString(),
  };
}

@Injectable()
export class ActieService {
  constructor(
    private readonly em: EntityManager,
    private readonly tafel: Tafel,
    private readonly vastlegging: Vastlegging,
  ) {}

  async maakAan(input: NieuweActie, caller: Principal | undefined, context: MessageContext): Promise<ActieView> {
    const actor = vereisActor(caller, 'een actie aan te maken');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.vraagstukId, gemeente);
      await vereisStafOfTafelRol(em, this.tafel, vraagstuk.id, actor, ['besluitvormer', 'voorzitter'], 'een besluitvormer of voorzitter aan de tafel, of een gemeentebeheerder of ambtenaar van de gemeente');
      vereisFase(vraagstuk, 'uitvoering', 'Een actie aanmaken');
      const nu = new Date();
      const actie = em.create(Actie, {
        id: randomUUID(),
        vraagstukId: vraagstuk.id,
        gemeente,
        titel: input.titel.trim(),
        omschrijving: input.omschrijving,
        eigenaarOrganisatie: input.eigenaarOrganisatie,
        deadline: input.deadline,
        status: 'gepland',
        percentage: 0,
        aangemaaktTijdstip: nu,
      });
      await em.flush();
      const aangemaakt: ActieAangemaakt = { id: actie.id, vraagstukId: vraagstuk.id, gemeente, titel: actie.titel, eigenaarOrganisatie: actie.eigenaarOrganisatie, deadline: actie.deadline };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'actie-aangemaakt',
          actor: tijdlijnActor(actor),
          gegevens: { actieId: actie.id, titel: actie.titel, omschrijving: actie.omschrijving, eigenaarOrganisatie: actie.eigenaarOrganisatie, deadline: actie.deadline },
          event: { subject: ACTIE_EVENTS.aangemaakt, resource: 'actie', event: 'aangemaakt', about: actie.id, data: aangemaakt },
        },
        context,
      );
      return toView(actie, [], nederlandseDatum(nu));
    });
  }

  /** Progress from the organisation that owns the actie (its uitvoerder at the table), or from staff. */
  async meldVoortgang(input: ActieVoortgang, caller: Principal | undefined, context: MessageContext): Promise<ActieView> {
    const actor = vereisActor(caller, 'voortgang te melden');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.vraagstukId, gemeente);
      const actie = await this.vindActie(em, vraagstuk, input.actieId);
      if (!isGemeenteStaf(actor.rollen)) {
        const rol = await this.tafel.rolVan(em, vraagstuk.id, actor.accountId);
        if (rol !== 'uitvoerder' || actor.organisatie !== actie.eigenaarOrganisatie) {
          throw new DomainError('FORBIDDEN', 'Voortgang meldt een uitvoerder aan de tafel namens de organisatie die de actie uitvoert, of een gemeentebeheerder of ambtenaar van de gemeente.');
        }
      }
      vereisFase(vraagstuk, 'uitvoering', 'Voortgang melden');
      const na = naVoortgang(actie, input);
      const nu = new Date();
      em.create(ActieVoortgangMelding, { id: randomUUID(), actieId: actie.id, percentage: na.percentage, toelichting: input.toelichting, status: na.status, tijdstip: nu });
      actie.status = na.status;
      actie.percentage = na.percentage;
      await em.flush();
      const gemeld: ActieVoortgangGemeld = {
        id: actie.id,
        vraagstukId: vraagstuk.id,
        gemeente,
        eigenaarOrganisatie: actie.eigenaarOrganisatie,
        deadline: actie.deadline,
        percentage: na.percentage,
        status: na.status,
        tijdstip: nu.toISOString(),
      };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'actie-voortgang',
          actor: tijdlijnActor(actor),
          gegevens: { actieId: actie.id, percentage: na.percentage, status: na.status, toelichting: input.toelichting },
          event: { subject: ACTIE_EVENTS.voortgang, resource: 'actie', event: 'voortgang', about: actie.id, data: gemeld },
        },
        context,
      );
      return toView(actie, (await this.meldingenVan(em, [actie.id])).get(actie.id) ?? [], nederlandseDatum(nu));
    });
  }

  /** Stops an unfinished actie, with a public reason, so that the vraagstuk can move on to evaluatie. */
  async sluit(input: ActieSluiten, caller: Principal | undefined, context: MessageContext): Promise<ActieView> {
    const actor = vereisActor(caller, 'een actie te sluiten');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.vraagstukId, gemeente);
      const actie = await this.vindActie(em, vraagstuk, input.actieId);
      await vereisStafOfTafelRol(em, this.tafel, vraagstuk.id, actor, ['voorzitter'], 'de voorzitter van de tafel of een gemeentebeheerder of ambtenaar van de gemeente');
      vereisFase(vraagstuk, 'uitvoering', 'Een actie sluiten');
      vereisSluitbaar(actie.status);
      const nu = new Date();
      actie.status = 'gesloten';
      actie.geslotenReden = input.reden;
      await em.flush();
      const gesloten: ActieGesloten = {
        id: actie.id,
        vraagstukId: vraagstuk.id,
        gemeente,
        eigenaarOrganisatie: actie.eigenaarOrganisatie,
        deadline: actie.deadline,
        percentage: actie.percentage,
        reden: input.reden,
        tijdstip: nu.toISOString(),
      };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'actie-gesloten',
          actor: tijdlijnActor(actor),
          gegevens: { actieId: actie.id, reden: input.reden, percentage: actie.percentage },
          event: { subject: ACTIE_EVENTS.gesloten, resource: 'actie', event: 'gesloten', about: actie.id, data: gesloten },
        },
        context,
      );
      return toView(actie, (await this.meldingenVan(em, [actie.id])).get(actie.id) ?? [], nederlandseDatum(nu));
    });
  }

  /** Public: every actie of the vraagstuk, oldest first, with its progress history. */
  async lijst(vraagstukId: string, context: MessageContext, actor?: Principal): Promise<ActieList> {
    const vraagstuk = await vindVraagstuk(this.em, vraagstukId, werkGemeente(context, actor));
    const acties = await this.em.find(Actie, { vraagstukId: vraagstuk.id }, { orderBy: { aangemaaktTijdstip: 'asc', id: 'asc' } });
    const meldingen = await this.meldingenVan(this.em, acties.map((a) => a.id));
    const vandaag = nederlandseDatum(new Date());
    return { items: acties.map((a) => toView(a, meldingen.get(a.id) ?? [], vandaag)) };
  }

  private async vindActie(em: EntityManager, vraagstuk: Vraagstuk, actieId: string): Promise<Actie> {
    const actie = await em.findOne(Actie, { id: actieId, vraagstukId: vraagstuk.id });
    if (!actie) throw DomainError.notFound('Deze actie');
    return actie;
  }

  /** The progress reports of these acties, oldest first, per actie. */
  private async meldingenVan(em: EntityManager, actieIds: string[]): Promise<Map<string, ActieVoortgangMelding[]>> {
    const per = new Map<string, ActieVoortgangMelding[]>();
    if (!actieIds.length) return per;
    const meldingen = await em.find(ActieVoortgangMelding, { actieId: { $in: actieIds } }, { orderBy: { tijdstip: 'asc', id: 'asc' } });
    for (const m of meldingen) per.set(m.actieId, [...(per.get(m.actieId) ?? []), m]);
    return per;
  }
}
