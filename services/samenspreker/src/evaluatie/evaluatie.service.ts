import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  EVALUATIE_EVENTS,
  type EvaluatieGegeven,
  type EvaluatieOverzicht,
  type EvaluatieSamengevat,
  type EvaluatieView,
  type MessageContext,
  type MijnEvaluatie,
  type NieuweEvaluatieSamenvatting,
  type Principal,
} from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { vereisFase, vereisStafOfTafelRol } from '../gedeeld/toegang';
import { tijdlijnActor, vereisActor, vereisGemeente, vergrendelVraagstuk, vindVraagstuk, werkGemeente } from '../gedeeld/werk-context';
import { Tafel } from '../tafel/tafel.service';
import { Vastlegging } from '../tijdlijn/vastlegging';
import { gemiddelden, getoondePassage } from './evaluatie-regels';
import { Evaluatie, EvaluatieSamenvatting } from './evaluatie.entity';

const toEvaluatieView = (e: Evaluatie): EvaluatieView => ({ proces: e.proces, uitkomst: e.uitkomst, toelichting: e.toelichting });

@Injectable()
export class EvaluatieService {
  constructor(
    private readonly em: EntityManager,
    private readonly tafel: Tafel,
    private readonly vastlegging: Vastlegging,
  ) {}

  /** The caller's evaluation of this pass, new or replacing their earlier one. */
  async geef(input: MijnEvaluatie, caller: Principal | undefined, context: MessageContext): Promise<EvaluatieView> {
    const actor = vereisActor(caller, 'te evalueren');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.vraagstukId, gemeente);
      const deelnemer = await this.tafel.actieveDeelnemer(em, vraagstuk.id, actor.accountId);
      if (!deelnemer) throw new DomainError('FORBIDDEN', 'Evalueren doen de deelnemers aan de tafel van dit vraagstuk.');
      vereisFase(vraagstuk, 'evaluatie', 'Evalueren');
      const nu = new Date();
      const evaluatieSinds = vraagstuk.faseSinds;
      let evaluatie = await em.findOne(Evaluatie, { vraagstukId: vraagstuk.id, evaluatieSinds, accountId: actor.accountId });
      const vervangt = evaluatie !== null;
      if (evaluatie) {
        Object.assign(evaluatie, { proces: input.proces, uitkomst: input.uitkomst, toelichting: input.toelichting, segment: deelnemer.segment, tijdstip: nu });
      } else {
        evaluatie = em.create(Evaluatie, {
          id: randomUUID(),
          vraagstukId: vraagstuk.id,
          gemeente,
          evaluatieSinds,
          accountId: actor.accountId,
          segment: deelnemer.segment,
          proces: input.proces,
          uitkomst: input.uitkomst,
          toelichting: input.toelichting,
          tijdstip: nu,
        });
      }
      await em.flush();
      const gegeven: EvaluatieGegeven = {
        id: evaluatie.id,
        vraagstukId: vraagstuk.id,
        gemeente,
        evaluatieSinds: evaluatieSinds.toISOString(),
        segment: deelnemer.segment,
        proces: evaluatie.proces,
        uitkomst: evaluatie.uitkomst,
        vervangt,
      };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'evaluatie-gegeven',
          // The public overview shows evaluations without who gave them; the timeline keeps that promise.
          actor: null,
          gegevens: { evaluatieSinds: gegeven.evaluatieSinds, segment: deelnemer.segment, proces: evaluatie.proces, uitkomst: evaluatie.uitkomst, toelichting: evaluatie.toelichting, vervangt },
          event: { subject: EVALUATIE_EVENTS.gegeven, resource: 'evaluatie', event: 'gegeven', about: vraagstuk.id, data: gegeven },
        },
        context,
      );
      return toEvaluatieView(evaluatie);
    });
  }

  /** The summary and lessons that close this pass; once per pass, by the voorzitter or staff. */
  async vatSamen(input: NieuweEvaluatieSamenvatting, caller: Principal | undefined, context: MessageContext): Promise<EvaluatieOverzicht> {
    const actor = vereisActor(caller, 'de evaluatie samen te vatten');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.vraagstukId, gemeente);
      await vereisStafOfTafelRol(em, this.tafel, vraagstuk.id, actor, ['voorzitter'], 'de voorzitter van de tafel of een gemeentebeheerder of ambtenaar van de gemeente');
      vereisFase(vraagstuk, 'evaluatie', 'De evaluatie samenvatten');
      const evaluatieSinds = vraagstuk.faseSinds;
      if (await em.count(EvaluatieSamenvatting, { vraagstukId: vraagstuk.id, evaluatieSinds })) {
        throw new DomainError('CONFLICT', 'Deze evaluatieronde heeft al een samenvatting; die verandert niet meer.');
      }
      em.create(EvaluatieSamenvatting, {
        id: randomUUID(),
        vraagstukId: vraagstuk.id,
        gemeente,
        evaluatieSinds,
        samenvatting: input.samenvatting,
        lessen: input.lessen.map((les) => les.trim()).filter(Boolean),
        uitkomst: input.uitkomst,
        tijdstip: new Date(),
      });
      await em.flush();
      const overzicht = await this.overzicht(em, vraagstuk.id, evaluatieSinds);
      const samengevat: EvaluatieSamengevat = {
        vraagstukId: vraagstuk.id,
        gemeente,
        evaluatieSinds: evaluatieSinds.toISOString(),
        uitkomst: input.uitkomst,
        lessen: overzicht.samenvatting?.lessen ?? [],
        aantal: overzicht.aantal,
        gemiddelde: overzicht.gemiddelde,
      };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'evaluatie-samengevat',
          actor: tijdlijnActor(actor),
          gegevens: { evaluatieSinds: samengevat.evaluatieSinds, samenvatting: input.samenvatting, lessen: samengevat.lessen, uitkomst: input.uitkomst, aantal: overzicht.aantal, gemiddelde: { ...overzicht.gemiddelde } },
          event: { subject: EVALUATIE_EVENTS.samengevat, resource: 'evaluatie', event: 'samengevat', about: vraagstuk.id, data: samengevat },
        },
        context,
      );
      return overzicht;
    });
  }

  /** Public: the current pass while in evaluatie, else the last pass that was evaluated. */
  async lees(vraagstukId: string, context: MessageContext, actor?: Principal): Promise<EvaluatieOverzicht> {
    const vraagstuk = await vindVraagstuk(this.em, vraagstukId, werkGemeente(context, actor));
    const laatste = await this.laatstePassage(vraagstuk.id);
    return this.overzicht(this.em, vraagstuk.id, getoondePassage(vraagstuk, laatste));
  }

  private async laatstePassage(vraagstukId: string): Promise<Date | undefined> {
    const evaluatie = await this.em.findOne(Evaluatie, { vraagstukId }, { orderBy: { evaluatieSinds: 'desc' }, fields: ['evaluatieSinds'] });
    const samenvatting = await this.em.findOne(EvaluatieSamenvatting, { vraagstukId }, { orderBy: { evaluatieSinds: 'desc' }, fields: ['evaluatieSinds'] });
    const momenten = [evaluatie?.evaluatieSinds, samenvatting?.evaluatieSinds].filter((d): d is Date => d !== undefined);
    return momenten.sort((a, b) => b.getTime() - a.getTime())[0];
  }

  private async overzicht(em: EntityManager, vraagstukId: string, evaluatieSinds: Date | undefined): Promise<EvaluatieOverzicht> {
    if (!evaluatieSinds) return { vraagstukId, aantal: 0, gemiddelde: gemiddelden([]), evaluaties: [] };
    // Ordered by id, a random uuid: the order says nothing about who evaluated when.
    const evaluaties = await em.find(Evaluatie, { vraagstukId, evaluatieSinds }, { orderBy: { id: 'asc' } });
    const samenvatting = await em.findOne(EvaluatieSamenvatting, { vraagstukId, evaluatieSinds });
    return {
      vraagstukId,
      evaluatieSinds: evaluatieSinds.toISOString(),
      aantal: evaluaties.length,
      gemiddelde: gemiddelden(evaluaties),
      evaluaties: evaluaties.map(toEvaluatieView),
      ...(samenvatting
        ? { samenvatting: { samenvatting: samenvatting.samenvatting, lessen: samenvatting.lessen, uitkomst: samenvatting.uitkomst, tijdstip: samenvatting.tijdstip.toISOString() } }
        : {}),
    };
  }
}
