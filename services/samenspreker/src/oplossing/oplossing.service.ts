import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  type MessageContext,
  type NieuweOplossing,
  type NieuweVersie,
  OPLOSSING_EVENTS,
  type OplossingIngediend,
  type OplossingPositieIngenomen,
  type OplossingSamenvatting,
  type OplossingVersieToegevoegd,
  type OplossingView,
  type PositieInnemen,
  type PositieTelling,
  type Principal,
} from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { Pseudoniemen } from '../gedeeld/pseudoniem';
import { vereisMeesprekendeDeelnemer } from '../gedeeld/samenspraak-rechten';
import { tijdlijnActor, vereisActor, vereisGemeente, vergrendelVraagstuk, vindVraagstuk, werkGemeente } from '../gedeeld/werk-context';
import { Reactie } from '../reactie/reactie.entity';
import { vereisOpenRonde } from '../ronde/open-ronde';
import { Ronde } from '../ronde/ronde.entity';
import { Tafel } from '../tafel/tafel.service';
import { Vastlegging } from '../tijdlijn/vastlegging';
import type { Vraagstuk } from '../vraagstuk/vraagstuk.entity';
import { controleerHerkomst, normaliseerHerkomst, versieSleutel } from './herkomst';
import { Oplossing, OplossingVersie, Positie } from './oplossing.entity';

function tel(posities: readonly Positie[]): PositieTelling {
  const telling = { steun: 0, instemming: 0, bezwaar: 0 };
  for (const p of posities) telling[p.positie]++;
  return telling;
}

/** Everything a view of some oplossingen needs, read in three queries whatever their number. */
interface Geladen {
  oplossing: Oplossing;
  rondeNummer: number;
  /** Oldest first, each with its positions. */
  versies: { versie: OplossingVersie; posities: Positie[] }[];
}

@Injectable()
export class OplossingService {
  constructor(
    private readonly em: EntityManager,
    private readonly vastlegging: Vastlegging,
    private readonly tafel: Tafel,
    private readonly pseudoniemen: Pseudoniemen,
  ) {}

