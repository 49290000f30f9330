import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  CONTEXT_HEADERS,
  type CodeBatchView,
  type InwonerGeverifieerd,
  type MessageContext,
  type NieuweCodes,
  type PersoonlijkeVerificatie,
  type Principal,
  VERIFICATIE_EVENTS,
  type VerificatieMethode,
  type VerificatieView,
} from '@samen/contracts';
import { DomainError, Outbox } from '@samen/platform';
import { Account } from '../accounts/account.entity';
import { VERIFICATIECODE_SLEUTEL } from './verificatie.tokens';
import { GRONDSLAGEN } from '../avg/grondslagen';
import { Verwerkingslog } from '../avg/verwerkingslog';
import { Verificatie, VerificatiecodeBatch, Verificatiecode, VerificatiePoging } from './verificatie.entity';
import { overMinuten } from '../accounts/aanmeldslot';
import { magCodesAanmaken, magPersoonlijkVerifieren, MAX_MISLUKTE_POGINGEN, POGING_VENSTER_MS, pogingToegestaan, wachttijdMs } from './verificatie.rules';
import { controleerVerlooptDatum, gebiedHoortBijGemeente, genereerCode, hashCode, isVerlopen, normaliseerCode } from './verificatiecode';

type Uitkomst = { soort: 'geverifieerd'; view: VerificatieView } | { soort: 'te-vaak'; wachtMs: number } | { soort: 'onbekend' } | { soort: 'verlopen' };

function toView(verificatie: Verificatie): VerificatieView {
  return {
    accountId: verificatie.accountId,
    gebied: verificatie.gebied,
    methode: verificatie.methode,
    geverifieerdTijdstip: verificatie.geverifieerdTijdstip.toISOString(),
  };
}

function werkGemeente(context: MessageContext, actor: Principal): string {
  const gemeente = context.gemeente ?? actor.gemeente;
  if (!gemeente) {
    throw DomainError.validation([{ name: CONTEXT_HEADERS.gemeente, code: 'isNotEmpty', reason: `Noem de gemeente in ${CONTEXT_HEADERS.gemeente}.` }]);
  }
  return gemeente;
}

function gebiedBuitenGemeente(gebied: string, gemeente: string): DomainError {
  return DomainError.validation([{ name: 'gebied', code: 'gebiedInGemeente', reason: `${gebied} ligt niet in gemeente ${gemeente}.` }]);
}

