import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  type DeelnemerGebeurtenis,
  type DeelnemerView,
  type MessageContext,
  type Principal,
  TAFEL_EVENTS,
  type TafelRol,
  type TafelRolWijziging,
  type TafelToetreding,
  type TafelUitnodiging,
  type TafelView,
} from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { Pseudoniemen, VERWIJDERD_ACCOUNT } from '../gedeeld/pseudoniem';
import { tijdlijnActor, vereisActor, vereisGemeente, vergrendelVraagstuk, vindVraagstuk, werkGemeente } from '../gedeeld/werk-context';
import { Vastlegging } from '../tijdlijn/vastlegging';
import type { Vraagstuk } from '../vraagstuk/vraagstuk.entity';
import { Deelnemer } from './deelnemer.entity';
import { EINDFASEN, STAF_OMSCHRIJVING } from '../gedeeld/toegang';
import { magAccountIdsZien, magRolGeven, magRolWijzigen, magUitnodigen, type TafelActor, vertegenwoordiging } from './tafel-regels';

/**
 * Who sits at a vraagstuk's table. Other aggregates ask it in their own transaction (pass their
 * `em`): "is this account an active deelnemer, in which role?"
 */
@Injectable()
export class Tafel {
  /** The account's seat at this vraagstuk's table, only while it is active. */
  async actieveDeelnemer(em: EntityManager, vraagstukId: string, accountId: string): Promise<Deelnemer | null> {
    return em.findOne(Deelnemer, { vraagstukId, accountId, status: 'actief' });
  }

  /** The account's table role, if it sits at the table now. */
  async rolVan(em: EntityManager, vraagstukId: string, accountId: string): Promise<TafelRol | undefined> {
    return (await this.actieveDeelnemer(em, vraagstukId, accountId))?.rol;
  }

  async actieveDeelnemers(em: EntityManager, vraagstukId: string): Promise<Deelnemer[]> {
    return em.find(Deelnemer, { vraagstukId, status: 'actief' }, { orderBy: { sinds: 'asc', id: 'asc' } });
  }

  /** The account's invited or active seat (at most one, by a partial unique index). */
  async zetel(em: EntityManager, vraagstukId: string, accountId: string): Promise<Deelnemer | null> {
    return em.findOne(Deelnemer, { vraagstukId, accountId, status: { $in: ['uitgenodigd', 'actief'] } });
  }

  /** Whoever raises a vraagstuk sits at its table from the start, for the segment and organisation of their token. */
  neemInitiatiefnemerOp(em: EntityManager, vraagstuk: { id: string; gemeente: string }, actor: Principal, sinds: Date): Deelnemer {
    return em.create(Deelnemer, {
      id: randomUUID(),
      vraagstukId: vraagstuk.id,
      gemeente: vraagstuk.gemeente,
      accountId: actor.accountId,
      rol: 'initiatiefnemer',
      segment: actor.segment,
      ...(actor.organisatie ? { organisatie: actor.organisatie } : {}),
      status: 'actief',
      sinds,
    });
  }
}

/** A closed vraagstuk's table is part of its record: nobody joins, leaves or changes role any more. */
function vereisOpenTafel(vraagstuk: Vraagstuk): void {
  if (EINDFASEN.includes(vraagstuk.fase)) {
    throw new DomainError('CONFLICT', `Dit vraagstuk is ${vraagstuk.fase}: de tafel is gesloten.`);
  }
}

type Stap = 'uitgenodigd' | 'toegetreden' | 'vertrokken' | 'rol-gewijzigd';
const EVENT_VAN: Record<Stap, string> = {
  uitgenodigd: TAFEL_EVENTS.uitgenodigd,
  toegetreden: TAFEL_EVENTS.toegetreden,
  vertrokken: TAFEL_EVENTS.vertrokken,
  'rol-gewijzigd': TAFEL_EVENTS.rolGewijzigd,
};

/** The table's own requests: the public read, invitations, joining, leaving and role changes. */
@Injectable()
export class TafelService {
  constructor(
    private readonly em: EntityManager,
    private readonly vastlegging: Vastlegging,
    private readonly tafel: Tafel,
    private readonly pseudoniemen: Pseudoniemen,
  ) {}

  /** The pseudonym for everyone; the account id only if the caller may see it (see magAccountIdsZien). */
  private deelnemerView(d: Deelnemer, metAccountId: boolean): DeelnemerView {
    return {
      id: d.id,
      vraagstukId: d.vraagstukId,
      ...(metAccountId ? { accountId: d.accountId } : {}),
      pseudoniem: this.pseudoniemen.van(d.vraagstukId, d.accountId),
      rol: d.rol,
      segment: d.segment,
      ...(d.organisatie ? { organisatie: d.organisatie } : {}),
      status: d.status,
      sinds: d.sinds.toISOString(),
    };
  }

