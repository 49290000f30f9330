import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { NAMENS_ZELF, STAF_ROLLEN, type Aanmeldresultaat, type Aanmelding, type MessageContext, type Principal, type Segment, type SessieView, type Vernieuwing } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { Account, isLevend } from '../accounts/account.entity';
import { GELDIGHEID_MS, maakAccountToken } from '../accounts/account-tokens';
import { normaliseerEmail } from '../accounts/accounts.service';
import { isGeblokkeerd, naMislukking, overMinuten } from '../accounts/aanmeldslot';
import { GeheimVersleuteling } from '../accounts/geheim-versleuteling';
import { controleerTotp } from '../accounts/totp';
import { controleerTegenDummy, controleerWachtwoord, hashWachtwoord, moetOpnieuw } from '../accounts/wachtwoord-hash';
import { Organisatie } from '../organisaties/organisatie.entity';
import { OrganisatieService } from '../organisaties/organisatie.service';
import { TokenIssuer } from '../sleutels/token-issuer';
import { VerificatieService } from '../verificatie/verificatie.service';
import { RefreshTokens } from './refresh-tokens';

/** One message for an unknown address, a wrong password and a wrong code: no account enumeration. */
export const ONJUISTE_AANMELDING = 'Het e-mailadres, het wachtwoord of de code klopt niet.';
const ONGELDIGE_SESSIE = 'Deze sessie is verlopen of beëindigd. Log opnieuw in.';

export function isStaf(rollen: readonly string[]): boolean {
  return rollen.some((rol) => (STAF_ROLLEN as readonly string[]).includes(rol));
}

/** As whom a session acts: the account itself, or an organisation it holds a mandate for. */
interface Namens {
  segment: Segment;
  organisatie?: string;
}

const ALS_ZELF: Namens = { segment: 'inwoner' };
const GEEN_MANDAAT = 'Je mag niet namens deze organisatie handelen: daarvoor moet je er vertegenwoordiger of beheerder van zijn.';

type Uitkomst =
  | { soort: 'gelukt'; account: Account; amr: string[]; namens: Namens; refresh: { refreshToken: string; verlooptTijdstip: Date } }
  | { soort: 'geen-mandaat' }
  | { soort: 'beperkt'; inschrijfToken: string; verlooptTijdstip: Date }
  | { soort: 'mislukt'; vertragingMs: number }
  | { soort: 'geblokkeerd'; tot: Date; nu: Date }
  | { soort: 'onbevestigd' }
  | { soort: 'code-nodig' };

@Injectable()
export class SessiesService {
  constructor(
    private readonly em: EntityManager,
    private readonly refreshTokens: RefreshTokens,
    private readonly tokens: TokenIssuer,
    private readonly versleuteling: GeheimVersleuteling,
    private readonly verificatie: VerificatieService,
    private readonly organisaties: OrganisatieService,
  ) {}