@Injectable()
export class VerificatieService {
  private readonly logger = new Logger('VerificatieService');

  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    @Inject(VERIFICATIECODE_SLEUTEL) private readonly sleutel: Buffer,
    private readonly verwerkingslog: Verwerkingslog,
  ) {}

  /** A batch of new codes; the reply is the only place the codes ever appear in readable form. */
  async codesAanmaken(input: NieuweCodes, actor: Principal | undefined, context: MessageContext, nu = new Date()): Promise<CodeBatchView> {
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Log in om verificatiecodes te maken.');
    const gemeente = werkGemeente(context, actor);
    if (!magCodesAanmaken(actor, gemeente)) throw new DomainError('FORBIDDEN', 'Alleen het gemeentebeheer en ambtenaren van deze gemeente maken verificatiecodes.');
    if (!gebiedHoortBijGemeente(input.gebied, gemeente)) throw gebiedBuitenGemeente(input.gebied, gemeente);
    const datumFout = controleerVerlooptDatum(input.verlooptDatum, nu);
    if (datumFout) throw DomainError.validation([{ name: 'verlooptDatum', code: 'verlooptDatum', reason: datumFout }]);

    const codes = new Set<string>();
    while (codes.size < input.aantal) codes.add(genereerCode());
    return this.em.transactional(async (em) => {
      const batch = em.create(VerificatiecodeBatch, {
        id: randomUUID(),
        gemeente,
        gebied: input.gebied,
        aantal: input.aantal,
        verlooptDatum: input.verlooptDatum,
        aangemaaktDoor: actor.accountId,
        aangemaaktTijdstip: nu,
      });
      // One multi-row insert; the foreign key to the batch is checked at commit.
      await em.insertMany(
        Verificatiecode,
        [...codes].map((code) => ({
          hash: hashCode(this.sleutel, gemeente, normaliseerCode(code) as string),
          batchId: batch.id,
          gemeente,
          gebied: input.gebied,
          verlooptDatum: input.verlooptDatum,
        })),
      );
      this.logger.log({ gemeente, gebied: input.gebied, aantal: input.aantal, batch: batch.id, door: actor.accountId }, 'verificatiecodes aangemaakt');
      return {
        id: batch.id,
        gebied: batch.gebied,
        aantal: batch.aantal,
        verlooptDatum: batch.verlooptDatum,
        aangemaaktTijdstip: nu.toISOString(),
        codes: [...codes],
      };
    });
  }

  /**
   * Redeems a code for the calling account. A wrong, used, foreign or expired code counts as a
   * failed attempt, and is committed as one even though the reply is an error: the limit must hold
   * against a guesser who never succeeds. The code itself is never logged.
   */
  async inwisselen(invoer: string, actor: Principal | undefined, context: MessageContext): Promise<VerificatieView> {
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Log in om uw verificatiecode te gebruiken.');
    const gemeente = werkGemeente(context, actor);
    const nu = new Date();
    const uitkomst = await this.em.transactional(async (em): Promise<Uitkomst> => {
      // One redemption per account at a time, so parallel guesses cannot all pass the count.
      await em.execute('select pg_advisory_xact_lock(?)', [advisoryKey(`verificatie:${actor.accountId}`)]);
      const recent = await em.find(VerificatiePoging, { accountId: actor.accountId, tijdstip: { $gt: new Date(nu.getTime() - POGING_VENSTER_MS) } });
      if (!pogingToegestaan(recent.map((p) => p.tijdstip), nu)) return { soort: 'te-vaak', wachtMs: wachttijdMs(recent.map((p) => p.tijdstip), nu) };

      const genormaliseerd = normaliseerCode(invoer);
      const code = genormaliseerd
        ? await em.findOne(Verificatiecode, { hash: hashCode(this.sleutel, gemeente, genormaliseerd), gemeente }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      const mislukt = !code || code.gebruiktTijdstip ? 'onbekend' : isVerlopen(code.verlooptDatum, nu) ? 'verlopen' : undefined;
      if (mislukt || !code) {
        em.create(VerificatiePoging, { id: randomUUID(), accountId: actor.accountId, gemeente, tijdstip: nu });
        return { soort: mislukt ?? 'onbekend' };
      }
      code.gebruiktTijdstip = nu;
      code.gebruiktDoor = actor.accountId;
      const verificatie = await this.vastleggen(em, actor.accountId, gemeente, code.gebied, 'code', context, nu);
      return { soort: 'geverifieerd', view: toView(verificatie) };
    });

    const log = { gemeente, account: actor.accountId, uitkomst: uitkomst.soort };
    switch (uitkomst.soort) {
      case 'geverifieerd':
        this.logger.log(log, 'verificatiecode ingewisseld');
        return uitkomst.view;
      case 'te-vaak':
        this.logger.warn(log, 'verificatiecode geweigerd: te veel pogingen');
        throw DomainError.tooManyRequests(
          `Te veel verkeerde codes: probeer het over ${overMinuten(new Date(nu.getTime() + uitkomst.wachtMs), nu)} opnieuw (hoogstens ${MAX_MISLUKTE_POGINGEN} per uur).`,
          uitkomst.wachtMs,
        );
      case 'verlopen':
        this.logger.warn(log, 'verificatiecode geweigerd');
        throw new DomainError('RULE_VIOLATED', 'Deze verificatiecode is verlopen. Vraag de gemeente om een nieuwe.');
      default:
        this.logger.warn(log, 'verificatiecode geweigerd');
        throw new DomainError('RULE_VIOLATED', 'Deze verificatiecode is onbekend of al gebruikt.');
    }
  }

  /** An ambtenaar verifies a resident at the desk (identity document checked there, not stored here). */
  async persoonlijk(input: PersoonlijkeVerificatie, actor: Principal | undefined, context: MessageContext): Promise<VerificatieView> {
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Log in om een inwoner te verifiëren.');
    const gemeente = werkGemeente(context, actor);
    if (!magPersoonlijkVerifieren(actor, gemeente)) throw new DomainError('FORBIDDEN', 'Alleen een ambtenaar van deze gemeente verifieert inwoners persoonlijk.');
    if (!gebiedHoortBijGemeente(input.gebied, gemeente)) throw gebiedBuitenGemeente(input.gebied, gemeente);
    return this.em.transactional(async (em) => {
      // Another gemeente's account does not exist here.
      // An erased account is a tombstone without e-mail (account_tombstone_check): it exists for nobody.
      if (!(await em.findOne(Account, { id: input.accountId, gemeente, email: { $ne: null } }))) throw DomainError.notFound('Dit account');
      const verificatie = await this.vastleggen(em, input.accountId, gemeente, input.gebied, 'persoonlijk', context, new Date(), actor.accountId);
      this.logger.log({ gemeente, account: input.accountId, door: actor.accountId, gebied: input.gebied }, 'inwoner persoonlijk geverifieerd');
      return toView(verificatie);
    });
  }

  /** For tokens: the gebied the account is a verified resident of now (the latest verification). */
  async geverifieerdGebied(accountId: string): Promise<string | undefined> {
    const [laatste] = await this.em.fork().find(Verificatie, { accountId }, { orderBy: { geverifieerdTijdstip: 'desc' }, limit: 1 });
    return laatste?.gebied;
  }

  private async vastleggen(
    em: EntityManager,
    accountId: string,
    gemeente: string,
    gebied: string,
    methode: VerificatieMethode,
    context: MessageContext,
    nu: Date,
    door?: string,
  ): Promise<Verificatie> {
    const verificatie = em.create(Verificatie, {
      id: randomUUID(),
      accountId,
      gemeente,
      gebied,
      methode,
      ...(door ? { geverifieerdDoor: door } : {}),
      geverifieerdTijdstip: nu,
    });
    // Who verified whom is a processing of personal data: on the log, in the same transaction.
    this.verwerkingslog.vastleggen(
      em,
      { actor: door ?? accountId, betrokkene: accountId, gemeente, handeling: 'verificatie', grondslag: GRONDSLAGEN.verificatie, correlationId: context.correlationId },
      nu,
    );
    const data: InwonerGeverifieerd = { accountId, gebied };
    await this.outbox.add(em, {
      subject: VERIFICATIE_EVENTS.inwonerGeverifieerd,
      resource: 'inwoner',
      event: 'geverifieerd',
      about: accountId,
      data,
      context: { gemeente, correlationId: context.correlationId },
    });
    return verificatie;
  }
}

/** A 64-bit advisory lock key from a name (PostgreSQL takes a bigint). */
function advisoryKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}
