import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  CONTEXT_HEADERS,
  type LidmaatschapGewijzigd,
  type LidmaatschapList,
  type LidmaatschapRol,
  type LidmaatschapView,
  type MessageContext,
  type NieuweOrganisatie,
  type NieuwLidmaatschap,
  ORGANISATIE_EVENTS,
  type OrganisatieAangemaakt,
  type OrganisatieList,
  type OrganisatieLijstVraag,
  ORGANISATIES_STANDAARD_LIMIET,
  type OrganisatieView,
  type Principal,
} from '@samen/contracts';
import { DomainError, Outbox } from '@samen/platform';
import { Account } from '../accounts/account.entity';
import { Gemeente } from '../gemeente/gemeente.entity';
import {
  controleerLidmaatschapWijziging,
  heeftMandaat,
  magLedenBeheren,
  magLedenZien,
  magLidmaatschapVerwijderen,
  magOrganisatieAanmaken,
} from './lidmaatschap.rules';
import { leesCursor, maakCursor } from './organisatie-cursor';
import { Lidmaatschap, Organisatie } from './organisatie.entity';

function toView(organisatie: Organisatie, aantalLeden: number): OrganisatieView {
  return {
    id: organisatie.id,
    gemeente: organisatie.gemeente,
    naam: organisatie.naam,
    segment: organisatie.segment,
    ...(organisatie.kvkNummer ? { kvkNummer: organisatie.kvkNummer } : {}),
    aantalLeden,
    aangemaaktTijdstip: organisatie.aangemaaktTijdstip.toISOString(),
  };
}

function toLidmaatschapView(lidmaatschap: Lidmaatschap): LidmaatschapView {
  return {
    organisatieId: lidmaatschap.organisatieId,
    accountId: lidmaatschap.accountId,
    rol: lidmaatschap.rol,
    sindsTijdstip: lidmaatschap.sindsTijdstip.toISOString(),
  };
}

const NIET_INGELOGD = 'Log in om organisaties en hun leden te beheren.';

/** The gemeente a request acts in: the one it names, else the token's (a platformbeheerder may have neither). */
function werkGemeente(context: MessageContext, actor?: Principal): string | undefined {
  return context.gemeente ?? actor?.gemeente;
}

function vereisGemeente(context: MessageContext, actor?: Principal): string {
  const gemeente = werkGemeente(context, actor);
  if (!gemeente) {
    throw DomainError.validation([{ name: CONTEXT_HEADERS.gemeente, code: 'isNotEmpty', reason: `Noem de gemeente in ${CONTEXT_HEADERS.gemeente}.` }]);
  }
  return gemeente;
}

