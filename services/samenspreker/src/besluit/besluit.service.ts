import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BESLUIT_EVENTS, type BesluitGepubliceerd, type BesluitList, type BesluitView, type MessageContext, type NieuwBesluit, type Principal } from '@samen/contracts';
import { DomainError, nederlandseDatum } from '@samen/platform';
import { vereisFase, vereisStafOfTafelRol } from '../gedeeld/toegang';
import { tijdlijnActor, vereisActor, vereisGemeente, vergrendelVraagstuk, vindVraagstuk, werkGemeente } from '../gedeeld/werk-context';
import { Tafel } from '../tafel/tafel.service';
import { Vastlegging } from '../tijdlijn/vastlegging';
import { besluitFouten, correctiesVan } from './besluit-regels';
import { Besluit } from './besluit.entity';

function toView(b: Besluit, gecorrigeerdDoor?: string): BesluitView {
  return {
    id: b.id,
    vraagstukId: b.vraagstukId,
    orgaan: b.orgaan,
    ...(b.organisatie ? { organisatie: b.organisatie } : {}),
    tekst: b.tekst,
    motivatie: b.motivatie,
    oplossingVersies: b.oplossingVersies,
    stemmingen: b.stemmingen,
    datum: b.datum,
    ...(b.corrigeert ? { corrigeert: b.corrigeert } : {}),
    ...(gecorrigeerdDoor ? { gecorrigeerdDoor } : {}),
    gepubliceerdTijdstip: b.gepubliceerdTijdstip.toISOString(),
  };
}

@Injectable()
export class BesluitService {
  constructor(
    private readonly em: EntityManager,
    private readonly tafel: Tafel,
    private readonly vastlegging: Vastlegging,
  ) {}

  /** Publishes a besluit at once: from now on it is part of the public record and never changes. */
  async publiceer(input: NieuwBesluit, caller: Principal | undefined, context: MessageContext): Promise<BesluitView> {
    const actor = vereisActor(caller, 'een besluit vast te leggen');
    const gemeente = vereisGemeente(context, actor);
    const nu = new Date();
    const fouten = besluitFouten(input, nederlandseDatum(nu));
    if (fouten.length) throw DomainError.validation(fouten);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.vraagstukId, gemeente);
      await vereisStafOfTafelRol(em, this.tafel, vraagstuk.id, actor, ['besluitvormer'], 'een besluitvormer aan de tafel of een gemeentebeheerder of ambtenaar van de gemeente');
      vereisFase(vraagstuk, 'besluitvorming', 'Een besluit vastleggen');
      if (input.corrigeert) await this.vereisCorrigeerbaar(em, vraagstuk.id, gemeente, input.corrigeert);
      await this.vereisBestaandeVersies(em, vraagstuk.id, input.oplossingVersies);
      await this.vereisGeslotenStemmingen(em, vraagstuk.id, input.stemmingen);

