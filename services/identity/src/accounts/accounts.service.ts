import { Injectable, Logger } from '@nestjs/common';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  ACCOUNT_EVENTS,
  type AccountGebeurtenis,
  type Geaccepteerd,
  type MessageContext,
  type Principal,
  type Registratie,
  type TweedeFactorInschrijving,
  type WachtwoordHerstel,
} from '@samen/contracts';
import { DomainError, Outbox } from '@samen/platform';
import { Gemeente } from '../gemeente/gemeente.entity';
import { MailTeksten } from '../mail/mail-teksten';
import { MailTransport, type MailBericht } from '../mail/mail-transport';
import { RefreshTokens } from '../sessies/refresh-tokens';
import { Account, isLevend, type LevendAccount } from './account.entity';
import { gebruikAccountToken, leesAccountToken, maakAccountToken } from './account-tokens';
import { GeheimVersleuteling } from './geheim-versleuteling';
import { controleerTotp, nieuwTotpGeheim, otpauthUri } from './totp';
import { beoordeelWachtwoord } from './wachtwoord-beleid';
import { hashWachtwoord } from './wachtwoord-hash';

export const GEACCEPTEERD: Geaccepteerd = { geaccepteerd: true };
const ONGELDIGE_LINK = 'Deze link of code is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan.';

export function normaliseerEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function gebeurtenis(account: Account): AccountGebeurtenis {
  return { accountId: account.id, ...(account.gemeente ? { gemeente: account.gemeente } : {}), segment: 'inwoner', rollen: [...account.rollen] };
}

/** Refuses a password that breaks the policy, as a 400 on the field `wachtwoord`. */
export function eisGoedWachtwoord(wachtwoord: string, email?: string): void {
  const oordeel = beoordeelWachtwoord(wachtwoord, email);
  if (!oordeel.ok) throw DomainError.validation([{ name: 'wachtwoord', code: 'wachtwoordbeleid', reason: oordeel.reden ?? 'Kies een ander wachtwoord.' }]);
}