  /**
   * Login. The failure counter and lock are written in the same locked transaction as the check,
   * so parallel guesses cannot slip past the lock; the error is thrown after the commit.
   */
  async meldAan(input: Aanmelding, context: MessageContext): Promise<Aanmeldresultaat> {
    const email = normaliseerEmail(input.email);
    const gemeente = context.gemeente ?? null;
    const uitkomst = await this.em.transactional(async (em): Promise<Uitkomst> => {
      const account = await em.findOne(Account, { gemeente, email }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const nu = new Date();
      // An erased account has no e-mail left, so it is not found here; the check narrows the type.
      if (!account || !isLevend(account)) {
        await controleerTegenDummy(input.wachtwoord);
        return { soort: 'mislukt', vertragingMs: 0 };
      }
      // Locked: refused without even checking the password, so guessing gains nothing.
      if (isGeblokkeerd(account.geblokkeerdTot, nu) && account.geblokkeerdTot) return { soort: 'geblokkeerd', tot: account.geblokkeerdTot, nu };
      if (!(await controleerWachtwoord(account.wachtwoordHash, input.wachtwoord))) return this.mislukt(account, nu);

      const stafZonderFactor = isStaf(account.rollen) && !account.totpActief;
      let amr = ['pwd'];
      if (account.totpActief) {
        if (!input.totpCode) return { soort: 'code-nodig' };
        const stap = controleerTotp(this.totpGeheim(account), input.totpCode, nu, account.totpLaatsteStap);
        if (stap === undefined) return this.mislukt(account, nu);
        account.totpLaatsteStap = stap;
        amr = ['pwd', 'otp'];
      }
      account.mislukteAanmeldingen = 0;
      account.geblokkeerdTot = null;
      if (moetOpnieuw(account.wachtwoordHash)) account.wachtwoordHash = await hashWachtwoord(input.wachtwoord);
      if (!account.emailBevestigdTijdstip) return { soort: 'onbevestigd' };
      if (stafZonderFactor) {
        const inschrijfToken = await maakAccountToken(em, account.id, 'tweede-factor', nu);
        return { soort: 'beperkt', inschrijfToken, verlooptTijdstip: new Date(nu.getTime() + GELDIGHEID_MS['tweede-factor']) };
      }
      const namens = input.namens ? await this.namens(em, account, input.namens) : ALS_ZELF;
      if (!namens) return { soort: 'geen-mandaat' };
      return { soort: 'gelukt', account, amr, namens, refresh: this.refreshTokens.start(em, account.id, amr, namens.organisatie ?? null, nu) };
    });

    switch (uitkomst.soort) {
      case 'mislukt':
        // Held back after the commit: the lock is already written, the guesser only waits.
        if (uitkomst.vertragingMs > 0) await sleep(uitkomst.vertragingMs);
        throw new DomainError('UNAUTHENTICATED', ONJUISTE_AANMELDING);
      case 'geblokkeerd':
        throw DomainError.tooManyRequests(
          `Te veel mislukte pogingen om in te loggen. Probeer het over ${overMinuten(uitkomst.tot, uitkomst.nu)} opnieuw, of vraag een nieuw wachtwoord aan.`,
          uitkomst.tot.getTime() - uitkomst.nu.getTime(),
        );
      case 'code-nodig':
        throw new DomainError('UNAUTHENTICATED', 'Vul ook de code uit je authenticator-app in (totpCode).');
      case 'onbevestigd':
        throw new DomainError('FORBIDDEN', 'Bevestig eerst je e-mailadres met de link in de mail die we je stuurden.');
      case 'geen-mandaat':
        throw new DomainError('FORBIDDEN', GEEN_MANDAAT);
      case 'beperkt':
        // No access token at all: a token without roles would still pass every @Ingelogd route.
        return { tweedeFactorInstellen: true, inschrijfToken: uitkomst.inschrijfToken, inschrijfVerlooptTijdstip: uitkomst.verlooptTijdstip.toISOString() };
      case 'gelukt':
        return this.sessie(uitkomst.account, uitkomst.amr, uitkomst.namens, uitkomst.refresh);
    }
  }

  /**
   * Rotates the refresh token; a spent one revokes its family (committed before the 401). With
   * `namens` the session switches whom it acts for; the mandate is checked again at every refresh,
   * and a session whose mandate ended acts as the account itself from then on.
   */
  async vernieuw(input: Vernieuwing): Promise<SessieView> {
    const resultaat = await this.em.transactional(async (em) => {
      const rotatie = await this.refreshTokens.roteer(em, input.refreshToken);
      if (rotatie.oordeel !== 'geldig') return { rotatie, account: null, namens: ALS_ZELF };
      const account = await em.findOne(Account, { id: rotatie.accountId });
      // A resident who became staff during this session logged in without a second factor: the
      // session ends, and the next login goes through the second factor.
      if (!account || (isStaf(account.rollen) && !rotatie.amr.includes('otp'))) {
        await this.refreshTokens.trekFamilieInVan(em, rotatie.opvolger.refreshToken);
        return { rotatie, account: null, namens: ALS_ZELF };
      }
      const gevraagd = input.namens === undefined ? rotatie.organisatie : input.namens === NAMENS_ZELF ? null : input.namens.toLowerCase();
      let namens: Namens | undefined = gevraagd ? await this.namens(em, account, gevraagd) : ALS_ZELF;
      // Thrown inside the transaction: it rolls back, so the presented token is not spent.
      if (!namens && input.namens !== undefined) throw new DomainError('FORBIDDEN', GEEN_MANDAAT);
      namens ??= ALS_ZELF;
      rotatie.opvolgerRij.organisatie = namens.organisatie ?? null;
      return { rotatie, account, namens };
    });
    const { rotatie, account, namens } = resultaat;
    if (rotatie.oordeel !== 'geldig' || !account) throw new DomainError('UNAUTHENTICATED', ONGELDIGE_SESSIE);
    return this.sessie(account, rotatie.amr, namens, rotatie.opvolger);
  }

  /**
   * Logout: with a refresh token, its family ends; with only an access token, every session of
   * the account (the access token names no family). Unknown refresh tokens are accepted silently.
   */
  async meldAf(refreshToken: string | undefined, principal: Principal | undefined): Promise<void> {
    if (!refreshToken && !principal) throw new DomainError('UNAUTHENTICATED', 'Stuur het refresh token of een toegangstoken mee om uit te loggen.');
    await this.em.transactional(async (em) => {
      if (refreshToken) await this.refreshTokens.trekFamilieInVan(em, refreshToken);
      else if (principal) await this.refreshTokens.trekAllesIn(em, principal.accountId);
    });
  }

  /** The organisation's segment if the account holds a mandate for it in its own gemeente; else undefined. */
  private async namens(em: EntityManager, account: Account, organisatieId: string): Promise<Namens | undefined> {
    const organisatie = await em.findOne(Organisatie, { id: organisatieId });
    if (!organisatie || organisatie.gemeente !== account.gemeente) return undefined;
    if (!(await this.organisaties.heeftMandaat(account.id, organisatie.id))) return undefined;
    return { segment: organisatie.segment, organisatie: organisatie.id };
  }

  private mislukt(account: Account, nu: Date): Uitkomst {
    account.mislukteAanmeldingen += 1;
    const gevolg = naMislukking(account.mislukteAanmeldingen, nu);
    if (gevolg.geblokkeerdTot) account.geblokkeerdTot = gevolg.geblokkeerdTot;
    return { soort: 'mislukt', vertragingMs: gevolg.vertragingMs };
  }

  private totpGeheim(account: Account): string {
    if (!account.totpGeheimVersleuteld) throw new Error('active TOTP without a secret');
    return this.versleuteling.ontsleutel(account.totpGeheimVersleuteld, account.id);
  }

  private async sessie(account: Account, amr: string[], namens: Namens, refresh: { refreshToken: string; verlooptTijdstip: Date }): Promise<SessieView> {
    // Read at every login and refresh, so a verification shows up in the next access token.
    const geverifieerdGebied = await this.verificatie.geverifieerdGebied(account.id);
    const access = await this.tokens.issueAccessToken({
      accountId: account.id,
      ...(account.gemeente ? { gemeente: account.gemeente } : {}),
      rollen: [...account.rollen],
      segment: namens.segment,
      ...(namens.organisatie ? { organisatie: namens.organisatie } : {}),
      ...(geverifieerdGebied ? { geverifieerdGebied } : {}),
      amr,
    });
    return {
      accessToken: access.accessToken,
      verlooptTijdstip: access.verlooptTijdstip,
      refreshToken: refresh.refreshToken,
      refreshVerlooptTijdstip: refresh.verlooptTijdstip.toISOString(),
      tweedeFactorInstellen: false,
    };
  }
}