@Injectable()
export class OrganisatieService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  async create(input: NieuweOrganisatie, actor: Principal | undefined, context: MessageContext): Promise<OrganisatieView> {
    if (!actor) throw new DomainError('UNAUTHENTICATED', NIET_INGELOGD);
    const gemeente = vereisGemeente(context, actor);
    if (!magOrganisatieAanmaken(actor, input.segment)) {
      throw new DomainError('FORBIDDEN', 'Alleen medewerkers van de gemeente maken een organisatie in het segment gemeente aan.');
    }
    return this.em.transactional(async (em) => {
      if (!(await em.findOne(Gemeente, { code: gemeente }))) throw new DomainError('UNKNOWN_GEMEENTE', `Gemeente ${gemeente} wordt hier niet bediend.`);
      const now = new Date();
      const organisatie = em.create(Organisatie, {
        id: randomUUID(),
        gemeente,
        naam: input.naam,
        segment: input.segment,
        ...(input.kvkNummer ? { kvkNummer: input.kvkNummer } : {}),
        aangemaaktDoor: actor.accountId,
        aangemaaktTijdstip: now,
      });
      // The ORM knows no relation between the two tables, so the organisation goes first for the foreign key.
      await em.flush();
      // The creator manages it until they hand that over: an organisation always has a beheerder.
      em.create(Lidmaatschap, { organisatieId: organisatie.id, accountId: actor.accountId, rol: 'beheerder', sindsTijdstip: now });
      const aangemaakt: OrganisatieAangemaakt = {
        id: organisatie.id,
        gemeente,
        naam: organisatie.naam,
        segment: organisatie.segment,
        ...(organisatie.kvkNummer ? { kvkNummer: organisatie.kvkNummer } : {}),
      };
      await this.outbox.add(em, {
        subject: ORGANISATIE_EVENTS.aangemaakt,
        resource: 'organisatie',
        event: 'aangemaakt',
        about: organisatie.id,
        data: aangemaakt,
        context: { gemeente, correlationId: context.correlationId },
      });
      await this.lidmaatschapEvent(em, gemeente, context, { organisatieId: organisatie.id, accountId: actor.accountId, rol: 'beheerder' });
      return toView(organisatie, 1);
    });
  }

  /** Public. Within a gemeente, another gemeente's organisation does not exist. */
  async get(id: string, context: MessageContext, actor?: Principal): Promise<OrganisatieView> {
    const gemeente = werkGemeente(context, actor);
    const organisatie = await this.em.findOne(Organisatie, { id, ...(gemeente ? { gemeente } : {}) });
    if (!organisatie) throw DomainError.notFound('Deze organisatie');
    return toView(organisatie, await this.em.count(Lidmaatschap, { organisatieId: id }));
  }

  /** Public: the organisations of one gemeente, by name, a page at a time (keyset on naam, id). */
  async list(vraag: OrganisatieLijstVraag, context: MessageContext, actor?: Principal): Promise<OrganisatieList> {
    const gemeente = vereisGemeente(context, actor);
    const limiet = vraag.limiet ?? ORGANISATIES_STANDAARD_LIMIET;
    const na = vraag.na ? leesCursor(vraag.na) : undefined;
    const rijen = await this.em.find(
      Organisatie,
      { gemeente, ...(na ? { $or: [{ naam: { $gt: na.naam } }, { naam: na.naam, id: { $gt: na.id } }] } : {}) },
      { orderBy: { naam: 'asc', id: 'asc' }, limit: limiet + 1 },
    );
    const organisaties = rijen.slice(0, limiet);
    const counts = new Map<string, number>();
    if (organisaties.length) {
      const rows: Array<{ organisatie_id: string; n: number }> = await this.em
        .getConnection()
        .execute(`select organisatie_id, count(*)::int as n from identity.lidmaatschap where organisatie_id in (?) group by organisatie_id`, [
          organisaties.map((o) => o.id),
        ]);
      for (const row of rows) counts.set(row.organisatie_id, row.n);
    }
    const laatste = organisaties[organisaties.length - 1];
    return {
      items: organisaties.map((o) => toView(o, counts.get(o.id) ?? 0)),
      ...(rijen.length > limiet && laatste ? { volgende: maakCursor({ naam: laatste.naam, id: laatste.id }) } : {}),
    };
  }

  async lidmaatschappen(id: string, actor: Principal | undefined, context: MessageContext): Promise<LidmaatschapList> {
    if (!actor) throw new DomainError('UNAUTHENTICATED', NIET_INGELOGD);
    const organisatie = await this.vind(this.em, id, context, actor);
    const leden = await this.em.find(Lidmaatschap, { organisatieId: id }, { orderBy: { sindsTijdstip: 'asc', accountId: 'asc' } });
    if (!magLedenZien(actor, organisatie, leden)) throw new DomainError('FORBIDDEN', 'Alleen leden en beheerders zien wie lid is van deze organisatie.');
    return { items: leden.map(toLidmaatschapView) };
  }

  toevoegen(input: NieuwLidmaatschap, actor: Principal | undefined, context: MessageContext): Promise<LidmaatschapView> {
    return this.wijzigLeden(input.id, actor, context, async (em, organisatie, leden) => {
      if (!magLedenBeheren(actor as Principal, organisatie, leden)) throw this.geenBeheer();
      if (leden.some((l) => l.accountId === input.accountId)) throw new DomainError('CONFLICT', 'Dit account is al lid van deze organisatie.');
      // Members are accounts of the organisation's own gemeente; another gemeente's do not exist here.
      // An erased account is a tombstone without e-mail (account_tombstone_check): it exists for nobody.
      if (!(await em.findOne(Account, { id: input.accountId, gemeente: organisatie.gemeente, email: { $ne: null } }))) throw DomainError.notFound('Dit account');
      const lidmaatschap = em.create(Lidmaatschap, { organisatieId: organisatie.id, accountId: input.accountId, rol: input.rol, sindsTijdstip: new Date() });
      await this.lidmaatschapEvent(em, organisatie.gemeente, context, { organisatieId: organisatie.id, accountId: input.accountId, rol: input.rol });
      return toLidmaatschapView(lidmaatschap);
    });
  }

  wijzigen(input: NieuwLidmaatschap, actor: Principal | undefined, context: MessageContext): Promise<LidmaatschapView> {
    return this.wijzigLeden(input.id, actor, context, async (em, organisatie, leden) => {
      if (!magLedenBeheren(actor as Principal, organisatie, leden)) throw this.geenBeheer();
      const lidmaatschap = leden.find((l) => l.accountId === input.accountId);
      if (!lidmaatschap) throw DomainError.notFound('Dit lidmaatschap');
      if (lidmaatschap.rol === input.rol) return toLidmaatschapView(lidmaatschap);
      controleerLidmaatschapWijziging(leden, input.accountId, input.rol);
      const vorigeRol = lidmaatschap.rol;
      lidmaatschap.rol = input.rol;
      await this.lidmaatschapEvent(em, organisatie.gemeente, context, { organisatieId: organisatie.id, accountId: input.accountId, rol: input.rol, vorigeRol });
      return toLidmaatschapView(lidmaatschap);
    });
  }

  async verwijderen(id: string, accountId: string, actor: Principal | undefined, context: MessageContext): Promise<Record<string, never>> {
    await this.wijzigLeden(id, actor, context, async (em, organisatie, leden) => {
      if (!magLidmaatschapVerwijderen(actor as Principal, organisatie, leden, accountId)) throw this.geenBeheer();
      const lidmaatschap = leden.find((l) => l.accountId === accountId);
      if (!lidmaatschap) throw DomainError.notFound('Dit lidmaatschap');
      controleerLidmaatschapWijziging(leden, accountId, undefined);
      em.remove(lidmaatschap);
      await this.lidmaatschapEvent(em, organisatie.gemeente, context, { organisatieId: organisatie.id, accountId, vorigeRol: lidmaatschap.rol });
    });
    return {};
  }

  /**
   * For accounts and tokens: whether the account may act on behalf of the organisation. Reads on
   * a fork, so it works inside a message and outside one (a token refresh, a test).
   */
  async heeftMandaat(accountId: string, organisatieId: string): Promise<boolean> {
    const leden = await this.em.fork().find(Lidmaatschap, { accountId, organisatieId });
    return heeftMandaat(leden, accountId, organisatieId);
  }

  /** For accounts and tokens: the memberships of one account (all gemeenten). */
  async lidmaatschappenVan(accountId: string): Promise<LidmaatschapView[]> {
    const leden = await this.em.fork().find(Lidmaatschap, { accountId }, { orderBy: { sindsTijdstip: 'asc' } });
    return leden.map(toLidmaatschapView);
  }

  /**
   * Runs a change of the member list with the organisation row locked, so two concurrent changes
   * cannot each remove "another" beheerder and leave none.
   */
  private wijzigLeden<T>(
    id: string,
    actor: Principal | undefined,
    context: MessageContext,
    change: (em: EntityManager, organisatie: Organisatie, leden: Lidmaatschap[]) => Promise<T>,
  ): Promise<T> {
    if (!actor) return Promise.reject(new DomainError('UNAUTHENTICATED', NIET_INGELOGD));
    return this.em.transactional(async (em) => {
      const organisatie = await this.vind(em, id, context, actor, LockMode.PESSIMISTIC_WRITE);
      const leden = await em.find(Lidmaatschap, { organisatieId: id });
      return change(em, organisatie, leden);
    });
  }

  private async vind(em: EntityManager, id: string, context: MessageContext, actor: Principal, lockMode?: LockMode): Promise<Organisatie> {
    const gemeente = werkGemeente(context, actor);
    // Only a platformbeheerder acts without a gemeente; anyone else's writes stay in theirs.
    const organisatie = await em.findOne(Organisatie, { id, ...(gemeente ? { gemeente } : {}) }, lockMode ? { lockMode } : {});
    if (!organisatie) throw DomainError.notFound('Deze organisatie');
    return organisatie;
  }

  private geenBeheer(): DomainError {
    return new DomainError('FORBIDDEN', 'Alleen een beheerder van deze organisatie of het gemeentebeheer mag haar leden beheren.');
  }

  private async lidmaatschapEvent(em: EntityManager, gemeente: string, context: MessageContext, data: LidmaatschapGewijzigd & { rol?: LidmaatschapRol }): Promise<void> {
    await this.outbox.add(em, {
      subject: ORGANISATIE_EVENTS.lidmaatschapGewijzigd,
      resource: 'lidmaatschap',
      event: 'gewijzigd',
      about: data.organisatieId,
      data,
      context: { gemeente, correlationId: context.correlationId },
    });
  }
}
