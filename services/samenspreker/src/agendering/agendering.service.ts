import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  AGENDERING_EVENTS,
  type MessageContext,
  type Principal,
  type SteunBetuiging,
  type SteunbetuigingView,
  type SteunIntrekking,
  VRAAGSTUK_EVENTS,
  type VraagstukFaseGewijzigd,
  type VraagstukSteun,
  type VraagstukSteunGewijzigd,
} from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { vereisFase } from '../gedeeld/toegang';
import { type Handelende, vereisActor, vereisGemeente, vergrendelVraagstuk } from '../gedeeld/werk-context';
import { Vastlegging } from '../tijdlijn/vastlegging';
import type { Vraagstuk } from '../vraagstuk/vraagstuk.entity';
import { drempelBereikt, isEigenSteun, type SteunPartij, steunPartij } from './agendering-regels';
import { Steunbetuiging } from './steunbetuiging.entity';

/** The timeline shows who acted, for the party they supported for (not the organisation of a personal support). */
function partijActor(partij: SteunPartij): Handelende {
  return { accountId: partij.accountId, segment: partij.segment, ...(partij.organisatie ? { organisatie: partij.organisatie } : {}) };
}

const steunVan = (v: Vraagstuk): VraagstukSteun => ({ aantal: v.steunAantal, drempel: v.steundrempel });

/** Steunbetuigingen while a vraagstuk is in agendering; reaching the steundrempel puts it on the agenda. */
@Injectable()
export class AgenderingService {
  constructor(
    private readonly em: EntityManager,
    private readonly vastlegging: Vastlegging,
  ) {}

  async betuig(input: SteunBetuiging, caller: Principal | undefined, context: MessageContext): Promise<SteunbetuigingView> {
    const actor = vereisActor(caller, 'een vraagstuk te steunen');
    const gemeente = vereisGemeente(context, actor);
    const namens = input.namens ?? 'mijzelf';
    const partij = steunPartij(actor, namens);
    return this.em.transactional(async (em) => {
      // Locked first: concurrent supports are counted one after the other, so the threshold is crossed exactly once.
      const vraagstuk = await vergrendelVraagstuk(em, input.id, gemeente);
      vereisFase(vraagstuk, 'agendering', 'steunen');
      const initiatiefnemer = { accountId: vraagstuk.initiatiefnemerAccountId, ...(vraagstuk.initiatiefnemerOrganisatie ? { organisatie: vraagstuk.initiatiefnemerOrganisatie } : {}) };
      if (isEigenSteun(initiatiefnemer, partij)) {
        throw new DomainError('FORBIDDEN', 'U hebt dit vraagstuk zelf ingediend; de steun moet van anderen komen.');
      }
      if (await this.steunVan(em, vraagstuk.id, partij)) {
        throw new DomainError('CONFLICT', partij.organisatie ? 'Uw organisatie steunt dit vraagstuk al.' : 'U steunt dit vraagstuk al.');
      }
      const nu = new Date();
      em.create(Steunbetuiging, {
        id: randomUUID(),
        vraagstukId: vraagstuk.id,
        gemeente,
        accountId: partij.accountId,
        segment: partij.segment,
        ...(partij.organisatie ? { organisatie: partij.organisatie } : {}),
        tijdstip: nu,
      });
      vraagstuk.steunAantal += 1;
      const opDeAgenda = drempelBereikt(vraagstuk.steunAantal, vraagstuk.steundrempel);
      if (opDeAgenda) {
        // The platform's own transition, not the phase machine's (which is for people acting): the
        // promise made when the vraagstuk was raised is kept, whoever is at the gemeente's desk.
        vraagstuk.fase = 'oplossingen';
        vraagstuk.faseSinds = nu;
      }
      await em.flush();
      const betuigd: VraagstukSteunGewijzigd = { id: vraagstuk.id, gemeente, aantal: vraagstuk.steunAantal, drempel: vraagstuk.steundrempel, segment: partij.segment, tijdstip: nu.toISOString() };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'steun-betuigd',
          actor: partijActor(partij),
          gegevens: { aantal: betuigd.aantal, segment: partij.segment },
          event: { subject: AGENDERING_EVENTS.steunBetuigd, resource: 'vraagstuk', event: 'steun-betuigd', about: vraagstuk.id, data: betuigd },
        },
        context,
      );
      if (opDeAgenda) {
        const motivatie = `Steundrempel van ${vraagstuk.steundrempel} bereikt`;
        const gewijzigd: VraagstukFaseGewijzigd = { id: vraagstuk.id, gemeente, van: 'agendering', naar: 'oplossingen', motivatie, tijdstip: nu.toISOString() };
        await this.vastlegging.leg(
          em,
          {
            vraagstukId: vraagstuk.id,
            gemeente,
            soort: 'fase-gewijzigd',
            // Nobody in person: the platform applied the gemeente's rule.
            actor: null,
            gegevens: { van: 'agendering', naar: 'oplossingen', motivatie },
            event: { subject: VRAAGSTUK_EVENTS.faseGewijzigd, resource: 'vraagstuk', event: 'fase-gewijzigd', about: vraagstuk.id, data: gewijzigd },
          },
          context,
        );
      }
      return {
        vraagstukId: vraagstuk.id,
        namens,
        segment: partij.segment,
        ...(partij.organisatie ? { organisatie: partij.organisatie } : {}),
        tijdstip: nu.toISOString(),
        steun: steunVan(vraagstuk),
        fase: vraagstuk.fase,
      };
    });
  }

  /** Withdraws the caller's own support (or their organisation's); only while the vraagstuk waits in agendering. */
  async trekIn(input: SteunIntrekking, caller: Principal | undefined, context: MessageContext): Promise<VraagstukSteun> {
    const actor = vereisActor(caller, 'uw steun in te trekken');
    const gemeente = vereisGemeente(context, actor);
    const partij = steunPartij(actor, input.namens ?? 'mijzelf');
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.id, gemeente);
      vereisFase(vraagstuk, 'agendering', 'steun intrekken');
      const steun = await this.steunVan(em, vraagstuk.id, partij);
      if (!steun) throw DomainError.notFound(partij.organisatie ? 'Steun van uw organisatie voor dit vraagstuk' : 'Uw steun voor dit vraagstuk');
      em.remove(steun);
      vraagstuk.steunAantal -= 1;
      await em.flush();
      const ingetrokken: VraagstukSteunGewijzigd = {
        id: vraagstuk.id,
        gemeente,
        aantal: vraagstuk.steunAantal,
        drempel: vraagstuk.steundrempel,
        segment: steun.segment,
        tijdstip: new Date().toISOString(),
      };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'steun-ingetrokken',
          actor: partijActor(partij),
          gegevens: { aantal: ingetrokken.aantal, segment: steun.segment },
          event: { subject: AGENDERING_EVENTS.steunIngetrokken, resource: 'vraagstuk', event: 'steun-ingetrokken', about: vraagstuk.id, data: ingetrokken },
        },
        context,
      );
      return steunVan(vraagstuk);
    });
  }

  /** The party's steunbetuiging, by the same key as the unique index it falls under. */
  private steunVan(em: EntityManager, vraagstukId: string, partij: SteunPartij): Promise<Steunbetuiging | null> {
    return em.findOne(Steunbetuiging, partij.organisatie ? { vraagstukId, organisatie: partij.organisatie } : { vraagstukId, accountId: partij.accountId, organisatie: null });
  }
}