  /** Public: who sits at the table and who is invited, and which segments are represented. */
  async get(id: string, context: MessageContext, caller?: Principal): Promise<TafelView> {
    const vraagstuk = await vindVraagstuk(this.em, id, werkGemeente(context, caller));
    const zetels = await this.em.find(Deelnemer, { vraagstukId: vraagstuk.id, status: { $in: ['uitgenodigd', 'actief'] } }, { orderBy: { sinds: 'asc', id: 'asc' } });
    const eigen = caller ? zetels.find((d) => d.accountId === caller.accountId && d.status === 'actief') : undefined;
    // Staff roles hold in the token's own gemeente only.
    const kijker: TafelActor | undefined = caller && {
      rollen: caller.gemeente === vraagstuk.gemeente ? caller.rollen : [],
      ...(eigen ? { tafelRol: eigen.rol } : {}),
    };
    const metAccountIds = magAccountIdsZien(kijker);
    return { vraagstukId: vraagstuk.id, deelnemers: zetels.map((d) => this.deelnemerView(d, metAccountIds)), vertegenwoordiging: vertegenwoordiging(zetels) };
  }

  /**
   * Does not ask identity whether the account exists: identity offers no lookup of another account
   * (and should not become a directory of who has one). An invitation to an account that does not
   * exist is never accepted, since only a token of that account can accept it; it represents no one
   * and gives no vote. Only the erasure tombstone is known here to be nobody, and refused.
   */
  async uitnodigen(input: TafelUitnodiging, caller: Principal | undefined, context: MessageContext): Promise<DeelnemerView> {
    const actor = vereisActor(caller, 'iemand aan tafel uit te nodigen');
    const gemeente = vereisGemeente(context, actor);
    if (input.accountId === VERWIJDERD_ACCOUNT) throw DomainError.notFound('Dit account');
    if (input.organisatie && input.segment === 'inwoner') {
      throw DomainError.validation([{ name: 'segment', code: 'segment', reason: 'Wie namens een organisatie aan tafel zit, vertegenwoordigt het segment van die organisatie, niet inwoner.' }]);
    }
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.id, gemeente);
      vereisOpenTafel(vraagstuk);
      const tafelActor = await this.tafelActor(em, vraagstuk, actor);
      if (!magUitnodigen(tafelActor)) {
        throw new DomainError('FORBIDDEN', `Alleen de voorzitter of de initiatiefnemer van deze tafel, of ${STAF_OMSCHRIJVING}, nodigt deelnemers uit.`);
      }
      if (!magRolGeven(tafelActor, input.rol)) {
        throw new DomainError('FORBIDDEN', `De rol ${input.rol} geeft alleen de voorzitter van de tafel of ${STAF_OMSCHRIJVING}.`);
      }
      const bestaand = await this.tafel.zetel(em, vraagstuk.id, input.accountId);
      if (bestaand) {
        throw new DomainError('CONFLICT', bestaand.status === 'actief' ? 'Dit account zit al aan deze tafel.' : 'Dit account is al uitgenodigd voor deze tafel.');
      }
      const nu = new Date();
      const zetel = em.create(Deelnemer, {
        id: randomUUID(),
        vraagstukId: vraagstuk.id,
        gemeente,
        accountId: input.accountId,
        rol: input.rol,
        segment: input.segment,
        ...(input.organisatie ? { organisatie: input.organisatie.toLowerCase() } : {}),
        status: 'uitgenodigd',
        uitgenodigdDoor: actor.accountId,
        sinds: nu,
      });
      await em.flush();
      await this.leg(em, zetel, 'uitgenodigd', actor, nu, {}, context);
      return this.deelnemerView(zetel, true);
    });
  }

  /**
   * Accepts the invitation, with its role and for whom it was meant; without one, joins the open
   * table as deelnemer: for oneself (inwoner), for the organisation of the token, or (namens
   * omitted) as the token acts now.
   */
  async toetreden(input: TafelToetreding, caller: Principal | undefined, context: MessageContext): Promise<DeelnemerView> {
    const actor = vereisActor(caller, 'aan tafel te gaan');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.id, gemeente);
      vereisOpenTafel(vraagstuk);
      const nu = new Date();
      const uitnodiging = await this.tafel.zetel(em, vraagstuk.id, actor.accountId);
      if (uitnodiging?.status === 'actief') throw new DomainError('CONFLICT', 'U zit al aan deze tafel.');
      let zetel: Deelnemer;
      if (uitnodiging) {
        if (uitnodiging.organisatie) {
          if (input.namens === 'mijzelf' || actor.organisatie?.toLowerCase() !== uitnodiging.organisatie || actor.segment !== uitnodiging.segment) {
            throw new DomainError('FORBIDDEN', 'U bent uitgenodigd namens een organisatie: log in namens die organisatie om aan tafel te gaan.');
          }
        } else if (input.namens === 'organisatie') {
          throw new DomainError('FORBIDDEN', 'U bent persoonlijk uitgenodigd, niet namens een organisatie.');
        }
        // `sinds` stays the moment of the invitation: it came first.
        uitnodiging.status = 'actief';
        zetel = uitnodiging;
      } else {
        const namens = input.namens ?? (actor.organisatie ? 'organisatie' : undefined);
        if (namens === 'organisatie' && !actor.organisatie) {
          throw new DomainError('FORBIDDEN', 'U handelt nu niet namens een organisatie: log in namens de organisatie, of ga aan tafel namens uzelf.');
        }
        const voorWie = namens === 'mijzelf' ? { segment: 'inwoner' as const } : { segment: actor.segment, ...(namens === 'organisatie' ? { organisatie: actor.organisatie } : {}) };
        zetel = em.create(Deelnemer, {
          id: randomUUID(),
          vraagstukId: vraagstuk.id,
          gemeente,
          accountId: actor.accountId,
          rol: 'deelnemer',
          ...voorWie,
          status: 'actief',
          sinds: nu,
        });
      }
      await em.flush();
      await this.leg(em, zetel, 'toegetreden', actor, nu, { uitgenodigd: uitnodiging !== null }, context);
      return this.deelnemerView(zetel, true);
    });
  }

  /** Leaves the table, or declines the invitation; the seat stays, as vertrokken, for the record. */
  async verlaten(id: string, caller: Principal | undefined, context: MessageContext): Promise<DeelnemerView> {
    const actor = vereisActor(caller, 'de tafel te verlaten');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, id, gemeente);
      vereisOpenTafel(vraagstuk);
      const zetel = await this.tafel.zetel(em, vraagstuk.id, actor.accountId);
      if (!zetel) throw new DomainError('CONFLICT', 'U zit niet aan deze tafel en bent er ook niet voor uitgenodigd.');
      const vorigeStatus = zetel.status;
      const nu = new Date();
      zetel.status = 'vertrokken';
      zetel.tot = nu;
      await em.flush();
      await this.leg(em, zetel, 'vertrokken', actor, nu, { vorigeStatus }, context);
      return this.deelnemerView(zetel, true);
    });
  }

  /** The voorzitter or gemeente staff give an invited or active deelnemer another role; the same role again changes nothing. */
  async rolWijzigen(input: TafelRolWijziging, caller: Principal | undefined, context: MessageContext): Promise<DeelnemerView> {
    const actor = vereisActor(caller, 'een rol aan tafel te wijzigen');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.id, gemeente);
      vereisOpenTafel(vraagstuk);
      if (!magRolWijzigen(await this.tafelActor(em, vraagstuk, actor))) {
        throw new DomainError('FORBIDDEN', `Alleen de voorzitter van de tafel of ${STAF_OMSCHRIJVING} wijzigt rollen.`);
      }
      const zetel = await em.findOne(Deelnemer, { id: input.deelnemerId, vraagstukId: vraagstuk.id });
      if (!zetel) throw DomainError.notFound('Deze deelnemer aan deze tafel');
      if (zetel.status === 'vertrokken') throw new DomainError('CONFLICT', 'Deze deelnemer heeft de tafel verlaten; nodig hem of haar opnieuw uit.');
      if (zetel.rol === input.rol) return this.deelnemerView(zetel, true);
      const vorigeRol = zetel.rol;
      zetel.rol = input.rol;
      await em.flush();
      await this.leg(em, zetel, 'rol-gewijzigd', actor, new Date(), { vorigeRol }, context);
      return this.deelnemerView(zetel, true);
    });
  }

  private async tafelActor(em: EntityManager, vraagstuk: Vraagstuk, actor: Principal): Promise<TafelActor> {
    const tafelRol = await this.tafel.rolVan(em, vraagstuk.id, actor.accountId);
    return { rollen: actor.rollen, ...(tafelRol ? { tafelRol } : {}) };
  }

  /** Timeline entry and event of one step: whom the seat represents, never the account id of the deelnemer. */
  private async leg(em: EntityManager, zetel: Deelnemer, stap: Stap, actor: Principal, nu: Date, extra: Record<string, string | boolean>, context: MessageContext): Promise<void> {
    const vertegenwoordigt = { rol: zetel.rol, segment: zetel.segment, ...(zetel.organisatie ? { organisatie: zetel.organisatie } : {}) };
    const data: DeelnemerGebeurtenis = { id: zetel.id, vraagstukId: zetel.vraagstukId, gemeente: zetel.gemeente, ...vertegenwoordigt, tijdstip: nu.toISOString(), ...extra };
    await this.vastlegging.leg(
      em,
      {
        vraagstukId: zetel.vraagstukId,
        gemeente: zetel.gemeente,
        soort: `deelnemer-${stap}`,
        actor: tijdlijnActor(actor),
        gegevens: { deelnemerId: zetel.id, ...vertegenwoordigt, ...extra },
        event: { subject: EVENT_VAN[stap], resource: 'deelnemer', event: stap, about: zetel.id, data },
      },
      context,
    );
  }
}
