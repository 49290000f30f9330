import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import {
  type CanoniekStembiljet,
  type InvalidParam,
  type ProcesVerbaal,
  type MessageContext,
  type NieuweStemming,
  type PapierenBatchOntvangst,
  type PapierenStembiljetten,
  type PapierenStembiljettenIngevoerd,
  type Principal,
  type StemBewijs,
  STEMMING_EVENTS,
  type StemmingAangemaakt,
  STEMMING_EXPORT_FORMAAT,
  type StemmingExportKop,
  type StemmingExportPagina,
  type StemmingExportPaginaVraag,
  type StemmingGesloten,
  type StemmingIngetrokken,
  type StemmingIntrekken,
  type StemmingList,
  type StemmingRegels,
  type StemmingUitslag,
  type StemmingView,
  type StemUitbrengen,
} from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { SamensprekerEnv } from '../config/samenspreker-env';
import { GemeenteInstellingenBron } from '../gedeeld/gemeente-instellingen';
import { isGemeenteStaf, vereisStafOfTafelRol } from '../gedeeld/toegang';
import { tijdlijnActor, vereisActor, vereisGemeente, vergrendelVraagstuk, vindVraagstuk, werkGemeente } from '../gedeeld/werk-context';
import { Tafel } from '../tafel/tafel.service';
import type { JsonWaarde } from '../tijdlijn/tijdlijn-keten';
import { Vastlegging } from '../tijdlijn/vastlegging';
import { nieuwBonnetje } from './bonnetje';
import { leesPaginaToken, paginaGrootte, paginaToken, schud } from './export';
import { Klok } from './klok';
import { magStemmen } from './kiesgerechtigdheid';
import { type Beoordeling, beoordeelStembiljet } from './stembiljet';
import { Stembus, type StemmingVoorStem } from './stembus';
import { isGesloten, isOpen, magWijzigen, metStandaarden, regelsHash, toegestaneStappen, valideerRegels } from './stemming-regels';
import { Stemming } from './stemming.entity';
import { biljettenHashVanGroepen, maakProcesVerbaal, procesVerbaalHash, telGroepen } from './telling';
import { ontsleutelBonnetje, versleutelBonnetje } from './idempotentie';


/** How often the sweep looks for stemmingen past their closing time. */
const SWEEP_MS = 30_000;

function toView(s: Stemming): StemmingView {
  return {
    id: s.id,
    vraagstukId: s.vraagstukId,
    gemeente: s.gemeente,
    status: s.status,
    regels: s.regels,
    regelsHash: s.regelsHash,
    ...(s.aantalKiesgerechtigden !== undefined && s.aantalKiesgerechtigden !== null ? { aantalKiesgerechtigden: s.aantalKiesgerechtigden } : {}),
    aangemaaktTijdstip: s.aangemaaktTijdstip.toISOString(),
    ...(s.procesVerbaalHash ? { procesVerbaalHash: s.procesVerbaalHash } : {}),
    ...(s.intrekkingMotivatie && s.ingetrokkenTijdstip ? { intrekking: { motivatie: s.intrekkingMotivatie, tijdstip: s.ingetrokkenTijdstip.toISOString() } } : {}),
  };
}

/** What the ballot box holds, counted; the proces-verbaal once the number entitled is known. */
interface GeteldeStembus {
  aantalBiljetten: number;
  aantalBonnetjes: number;
  procesVerbaal(aantalKiesgerechtigden: number): ProcesVerbaal;
}

const INGETROKKEN = 'Deze stemming is ingetrokken; zij opent niet en heeft geen uitslag. / This vote was withdrawn; it does not open and has no result.';

function uitslagVan(s: Stemming): StemmingUitslag {
  return { stemmingId: s.id, procesVerbaal: s.procesVerbaal!, procesVerbaalHash: s.procesVerbaalHash!, geslotenTijdstip: s.geslotenTijdstip!.toISOString() };
}