  async create(input: NieuweOplossing, caller: Principal | undefined, context: MessageContext): Promise<OplossingView> {
    const actor = vereisActor(caller, 'een oplossing in te dienen');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.vraagstukId, gemeente);
      const deelnemer = await vereisMeesprekendeDeelnemer(this.tafel, em, vraagstuk, actor, 'oplossingen indienen');
      const ronde = await vereisOpenRonde(em, vraagstuk, { nummer: input.nummer }, 'oplossingen indienen');
      const nu = new Date();
      const oplossing = em.create(Oplossing, {
        id: randomUUID(),
        vraagstukId: vraagstuk.id,
        gemeente,
        rondeId: ronde.id,
        auteurAccountId: actor.accountId,
        // The seat's segment: at the table the deelnemer speaks for what they were seated for.
        auteurSegment: deelnemer.segment,
        ...(deelnemer.organisatie ? { auteurOrganisatie: deelnemer.organisatie } : {}),
        ingediendOp: nu,
      });
      await em.flush();
      em.create(OplossingVersie, {
        id: randomUUID(),
        oplossingId: oplossing.id,
        versie: 1,
        titel: input.titel.trim(),
        omschrijving: input.omschrijving,
        overgenomen: { reacties: [], bijdragen: [] },
        auteurAccountId: actor.accountId,
        auteurSegment: deelnemer.segment,
        ...(deelnemer.organisatie ? { auteurOrganisatie: deelnemer.organisatie } : {}),
        tijdstip: nu,
      });
      await em.flush();
      const ingediend: OplossingIngediend = {
        id: oplossing.id,
        vraagstukId: vraagstuk.id,
        gemeente,
        rondeNummer: ronde.nummer,
        titel: input.titel.trim(),
        auteur: { segment: deelnemer.segment, ...(deelnemer.organisatie ? { organisatie: deelnemer.organisatie } : {}) },
      };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'oplossing-ingediend',
          actor: tijdlijnActor(actor),
          gegevens: { oplossingId: oplossing.id, ronde: ronde.nummer, versie: 1, titel: ingediend.titel, omschrijving: input.omschrijving },
          event: { subject: OPLOSSING_EVENTS.ingediend, resource: 'oplossing', event: 'ingediend', about: oplossing.id, data: ingediend },
        },
        context,
      );
      return this.view(em, oplossing, actor);
    });
  }

  async versieToevoegen(input: NieuweVersie, caller: Principal | undefined, context: MessageContext): Promise<OplossingView> {
    const actor = vereisActor(caller, 'een nieuwe versie van een oplossing te maken');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.vraagstukId, gemeente);
      const oplossing = await this.vindOplossing(em, vraagstuk, input.oplossingId);
      const deelnemer = await this.tafel.actieveDeelnemer(em, vraagstuk.id, actor.accountId);
      const isAuteur = deelnemer !== null && deelnemer.rol !== 'waarnemer' && oplossing.auteurAccountId === actor.accountId;
      if (!deelnemer || !(isAuteur || deelnemer.rol === 'voorzitter')) {
        throw new DomainError('FORBIDDEN', 'Alleen wie de oplossing indiende, of de voorzitter, maakt er een nieuwe versie van.');
      }
      await vereisOpenRonde(em, vraagstuk, { id: oplossing.rondeId }, 'een oplossing verbeteren');

      const herkomst = normaliseerHerkomst(input.overgenomen);
      const fouten = controleerHerkomst(herkomst, await this.bekendInVraagstuk(em, vraagstuk, herkomst.reacties, herkomst.bijdragen.map((b) => b.oplossingId)));
      if (fouten.length) throw DomainError.validation(fouten);

      const vorige = await em.findOneOrFail(OplossingVersie, { oplossingId: oplossing.id }, { orderBy: { versie: 'desc' } });
      const versie = em.create(OplossingVersie, {
        id: randomUUID(),
        oplossingId: oplossing.id,
        versie: vorige.versie + 1,
        titel: input.titel?.trim() ?? vorige.titel,
        omschrijving: input.omschrijving,
        overgenomen: herkomst,
        auteurAccountId: actor.accountId,
        auteurSegment: deelnemer.segment,
        ...(deelnemer.organisatie ? { auteurOrganisatie: deelnemer.organisatie } : {}),
        tijdstip: new Date(),
      });
      await em.flush();
      const toegevoegd: OplossingVersieToegevoegd = { id: oplossing.id, vraagstukId: vraagstuk.id, gemeente, versie: versie.versie, titel: versie.titel, overgenomen: herkomst };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'oplossing-versie-toegevoegd',
          actor: tijdlijnActor(actor),
          gegevens: { oplossingId: oplossing.id, versie: versie.versie, titel: versie.titel, omschrijving: versie.omschrijving, overgenomen: { ...herkomst } },
          event: { subject: OPLOSSING_EVENTS.versieToegevoegd, resource: 'oplossing', event: 'versie-toegevoegd', about: oplossing.id, data: toegevoegd },
        },
        context,
      );
      return this.view(em, oplossing, actor);
    });
  }

  /** Takes or replaces the caller's position on one version; the timeline keeps every change. */
  async positieInnemen(input: PositieInnemen, caller: Principal | undefined, context: MessageContext): Promise<OplossingView> {
    const actor = vereisActor(caller, 'een positie in te nemen');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.vraagstukId, gemeente);
      const oplossing = await this.vindOplossing(em, vraagstuk, input.oplossingId);
      const deelnemer = await vereisMeesprekendeDeelnemer(this.tafel, em, vraagstuk, actor, 'een positie innemen');
      await vereisOpenRonde(em, vraagstuk, { id: oplossing.rondeId }, 'een positie innemen');
      const versie = await em.findOne(OplossingVersie, { oplossingId: oplossing.id, versie: input.versie });
      if (!versie) throw DomainError.notFound('Deze versie van de oplossing');

      const toelichting = input.toelichting?.trim();
      const nu = new Date();
      const bestaande = await em.findOne(Positie, { oplossingVersieId: versie.id, accountId: actor.accountId });
      const vorige = bestaande?.positie;
      if (bestaande) {
        bestaande.positie = input.positie;
        bestaande.toelichting = toelichting ?? null;
        bestaande.tijdstip = nu;
      } else {
        em.create(Positie, {
          id: randomUUID(),
          vraagstukId: vraagstuk.id,
          oplossingVersieId: versie.id,
          accountId: actor.accountId,
          segment: deelnemer.segment,
          ...(deelnemer.organisatie ? { organisatie: deelnemer.organisatie } : {}),
          positie: input.positie,
          ...(toelichting ? { toelichting } : {}),
          tijdstip: nu,
        });
      }
      await em.flush();
      const telling = tel(await em.find(Positie, { oplossingVersieId: versie.id }));
      const ingenomen: OplossingPositieIngenomen = {
        id: oplossing.id,
        vraagstukId: vraagstuk.id,
        gemeente,
        versie: versie.versie,
        positie: input.positie,
        ...(vorige ? { vorige } : {}),
        segment: deelnemer.segment,
        telling,
      };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'positie-ingenomen',
          actor: tijdlijnActor(actor),
          gegevens: { oplossingId: oplossing.id, versie: versie.versie, positie: input.positie, ...(toelichting ? { toelichting } : {}), ...(vorige ? { vorige } : {}) },
          event: { subject: OPLOSSING_EVENTS.positieIngenomen, resource: 'oplossing', event: 'positie-ingenomen', about: oplossing.id, data: ingenomen },
        },
        context,
      );
      return this.view(em, oplossing, actor);
    });
  }

  /** Public: the oplossing with every version, what each took over, and who took which position. */
  async get(vraagstukId: string, oplossingId: string, context: MessageContext, actor?: Principal): Promise<OplossingView> {
    const vraagstuk = await vindVraagstuk(this.em, vraagstukId, werkGemeente(context, actor));
    return this.view(this.em, await this.vindOplossing(this.em, vraagstuk, oplossingId), actor);
  }

  /** The oplossingen of a round, oldest first, as the round shows them (latest version, counts per version). */
  async samenvattingen(em: EntityManager, ronde: Ronde): Promise<OplossingSamenvatting[]> {
    const oplossingen = await em.find(Oplossing, { rondeId: ronde.id }, { orderBy: { ingediendOp: 'asc', id: 'asc' } });
    return (await this.laad(em, oplossingen)).map(({ oplossing, rondeNummer, versies }) => {
      const laatste = versies[versies.length - 1]!.versie;
      return {
        id: oplossing.id,
        rondeNummer,
        auteur: this.auteur(oplossing),
        ingediendOp: oplossing.ingediendOp.toISOString(),
        laatsteVersie: { versie: laatste.versie, titel: laatste.titel, omschrijving: laatste.omschrijving, tijdstip: laatste.tijdstip.toISOString() },
        tellingen: versies.map(({ versie, posities }) => ({ versie: versie.versie, ...tel(posities) })),
      };
    });
  }

  async vindOplossing(em: EntityManager, vraagstuk: Vraagstuk, oplossingId: string): Promise<Oplossing> {
    const oplossing = await em.findOne(Oplossing, { id: oplossingId, vraagstukId: vraagstuk.id });
    if (!oplossing) throw DomainError.notFound('Deze oplossing');
    return oplossing;
  }

  /** Which of the named reacties and oplossingen' versions exist in this vraagstuk (whole rows: the unit of work reuses them for the view). */
  private async bekendInVraagstuk(em: EntityManager, vraagstuk: Vraagstuk, reactieIds: string[], oplossingIds: string[]) {
    const reacties = reactieIds.length ? await em.find(Reactie, { id: { $in: reactieIds }, vraagstukId: vraagstuk.id }) : [];
    const eigen = oplossingIds.length ? await em.find(Oplossing, { id: { $in: oplossingIds }, vraagstukId: vraagstuk.id }) : [];
    const versies = eigen.length ? await em.find(OplossingVersie, { oplossingId: { $in: eigen.map((o) => o.id) } }) : [];
    return { reacties: new Set(reacties.map((r) => r.id)), versies: new Set(versies.map(versieSleutel)) };
  }

  private async laad(em: EntityManager, oplossingen: Oplossing[]): Promise<Geladen[]> {
    if (!oplossingen.length) return [];
    const rondes = await em.find(Ronde, { id: { $in: [...new Set(oplossingen.map((o) => o.rondeId))] } });
    const versies = await em.find(OplossingVersie, { oplossingId: { $in: oplossingen.map((o) => o.id) } }, { orderBy: { versie: 'asc' } });
    const posities = versies.length ? await em.find(Positie, { oplossingVersieId: { $in: versies.map((v) => v.id) } }, { orderBy: { tijdstip: 'asc', id: 'asc' } }) : [];
    return oplossingen.map((oplossing) => ({
      oplossing,
      rondeNummer: rondes.find((r) => r.id === oplossing.rondeId)!.nummer,
      versies: versies.filter((v) => v.oplossingId === oplossing.id).map((versie) => ({ versie, posities: posities.filter((p) => p.oplossingVersieId === versie.id) })),
    }));
  }

  /** The author of the oplossing, or of one of its versions, as the public sees them. */
  private auteur(oplossing: Oplossing, kijker?: Principal, versie?: OplossingVersie) {
    const bron = versie ?? oplossing;
    return this.pseudoniemen.persoon(oplossing.vraagstukId, { accountId: bron.auteurAccountId, segment: bron.auteurSegment, organisatie: bron.auteurOrganisatie }, kijker);
  }

  private async view(em: EntityManager, oplossing: Oplossing, kijker?: Principal): Promise<OplossingView> {
    const [geladen] = await this.laad(em, [oplossing]);
    return {
      id: oplossing.id,
      vraagstukId: oplossing.vraagstukId,
      rondeNummer: geladen!.rondeNummer,
      auteur: this.auteur(oplossing, kijker),
      ingediendOp: oplossing.ingediendOp.toISOString(),
      versies: geladen!.versies.map(({ versie, posities }) => ({
        versie: versie.versie,
        titel: versie.titel,
        omschrijving: versie.omschrijving,
        auteur: this.auteur(oplossing, kijker, versie),
        overgenomen: { reacties: [...versie.overgenomen.reacties], bijdragen: versie.overgenomen.bijdragen.map((b) => ({ oplossingId: b.oplossingId, versie: b.versie })) },
        tijdstip: versie.tijdstip.toISOString(),
        telling: tel(posities),
        posities: posities.map((p) => ({
          deelnemer: this.pseudoniemen.persoon(oplossing.vraagstukId, p, kijker),
          positie: p.positie,
          ...(p.toelichting ? { toelichting: p.toelichting } : {}),
          tijdstip: p.tijdstip.toISOString(),
        })),
      })),
    };
  }
}