      const besluit = em.create(Besluit, {
        id: randomUUID(),
        vraagstukId: vraagstuk.id,
        gemeente,
        orgaan: input.orgaan,
        ...(input.organisatie ? { organisatie: input.organisatie } : {}),
        tekst: input.tekst,
        motivatie: input.motivatie,
        oplossingVersies: input.oplossingVersies.map(({ oplossingId, versie }) => ({ oplossingId, versie })),
        // A poll counted twice informs a besluit no more than once.
        stemmingen: [...new Set(input.stemmingen)],
        datum: input.datum,
        ...(input.corrigeert ? { corrigeert: input.corrigeert } : {}),
        besluitvormingSinds: vraagstuk.faseSinds,
        gepubliceerdTijdstip: nu,
      });
      await em.flush();
      const view = toView(besluit);
      const gepubliceerd: BesluitGepubliceerd = {
        id: besluit.id,
        vraagstukId: vraagstuk.id,
        gemeente,
        orgaan: besluit.orgaan,
        ...(besluit.organisatie ? { organisatie: besluit.organisatie } : {}),
        oplossingVersies: view.oplossingVersies,
        stemmingen: view.stemmingen,
        datum: besluit.datum,
        ...(besluit.corrigeert ? { corrigeert: besluit.corrigeert } : {}),
        gepubliceerdTijdstip: view.gepubliceerdTijdstip,
      };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'besluit-gepubliceerd',
          actor: tijdlijnActor(actor),
          // The whole besluit: the timeline is what proves afterwards what was decided.
          gegevens: {
            besluitId: besluit.id,
            orgaan: view.orgaan,
            ...(view.organisatie ? { organisatie: view.organisatie } : {}),
            tekst: view.tekst,
            motivatie: view.motivatie,
            oplossingVersies: view.oplossingVersies,
            stemmingen: view.stemmingen,
            datum: view.datum,
            ...(view.corrigeert ? { corrigeert: view.corrigeert } : {}),
          },
          event: { subject: BESLUIT_EVENTS.gepubliceerd, resource: 'besluit', event: 'gepubliceerd', about: besluit.id, data: gepubliceerd },
        },
        context,
      );
      return view;
    });
  }

  /** Public: every besluit of the vraagstuk, oldest first, each with the besluit that corrected it. */
  async lijst(vraagstukId: string, context: MessageContext, actor?: Principal): Promise<BesluitList> {
    const vraagstuk = await vindVraagstuk(this.em, vraagstukId, werkGemeente(context, actor));
    const besluiten = await this.em.find(Besluit, { vraagstukId: vraagstuk.id }, { orderBy: { gepubliceerdTijdstip: 'asc', id: 'asc' } });
    const door = correctiesVan(besluiten);
    return { items: besluiten.map((b) => toView(b, door.get(b.id))) };
  }

  async lees(vraagstukId: string, besluitId: string, context: MessageContext, actor?: Principal): Promise<BesluitView> {
    const vraagstuk = await vindVraagstuk(this.em, vraagstukId, werkGemeente(context, actor));
    const besluit = await this.em.findOne(Besluit, { id: besluitId, vraagstukId: vraagstuk.id });
    if (!besluit) throw DomainError.notFound('Dit besluit');
    const correctie = await this.em.findOne(Besluit, { corrigeert: besluit.id }, { fields: ['id'] });
    return toView(besluit, correctie?.id);
  }

  /**
   * A correction names an earlier besluit of this vraagstuk that nobody corrected yet (a correction
   * may itself be corrected). The vraagstuk row is locked, so two corrections cannot race past this;
   * the unique index on `corrigeert` stays as the last line.
   */
  /** A besluit names the versions it chose: each must be a version of an oplossing of this vraagstuk (else 400, nothing stored). */
  private async vereisBestaandeVersies(em: EntityManager, vraagstukId: string, gekozen: NieuwBesluit['oplossingVersies']): Promise<void> {
    if (!gekozen.length) return;
    const bestaand = await em.execute<{ oplossing_id: string; versie: number }[]>(
      `select v."oplossing_id", v."versie" from "samenspreker"."oplossing_versie" v
       join "samenspreker"."oplossing" o on o."id" = v."oplossing_id"
       where o."vraagstuk_id" = ?`,
      [vraagstukId],
    );
    const fouten = gekozen.flatMap(({ oplossingId, versie }, index) =>
      bestaand.some((b) => b.oplossing_id === oplossingId && b.versie === versie)
        ? []
        : [{ name: `oplossingVersies[${index}]`, code: 'bestaat', reason: `Versie ${versie} van oplossing ${oplossingId} bestaat niet bij dit vraagstuk.` }],
    );
    if (fouten.length) throw DomainError.validation(fouten);
  }

  /**
   * A besluit rests on poll results: each linked stemming must belong to this vraagstuk and be closed,
   * so its proces-verbaal is on the timeline (else 400, nothing stored); a withdrawn one never will be.
   */
  private async vereisGeslotenStemmingen(em: EntityManager, vraagstukId: string, stemmingen: readonly string[]): Promise<void> {
    if (!stemmingen.length) return;
    const bestaand = await em.execute<{ id: string; status: string }[]>(`select "id", "status" from "samenspreker"."stemming" where "vraagstuk_id" = ?`, [vraagstukId]);
    const fouten = stemmingen.flatMap((id, index) => {
      const stemming = bestaand.find((s) => s.id === id);
      if (!stemming) return [{ name: `stemmingen[${index}]`, code: 'bestaat', reason: `Stemming ${id} hoort niet bij dit vraagstuk.` }];
      if (stemming.status === 'ingetrokken') {
        return [{ name: `stemmingen[${index}]`, code: 'ingetrokken', reason: `Stemming ${id} is ingetrokken: zij heeft geen uitslag. / Vote ${id} was withdrawn: it has no result.` }];
      }
      if (stemming.status !== 'gesloten') return [{ name: `stemmingen[${index}]`, code: 'gesloten', reason: `Stemming ${id} is nog niet gesloten: er is nog geen uitslag.` }];
      return [];
    });
    if (fouten.length) throw DomainError.validation(fouten);
  }

  private async vereisCorrigeerbaar(em: EntityManager, vraagstukId: string, gemeente: string, corrigeert: string): Promise<void> {
    const oud = await em.findOne(Besluit, { id: corrigeert, gemeente });
    if (!oud) throw DomainError.notFound('Het besluit dat u corrigeert');
    if (oud.vraagstukId !== vraagstukId) {
      throw DomainError.validation([{ name: 'corrigeert', code: 'zelfdeVraagstuk', reason: 'U kunt alleen een besluit van hetzelfde vraagstuk corrigeren.' }]);
    }
    const al = await em.findOne(Besluit, { corrigeert }, { fields: ['id'] });
    if (al) throw new DomainError('CONFLICT', `Dit besluit is al gecorrigeerd door besluit ${al.id}; corrigeer zo nodig dat besluit.`);
  }
}