@Injectable()
export class AccountsService {
  private readonly logger = new Logger('AccountsService');

  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly mail: MailTransport,
    private readonly teksten: MailTeksten,
    private readonly refreshTokens: RefreshTokens,
    private readonly versleuteling: GeheimVersleuteling,
  ) {}

  /**
   * Registers a resident. The answer is the same whether or not the address is taken (no account
   * enumeration): a known address gets a mail saying so instead of a confirmation link.
   */
  async registreer(input: Registratie, context: MessageContext): Promise<Geaccepteerd> {
    const gemeente = await this.eisGemeente(context);
    const email = normaliseerEmail(input.email);
    const weergavenaam = input.weergavenaam.trim();
    if (!weergavenaam) throw DomainError.validation([{ name: 'weergavenaam', code: 'isNotEmpty', reason: 'Vul een naam in die anderen zien.' }]);
    eisGoedWachtwoord(input.wachtwoord, email);
    // Hashed before looking up, so both paths take as long.
    const wachtwoordHash = await hashWachtwoord(input.wachtwoord);
    let bericht: MailBericht;
    try {
      bericht = await this.em.transactional(async (em) => {
        const bestaand = await em.findOne(Account, { gemeente, email });
        if (bestaand) {
          if (bestaand.emailBevestigdTijdstip) return this.teksten.alGeregistreerd(email);
          // Never confirmed: a fresh link (the old one stops working), the password stays.
          return this.teksten.bevestiging(email, await maakAccountToken(em, bestaand.id, 'e-mailbevestiging'));
        }
        const account = em.create(Account, { gemeente, email, weergavenaam, wachtwoordHash, rollen: ['inwoner'] });
        em.persist(account);
        await em.flush();
        const token = await maakAccountToken(em, account.id, 'e-mailbevestiging');
        this.outbox.add<AccountGebeurtenis>(em, {
          subject: ACCOUNT_EVENTS.aangemaakt,
          resource: 'account',
          event: 'aangemaakt',
          about: account.id,
          data: gebeurtenis(account),
          context: { gemeente, correlationId: context.correlationId },
        });
        return this.teksten.bevestiging(email, token);
      });
    } catch (error) {
      // Registered at the same moment by another request: the same answer as for a taken address.
      if (error instanceof UniqueConstraintViolationException) return GEACCEPTEERD;
      throw error;
    }
    this.verstuurOpAchtergrond(bericht, 'bevestiging');
    return GEACCEPTEERD;
  }

  async bevestigEmail(token: string, context: MessageContext): Promise<Geaccepteerd> {
    await this.em.transactional(async (em) => {
      const accountId = await gebruikAccountToken(em, token, 'e-mailbevestiging');
      const account = accountId ? await em.findOne(Account, { id: accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!account) throw new DomainError('RULE_VIOLATED', ONGELDIGE_LINK);
      if (account.emailBevestigdTijdstip) return;
      account.emailBevestigdTijdstip = new Date();
      this.outbox.add<AccountGebeurtenis>(em, {
        subject: ACCOUNT_EVENTS.bevestigd,
        resource: 'account',
        event: 'bevestigd',
        about: account.id,
        data: gebeurtenis(account),
        context: { ...(account.gemeente ? { gemeente: account.gemeente } : {}), correlationId: context.correlationId },
      });
    });
    return GEACCEPTEERD;
  }

  /** Always accepted; only a known address gets a mail. */
  async vraagHerstelAan(email: string, context: MessageContext): Promise<Geaccepteerd> {
    const adres = normaliseerEmail(email);
    const gemeente = context.gemeente ?? null;
    const bericht = await this.em.transactional(async (em) => {
      const account = await em.findOne(Account, { gemeente, email: adres });
      return account ? this.teksten.herstel(adres, await maakAccountToken(em, account.id, 'wachtwoordherstel')) : undefined;
    });
    if (bericht) this.verstuurOpAchtergrond(bericht, 'herstel');
    return GEACCEPTEERD;
  }

  /** Sets the new password and ends every session: whoever knew the old one is out. */
  async herstelWachtwoord(input: WachtwoordHerstel): Promise<Geaccepteerd> {
    const wachtwoordHash = await hashWachtwoord(input.wachtwoord);
    const email = await this.em.transactional(async (em) => {
      const accountId = await gebruikAccountToken(em, input.token, 'wachtwoordherstel');
      const account = accountId ? await em.findOne(Account, { id: accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!account || !isLevend(account)) throw new DomainError('RULE_VIOLATED', ONGELDIGE_LINK);
      eisGoedWachtwoord(input.wachtwoord, account.email);
      account.wachtwoordHash = wachtwoordHash;
      account.mislukteAanmeldingen = 0;
      account.geblokkeerdTot = null;
      // The link reached this mailbox, which is what a confirmation proves too.
      account.emailBevestigdTijdstip ??= new Date();
      await this.refreshTokens.trekAllesIn(em, account.id);
      return account.email;
    });
    this.verstuurOpAchtergrond(this.teksten.inlogGewijzigd(email, 'wachtwoord'), 'wachtwoord-gewijzigd');
    return GEACCEPTEERD;
  }

  /**
   * Starts (or restarts) TOTP enrolment: a new secret, stored encrypted, not yet active. An
   * active second factor is not replaced this way: that would let a stolen session switch it.
   */
  async schrijfTotpIn(principal: Principal | undefined, inschrijfToken: string | undefined): Promise<TweedeFactorInschrijving> {
    return this.em.transactional(async (em) => {
      const account = await this.inschrijver(em, principal, inschrijfToken);
      const geheim = nieuwTotpGeheim();
      account.totpGeheimVersleuteld = this.versleuteling.versleutel(geheim, account.id);
      return { geheim, otpauthUri: otpauthUri(geheim, account.email) };
    });
  }

  async activeerTotp(principal: Principal | undefined, inschrijfToken: string | undefined, code: string): Promise<Geaccepteerd> {
    const email = await this.em.transactional(async (em) => {
      const account = await this.inschrijver(em, principal, inschrijfToken);
      if (!account.totpGeheimVersleuteld) throw new DomainError('RULE_VIOLATED', 'Stel eerst een tweede factor in (POST /api/v1/mij/tweede-factor).');
      const stap = controleerTotp(this.versleuteling.ontsleutel(account.totpGeheimVersleuteld, account.id), code, new Date());
      if (stap === undefined) throw new DomainError('RULE_VIOLATED', 'Deze code klopt niet. Vul de code in die je app nu toont.');
      account.totpActief = true;
      account.totpLaatsteStap = stap;
      // The enrolment link is spent, and sessions made without the second factor end now.
      if (inschrijfToken) await gebruikAccountToken(em, inschrijfToken, 'tweede-factor');
      await this.refreshTokens.trekAllesIn(em, account.id);
      return account.email;
    });
    this.verstuurOpAchtergrond(this.teksten.inlogGewijzigd(email, 'tweede-factor'), 'tweede-factor-ingesteld');
    return GEACCEPTEERD;
  }

  /**
   * The account that enrols, locked: the caller of the access token, or the holder of the
   * `inschrijfToken` that a staff login without a second factor got instead of a session.
   */
  private async inschrijver(em: EntityManager, principal: Principal | undefined, inschrijfToken: string | undefined): Promise<LevendAccount> {
    const accountId = inschrijfToken ? await leesAccountToken(em, inschrijfToken, 'tweede-factor') : principal?.accountId;
    if (!accountId) {
      throw new DomainError('UNAUTHENTICATED', inschrijfToken ? 'Deze inschrijving is verlopen. Log opnieuw in.' : 'Log in om een tweede factor in te stellen.');
    }
    const account = await em.findOne(Account, { id: accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!account || !isLevend(account)) throw new DomainError('UNAUTHENTICATED', 'Dit account bestaat niet meer.');
    if (account.totpActief) throw new DomainError('CONFLICT', 'De tweede factor is al actief.');
    return account;
  }

  private async eisGemeente(context: MessageContext): Promise<string> {
    if (!context.gemeente) {
      throw DomainError.validation([{ name: 'Samen-Gemeente', code: 'isNotEmpty', reason: 'Noem de gemeente waarin je een account maakt (Samen-Gemeente).' }]);
    }
    if (!(await this.em.findOne(Gemeente, { code: context.gemeente }))) {
      throw new DomainError('UNKNOWN_GEMEENTE', `Gemeente ${context.gemeente} is bij deze installatie niet bekend.`);
    }
    return context.gemeente;
  }

  /**
   * Not awaited: the answer must not wait for the mail server, or its time would tell a known
   * address (a mail) from an unknown one (none). A mail that fails is logged without the address
   * and not retried: the user can ask again.
   */
  private verstuurOpAchtergrond(bericht: MailBericht, soort: string): void {
    this.mail.verstuur(bericht).catch((error: unknown) => {
      // Only the code: an SMTP error message may quote the recipient's address.
      this.logger.error({ code: (error as { code?: unknown } | null)?.code, soort }, 'mail could not be sent');
    });
  }
}