/** A ballot judged against the rules; input that is no ballot at all is a validation error too. */
function beoordeel(regels: StemmingRegels, invoer: unknown, pad: string): Beoordeling {
  try {
    const beoordeling = beoordeelStembiljet(regels, invoer);
    return { ...beoordeling, fouten: beoordeling.fouten.map((fout) => ({ ...fout, name: `${pad}.${fout.name}` })) };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw DomainError.validation([{ name: `${pad}.antwoorden`, code: 'isObject', reason: `${pad} heeft een object antwoorden met per vraag het gekozen antwoord` }]);
  }
}

/** The rules without the fields the caller left out, so they hash the same however they were sent. */
function zonderLeeg<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, waarde]) => waarde !== undefined)) as T;
}

@Injectable()
export class StemmingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Stemmingen');
  private sweep?: NodeJS.Timeout;

  constructor(
    private readonly em: EntityManager,
    private readonly gemeenteInstellingen: GemeenteInstellingenBron,
    private readonly vastlegging: Vastlegging,
    private readonly tafel: Tafel,
    private readonly stembus: Stembus,
    private readonly klok: Klok,
    private readonly env: SamensprekerEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.sweep = setInterval(() => {
      this.sluitVerlopen().catch((error: unknown) => this.logger.error({ err: error }, 'sweep of stemmingen past closing failed'));
    }, SWEEP_MS);
    this.sweep.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweep);
  }

  /** Publishes the rules. From this moment they are public and cannot change (a trigger guards the row). */
  async create(input: NieuweStemming, caller: Principal | undefined, context: MessageContext): Promise<StemmingView> {
    const actor = vereisActor(caller, 'een stemming te publiceren');
    const gemeente = vereisGemeente(context, actor);
    // The gemeente's limits. Before the transaction: no lock waits on NATS.
    const instellingen = await this.gemeenteInstellingen.van(gemeente, context);
    return this.em.transactional(async (em) => {
      const vraagstuk = await vergrendelVraagstuk(em, input.vraagstukId, gemeente);
      if (!isGemeenteStaf(actor.rollen) && (await this.tafel.rolVan(em, vraagstuk.id, actor.accountId)) !== 'voorzitter') {
        throw new DomainError('FORBIDDEN', 'Alleen een ambtenaar of gemeentebeheerder, of de voorzitter van de tafel, publiceert een stemming.');
      }
      if (vraagstuk.fase !== 'besluitvorming') {
        throw DomainError.conflict(`Een stemming hoort bij de fase besluitvorming; dit vraagstuk is in de fase ${vraagstuk.fase}.`);
      }
      const nu = this.klok.nu();
      const regels = metStandaarden(
        zonderLeeg<StemmingRegels>({
          versie: 1,
          stemmingId: randomUUID(),
          vraagstukId: vraagstuk.id,
          gemeente,
          titel: input.titel,
          soort: input.soort,
          kiesgerechtigden: input.kiesgerechtigden,
          vragen: input.vragen,
          drempelPercentage: input.drempelPercentage,
          opkomstquorumPercentage: input.opkomstquorumPercentage,
          openingTijdstip: input.openingTijdstip,
          sluitingTijdstip: input.sluitingTijdstip,
          kanalen: input.kanalen,
        }),
        instellingen.peilingen,
      );
      const fouten: InvalidParam[] = valideerRegels(regels, instellingen.peilingen, nu);
      const gebied = regels.kiesgerechtigden?.soort === 'inwoners-gebied';
      if (gebied && input.aantalKiesgerechtigden === undefined) {
        fouten.push({ name: 'aantalKiesgerechtigden', code: 'isNotEmpty', reason: 'noem hoeveel inwoners van het gebied mogen stemmen: de basis van opkomst en quorum' });
      } else if (!gebied && input.aantalKiesgerechtigden !== undefined) {
        fouten.push({ name: 'aantalKiesgerechtigden', code: 'isEmpty', reason: 'bij stemmen door de tafel telt samenspreker de deelnemers zelf' });
      }
      if (fouten.length > 0) throw DomainError.validation(fouten);

      const hash = regelsHash(regels);
      const stemming = em.create(Stemming, {
        id: regels.stemmingId,
        vraagstukId: vraagstuk.id,
        gemeente,
        regels,
        regelsHash: hash,
        sluitingTijdstip: new Date(regels.sluitingTijdstip),
        ...(gebied ? { aantalKiesgerechtigden: input.aantalKiesgerechtigden } : {}),
        status: 'gepubliceerd',
        aangemaaktTijdstip: nu,
      });
      await em.flush();
      const aangemaakt: StemmingAangemaakt = {
        id: stemming.id,
        vraagstukId: vraagstuk.id,
        gemeente,
        regels,
        regelsHash: hash,
        ...(gebied ? { aantalKiesgerechtigden: input.aantalKiesgerechtigden } : {}),
      };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: vraagstuk.id,
          gemeente,
          soort: 'stemming-aangemaakt',
          actor: tijdlijnActor(actor),
          gegevens: { stemmingId: stemming.id, titel: regels.titel, soort: regels.soort, regelsHash: hash },
          event: { subject: STEMMING_EVENTS.aangemaakt, resource: 'stemming', event: 'aangemaakt', about: stemming.id, data: aangemaakt },
        },
        context,
      );
      return toView(stemming);
    });
  }

  /** Public: the rules as published. */
  async get(stemmingId: string, context: MessageContext, actor?: Principal): Promise<StemmingView> {
    return toView(await this.vind(this.em, stemmingId, werkGemeente(context, actor)));
  }

  /** Public: every stemming of the vraagstuk, oldest first (a vraagstuk has a handful at most). */
  async list(vraagstukId: string, context: MessageContext, actor?: Principal): Promise<StemmingList> {
    const vraagstuk = await vindVraagstuk(this.em, vraagstukId, werkGemeente(context, actor));
    const stemmingen = await this.em.find(Stemming, { vraagstukId: vraagstuk.id }, { orderBy: { aangemaaktTijdstip: 'asc', id: 'asc' } });
    return { items: stemmingen.map(toView) };
  }

  /**
   * Withdraws a published stemming before it opens, with a public reason: by the people who may
   * publish one. From then on it cannot open, take votes or be closed, and a besluit cannot rest on it.
   */
  async intrekken(input: StemmingIntrekken, caller: Principal | undefined, context: MessageContext): Promise<StemmingView> {
    const actor = vereisActor(caller, 'een stemming in te trekken');
    const gemeente = vereisGemeente(context, actor);
    return this.em.transactional(async (em) => {
      // FOR UPDATE, as closing: a cast holds the row FOR KEY SHARE while it checks that the stemming is
      // open, so no cast is in flight when this checks the opening, and every later cast sees the withdrawal.
      const stemming = await em.findOne(Stemming, { id: input.stemmingId, gemeente }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!stemming) throw DomainError.notFound('Deze stemming');
      await vereisStafOfTafelRol(em, this.tafel, stemming.vraagstukId, actor, ['voorzitter'], 'een ambtenaar of gemeentebeheerder, of de voorzitter van de tafel');
      const nu = this.klok.nu();
      const toegestaan = toegestaneStappen(stemming.status, stemming.regels, nu);
      if (stemming.status === 'ingetrokken') throw DomainError.conflict('Deze stemming is al ingetrokken. / This vote was already withdrawn.', toegestaan);
      if (stemming.status === 'gesloten') throw DomainError.conflict('Deze stemming is gesloten en geteld; intrekken kan alleen vóór de opening. / This vote is closed and counted; it can only be withdrawn before it opens.', toegestaan);
      if (!magWijzigen(stemming.regels, nu)) {
        throw DomainError.conflict(
          `Deze stemming is geopend op ${stemming.regels.openingTijdstip}; intrekken kan alleen vóór de opening. / This vote opened at ${stemming.regels.openingTijdstip}; it can only be withdrawn before it opens.`,
          toegestaan,
        );
      }
      stemming.status = 'ingetrokken';
      stemming.intrekkingMotivatie = input.motivatie;
      stemming.ingetrokkenTijdstip = nu;
      await em.flush();
      const ingetrokken: StemmingIngetrokken = { id: stemming.id, vraagstukId: stemming.vraagstukId, gemeente: stemming.gemeente, motivatie: input.motivatie };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: stemming.vraagstukId,
          gemeente: stemming.gemeente,
          soort: 'stemming-ingetrokken',
          actor: tijdlijnActor(actor),
          gegevens: { stemmingId: stemming.id, titel: stemming.regels.titel, motivatie: input.motivatie },
          event: { subject: STEMMING_EVENTS.ingetrokken, resource: 'stemming', event: 'ingetrokken', about: stemming.id, data: ingetrokken },
        },
        context,
      );
      return toView(stemming);
    });
  }

  /**
   * One digital vote, in one short transaction: register (its unique (stemming, account) index refuses a second vote),
   * ballot and receipt apart, and the encrypted retry record. Two casts of one person meet at the
   * register's key: the second waits for the first and then returns its receipt (same key) or 409.
   */
  async stemmen(input: StemUitbrengen, caller: Principal | undefined, context: MessageContext): Promise<StemBewijs> {
    const actor = vereisActor(caller, 'te stemmen');
    const gemeente = werkGemeente(context, actor);
    return this.em.transactional(async (em) => {
      const stemming = await this.stemmingVoorStem(em, input.stemmingId, 'digitaal');
      const tafelDeelnemer = stemming.regels.kiesgerechtigden.soort === 'tafel' && (await this.tafel.actieveDeelnemer(em, stemming.vraagstukId, actor.accountId)) !== null;
      const recht = magStemmen(stemming.regels, {
        ...(gemeente ? { gemeente } : {}),
        ...(actor.geverifieerdGebied ? { geverifieerdGebied: actor.geverifieerdGebied } : {}),
        tafelDeelnemer,
      });
      if (!recht.mag) throw new DomainError('FORBIDDEN', recht.toelichting);
      // A digital voter can correct a mistake, so any fault refuses the ballot and stores nothing.
      const { biljet, fouten } = beoordeel(stemming.regels, input.stembiljet, 'stembiljet');
      if (fouten.length > 0) throw DomainError.validation(fouten);

      const nieuw = await this.stembus.registreer(em, stemming.id, [actor.accountId], 'digitaal');
      if (nieuw.size === 0) {
        const eerder = await this.stembus.herhaling(em, stemming.id, actor.accountId);
        const bonnetje = eerder && ontsleutelBonnetje(eerder, input.idempotencyKey, stemming.id, actor.accountId);
        if (bonnetje) return { bonnetje, herhaald: true };
        throw DomainError.conflict('U heeft al gestemd in deze stemming. Iedereen stemt één keer, digitaal of op papier.');
      }
      const bonnetje = nieuwBonnetje();
      await this.stembus.legIn(em, stemming.id, [biljet], [bonnetje]);
      await this.stembus.bewaarHerhaling(em, stemming.id, actor.accountId, versleutelBonnetje(bonnetje, input.idempotencyKey, stemming.id, actor.accountId));
      return { bonnetje, herhaald: false };
    });
  }

  /**
   * A batch of paper ballots. The counts must reconcile; every kiezer goes into the same register
   * as digital voters, and if any of them already voted (either way) the whole batch is refused,
   * naming them, so the ambtenaar sets those envelopes aside unopened and enters the rest again.
   */
  async papierInvoeren(input: PapierenStembiljetten, caller: Principal | undefined, context: MessageContext): Promise<PapierenBatchOntvangst> {
    const actor = vereisActor(caller, 'papieren stembiljetten in te voeren');
    const gemeente = vereisGemeente(context, actor);
    const telfouten: InvalidParam[] = [];
    if (input.kiezers.length !== input.aantal) {
      telfouten.push({ name: 'kiezers', code: 'aantalKlopt', reason: `de batch telt ${input.aantal} enveloppen maar noemt ${input.kiezers.length} kiezers` });
    }
    if (input.stembiljetten.length !== input.aantal) {
      telfouten.push({ name: 'stembiljetten', code: 'aantalKlopt', reason: `de batch telt ${input.aantal} enveloppen maar bevat ${input.stembiljetten.length} stembiljetten` });
    }
    if (telfouten.length > 0) throw DomainError.validation(telfouten);

    return this.em.transactional(async (em) => {
      const stemming = await this.stemmingVoorStem(em, input.stemmingId, 'papier');
      if (stemming.gemeente !== gemeente) throw DomainError.notFound('Deze stemming');
      // On paper an unclear answer is counted as invalid, as in a polling station; a question that
      // does not exist is a typing mistake of the one entering it, and refuses the batch.
      const beoordelingen = input.stembiljetten.map((invoer, i) => beoordeel(stemming.regels, invoer, `stembiljetten.${i}`));
      const invoerfouten = beoordelingen.flatMap((b) => b.fouten.filter((fout) => fout.code === 'onbekendeVraag'));
      if (invoerfouten.length > 0) throw DomainError.validation(invoerfouten);
      if (stemming.regels.kiesgerechtigden.soort === 'tafel') {
        // One read of the table for the whole batch, not one per kiezer.
        const aanTafel = new Set((await this.tafel.actieveDeelnemers(em, stemming.vraagstukId)).map((d) => d.accountId));
        const geen = input.kiezers.filter((kiezer) => !aanTafel.has(kiezer));
        if (geen.length > 0) throw new DomainError('FORBIDDEN', `Alleen deelnemers aan de tafel stemmen hierover; deze kiezers zijn dat niet: ${geen.join(', ')}.`);
      }
      if (!(await this.stembus.nieuweBatch(em, stemming.id, input.batchnummer, input.aantal, actor.accountId))) {
        throw DomainError.conflict(`Batch ${input.batchnummer} is al ingevoerd in deze stemming.`);
      }
      const nieuw = await this.stembus.registreer(em, stemming.id, input.kiezers, 'papier');
      if (nieuw.size !== input.kiezers.length) {
        const alGestemd = input.kiezers.filter((kiezer) => !nieuw.has(kiezer));
        throw DomainError.conflict(
          `Deze kiezers hebben al gestemd: ${alGestemd.join(', ')}. Er is niets van deze batch opgeslagen; leg hun enveloppen ongeopend apart en voer de batch opnieuw in zonder hen.`,
        );
      }
      const bonnetjes = input.kiezers.map(() => nieuwBonnetje());
      // Shuffled before they go in, so the order of entry says nothing either.
      await this.stembus.legIn(em, stemming.id, schud(beoordelingen.map((b) => b.biljet)), bonnetjes);
      const terzijdeGelegd = input.terzijdeGelegd ?? 0;
      const ingevoerd: PapierenStembiljettenIngevoerd = { stemmingId: stemming.id, vraagstukId: stemming.vraagstukId, batchnummer: input.batchnummer, aantal: input.aantal, terzijdeGelegd };
      await this.vastlegging.leg(
        em,
        {
          vraagstukId: stemming.vraagstukId,
          gemeente: stemming.gemeente,
          soort: 'stemming-papier-ingevoerd',
          actor: tijdlijnActor(actor),
          gegevens: { stemmingId: stemming.id, batchnummer: input.batchnummer, aantal: input.aantal, terzijdeGelegd },
          event: { subject: STEMMING_EVENTS.papierIngevoerd, resource: 'stemming', event: 'papier-ingevoerd', about: stemming.id, data: ingevoerd },
        },
        context,
      );
      return { stemmingId: stemming.id, batchnummer: input.batchnummer, aantal: input.aantal, bonnetjes: schud(bonnetjes) };
    });
  }

  /** Closing by staff: only once the closing time has passed. The ballot box is shuffled before the answer. */
  async sluiten(stemmingId: string, caller: Principal | undefined, context: MessageContext): Promise<StemmingUitslag> {
    const actor = vereisActor(caller, 'een stemming te sluiten');
    const gemeente = vereisGemeente(context, actor);
    const uitslag = await this.em.transactional((em) => this.sluitIn(em, stemmingId, gemeente, actor, context));
    await this.schudEnHerschrijf([stemmingId]);
    return uitslag;
  }

  /** The sweep: closes what is past its closing time, one transaction each. Returns the ids it closed. */
  async sluitVerlopen(): Promise<string[]> {
    const em = this.em.fork();
    const verlopen = await em.find(Stemming, { status: 'gepubliceerd', sluitingTijdstip: { $lte: this.klok.nu() } }, { fields: ['id', 'gemeente'], limit: 100 });
    const gesloten: string[] = [];
    for (const { id, gemeente } of verlopen) {
      try {
        await this.em.fork().transactional((tx) => this.sluitIn(tx, id, gemeente, undefined, { correlationId: randomUUID(), gemeente }));
        gesloten.push(id);
      } catch (error) {
        // CONFLICT: another instance closed it first. Anything else stops this one, not the others.
        if (!(error instanceof DomainError && error.code === 'CONFLICT')) this.logger.error({ err: error, stemmingId: id }, 'closing a stemming past its closing time failed');
      }
    }
    if (gesloten.length > 0) this.logger.log(`closed ${gesloten.length} stemmingen past their closing time`);
    // These, and any whose shuffle failed or was cut off before.
    await this.schudEnHerschrijf(await this.stembus.teSchudden(em));
    return gesloten;
  }

  async uitslag(stemmingId: string, context: MessageContext, actor?: Principal): Promise<StemmingUitslag> {
    const stemming = await this.vind(this.em, stemmingId, werkGemeente(context, actor));
    this.vereisGesloten(stemming);
    return uitslagVan(stemming);
  }

  /**
   * The head of the export anyone can recount (the lists come in pages, {@link exportPagina}). The
   * ballot box is counted again, grouped as at closing, and must give the stored proces-verbaal:
   * otherwise nothing is served rather than something else. Closed ballots and receipts never
   * change (append-only, by trigger), so the pages read what this checked.
   */
  async export(stemmingId: string, context: MessageContext, actor?: Principal): Promise<StemmingExportKop> {
    const stemming = await this.vind(this.em, stemmingId, werkGemeente(context, actor));
    this.vereisGeschud(stemming);
    const procesVerbaal = stemming.procesVerbaal!;
    const stembus = await this.telStembus(this.em, stemming);
    if (stembus.aantalBonnetjes !== procesVerbaal.aantalKiezers || procesVerbaalHash(stembus.procesVerbaal(procesVerbaal.aantalKiesgerechtigden)) !== stemming.procesVerbaalHash) {
      throw new DomainError('INTERNAL', 'De stembus geeft niet meer de gepubliceerde uitslag; de export is niet beschikbaar.');
    }
    return {
      formaat: STEMMING_EXPORT_FORMAAT,
      versie: 1,
      regels: stemming.regels,
      aantalKiesgerechtigden: procesVerbaal.aantalKiesgerechtigden,
      procesVerbaal,
      procesVerbaalHash: stemming.procesVerbaalHash!,
    };
  }

  /**
   * One page of the ballots or the receipts of the export, in the order of their random keys: sized
   * so that it fits one NATS message whatever the rules (STEMMING_EXPORT_PAGINA_BYTES).
   */
  async exportPagina(input: StemmingExportPaginaVraag, context: MessageContext, actor?: Principal): Promise<StemmingExportPagina> {
    const stemming = await this.vind(this.em, input.stemmingId, werkGemeente(context, actor));
    this.vereisGeschud(stemming);
    const na = input.na === undefined ? undefined : leesPaginaToken(input.na, input.lijst);
    if (input.na !== undefined && na === undefined) {
      throw DomainError.validation([{ name: 'na', code: 'paginaToken', reason: `na is geen paginatoken van ${input.lijst} / na is no page token of ${input.lijst}` }]);
    }
    const grootte = paginaGrootte(stemming.regels, input.lijst, this.env.STEMMING_EXPORT_PAGINA_BYTES);
    // One more than a page: whether there is a next page, without asking for an empty one.
    let items: Array<CanoniekStembiljet | string>;
    let sleutels: string[];
    if (input.lijst === 'stembiljetten') {
      const rijen = await this.stembus.biljettenPagina(this.em, stemming.id, na, grootte + 1);
      items = rijen.map((rij) => rij.biljet);
      sleutels = rijen.map((rij) => rij.id);
    } else {
      items = sleutels = await this.stembus.bonnetjesPagina(this.em, stemming.id, na, grootte + 1);
    }
    return { items: items.slice(0, grootte), ...(items.length > grootte ? { volgende: paginaToken(sleutels[grootte - 1]!) } : {}) };
  }

  /**
   * The second step of closing: each stemming's ballot box shuffled in its own transaction, then both
   * tables rewritten once. The result is committed already; should a shuffle fail, the stemming stays
   * marked unshuffled (its export waits) and the sweep tries again; should the rewrite fail, the
   * shuffled copies stand and the next closing (or autovacuum) clears the originals' files.
   */
  private async schudEnHerschrijf(stemmingIds: readonly string[]): Promise<void> {
    let geschud = 0;
    for (const id of stemmingIds) {
      try {
        if (await this.em.fork().transactional((tx) => this.stembus.schud(tx, id, this.klok.nu()))) geschud++;
      } catch (error) {
        this.logger.error({ err: error, stemmingId: id }, 'shuffling the ballot box after closing failed; the sweep tries again');
      }
    }
    if (geschud === 0) return;
    try {
      await this.stembus.herschrijf(this.em);
    } catch (error) {
      this.logger.error({ err: error }, 'rewriting the ballot box after closing failed');
    }
  }

  /**
   * The ballot box counted as closing counts it, for the closing and for every export that checks it
   * again: ballots grouped by PostgreSQL and counted with telGroepen, receipts counted and hashed there.
   */
  private async telStembus(em: EntityManager, stemming: Stemming): Promise<GeteldeStembus> {
    const groepen = await this.stembus.biljetGroepen(em, stemming.id);
    const bonnetjes = await this.stembus.bonnetjesTelling(em, stemming.id);
    const telling = telGroepen(stemming.regels, groepen);
    const biljettenHash = biljettenHashVanGroepen(groepen);
    return {
      aantalBiljetten: groepen.reduce((som, groep) => som + groep.aantal, 0),
      aantalBonnetjes: bonnetjes.aantal,
      procesVerbaal: (aantalKiesgerechtigden) => maakProcesVerbaal(stemming.regels, telling, { aantalKiesgerechtigden, biljettenHash, bonnetjesHash: bonnetjes.hash }),
    };
  }

  private async sluitIn(em: EntityManager, stemmingId: string, gemeente: string, actor: Principal | undefined, context: MessageContext): Promise<StemmingUitslag> {
    // FOR UPDATE: waits for every cast holding the row (FOR KEY SHARE), and holds off the next ones.
    const stemming = await em.findOne(Stemming, { id: stemmingId, gemeente }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!stemming) throw DomainError.notFound('Deze stemming');
    if (actor && !isGemeenteStaf(actor.rollen)) throw new DomainError('FORBIDDEN', 'Alleen een ambtenaar of gemeentebeheerder sluit een stemming.');
    if (stemming.status === 'gesloten') throw DomainError.conflict('Deze stemming is al gesloten; de uitslag is openbaar.');
    const nu = this.klok.nu();
    if (stemming.status === 'ingetrokken') throw DomainError.conflict(INGETROKKEN, []);
    if (!isGesloten(stemming.regels, nu)) {
      throw DomainError.conflict(`Deze stemming loopt tot ${stemming.regels.sluitingTijdstip}; pas daarna wordt zij gesloten en geteld.`);
    }
    const regels = stemming.regels;
    const stembus = await this.telStembus(em, stemming);
    const kiezers = await this.stembus.aantalKiezers(em, stemming.id);
    if (kiezers !== stembus.aantalBiljetten || kiezers !== stembus.aantalBonnetjes) {
      throw new DomainError('INTERNAL', 'Het register en de stembus lopen uiteen; de stemming is niet gesloten.');
    }
    // Residents who verified after publication may have voted too: the base is never below the turnout.
    const aantalKiesgerechtigden =
      regels.kiesgerechtigden.soort === 'tafel'
        ? await this.stembus.aantalTafelKiesgerechtigden(em, stemming.id, stemming.vraagstukId)
        : Math.max(stemming.aantalKiesgerechtigden ?? 0, kiezers);
    const procesVerbaal = stembus.procesVerbaal(aantalKiesgerechtigden);
    const hash = procesVerbaalHash(procesVerbaal);
    stemming.status = 'gesloten';
    stemming.procesVerbaal = procesVerbaal;
    stemming.procesVerbaalHash = hash;
    stemming.geslotenTijdstip = nu;
    await em.flush();
    await this.stembus.vergeetHerhalingen(em, stemming.id);
    const gesloten: StemmingGesloten = { id: stemming.id, vraagstukId: stemming.vraagstukId, gemeente: stemming.gemeente, procesVerbaal, procesVerbaalHash: hash };
    await this.vastlegging.leg(
      em,
      {
        vraagstukId: stemming.vraagstukId,
        gemeente: stemming.gemeente,
        soort: 'stemming-gesloten',
        actor: actor ? tijdlijnActor(actor) : null,
        gegevens: { stemmingId: stemming.id, procesVerbaalHash: hash, procesVerbaal: procesVerbaal as unknown as JsonWaarde },
        event: { subject: STEMMING_EVENTS.gesloten, resource: 'stemming', event: 'gesloten', about: stemming.id, data: gesloten },
      },
      context,
    );
    return uitslagVan(stemming);
  }

  /**
   * The stemming for a cast or batch, locked against closing, and open now for this channel. Not
   * scoped by gemeente: a voter of another gemeente is told so by the eligibility rule (403).
   */
  private async stemmingVoorStem(em: EntityManager, stemmingId: string, kanaal: 'digitaal' | 'papier'): Promise<StemmingVoorStem> {
    const stemming = await this.stembus.stemmingVoorStem(em, stemmingId);
    if (!stemming) throw DomainError.notFound('Deze stemming');
    const nu = this.klok.nu();
    if (stemming.status === 'ingetrokken') throw DomainError.conflict(INGETROKKEN, []);
    if (stemming.status === 'gesloten' || isGesloten(stemming.regels, nu)) throw DomainError.conflict('Deze stemming is gesloten; stemmen kan niet meer.');
    if (!isOpen(stemming.regels, nu)) throw DomainError.conflict(`Deze stemming opent pas op ${stemming.regels.openingTijdstip}.`);
    if (!stemming.regels.kanalen.includes(kanaal)) {
      throw DomainError.conflict(kanaal === 'papier' ? 'Bij deze stemming wordt niet op papier gestemd.' : 'Bij deze stemming wordt alleen op papier gestemd.');
    }
    return stemming;
  }

  private async vind(em: EntityManager, stemmingId: string, gemeente: string | undefined): Promise<Stemming> {
    const stemming = await em.findOne(Stemming, { id: stemmingId, ...(gemeente ? { gemeente } : {}) });
    if (!stemming) throw DomainError.notFound('Deze stemming');
    return stemming;
  }

  /**
   * The export reads the ballot box as published: after the shuffle that follows the count (seconds
   * after it, or the next sweep's). Before, its keys are about to change under a paged reader.
   */
  private vereisGeschud(stemming: Stemming): void {
    this.vereisGesloten(stemming);
    if (!stemming.geschudTijdstip) {
      throw DomainError.conflict(
        'De stemming is geteld; de stembus wordt nog geschud en de export volgt binnen een minuut. / The vote is counted; the ballot box is still being shuffled and the export follows within a minute.',
        ['uitslag'],
      );
    }
  }

  private vereisGesloten(stemming: Stemming): void {
    if (stemming.status === 'ingetrokken') throw DomainError.conflict(INGETROKKEN, []);
    if (stemming.status !== 'gesloten') {
      throw DomainError.conflict(`De uitslag blijft geheim tot de stemming gesloten en geteld is (na ${stemming.regels.sluitingTijdstip}).`);
    }
  }
}
