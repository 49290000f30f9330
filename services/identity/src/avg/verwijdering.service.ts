import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AVG_EVENTS, type AccountVerwijderd, type MessageContext, type Principal, type Verwijderd } from '@samen/contracts';
import { DomainError, Outbox } from '@samen/platform';
import { isGeblokkeerd, naMislukking, overMinuten } from '../accounts/aanmeldslot';
import { controleerTegenDummy, controleerWachtwoord } from '../accounts/wachtwoord-hash';
import { GRONDSLAGEN } from './grondslagen';
import { Verwerkingslog } from './verwerkingslog';

const ONJUIST_WACHTWOORD = 'Het wachtwoord klopt niet. Vul uw huidige wachtwoord in om uw account te verwijderen.';

interface AccountRij {
  gemeente: string | null;
  wachtwoord_hash: string | null;
  /** Raw rows: the driver gives timestamps as text. */
  verwijderd_tijdstip: string | null;
  mislukte_aanmeldingen: number;
  geblokkeerd_tot: string | null;
}

type Uitkomst = { soort: 'verwijderd' } | { soort: 'weg' } | { soort: 'onjuist'; vertragingMs: number } | { soort: 'geblokkeerd'; tot: Date; nu: Date };

/**
 * Erasure of an account (AVG art. 17). What identifies or authenticates the person goes in one
 * transaction: e-mail, weergavenaam, password hash, TOTP secret, sessions, mailed tokens,
 * verifications, memberships and the link from a used verification code. A tombstone row stays
 * (id, gemeente, verwijderdTijdstip) so that ids elsewhere keep pointing at something, and
 * `account-verwijderd` (ids only) goes out through the outbox for the other bouwstenen.
 *
 * Raw SQL on purpose: the Account entity (owned by the accounts aggregate) types e-mail and name as
 * always present; only this tombstone path writes NULLs, and the check constraint of the
 * migration guarantees that a tombstone keeps none of them.
 */
@Injectable()
export class VerwijderingService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly verwerkingslog: Verwerkingslog,
  ) {}

  async verwijder(principal: Principal | undefined, wachtwoord: string, context: MessageContext): Promise<Verwijderd> {
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'Log in om uw account te verwijderen.');
    const accountId = principal.accountId;
    const uitkomst = await this.em.transactional(async (em): Promise<Uitkomst> => {
      const [rij] = await em.execute<AccountRij[]>(
        `select "gemeente", "wachtwoord_hash", "verwijderd_tijdstip", "mislukte_aanmeldingen", "geblokkeerd_tot"
           from "identity"."account" where "id" = ? for update`,
        [accountId],
      );
      if (!rij || rij.verwijderd_tijdstip || !rij.wachtwoord_hash) {
        // As long as a good check: no timing hint that the account is already gone.
        await controleerTegenDummy(wachtwoord);
        return { soort: 'weg' };
      }
      const nu = new Date();
      // The same counter and lock as the login: otherwise a stolen access token would be an
      // unlimited password oracle here, next to a login that locks after five guesses.
      const geblokkeerdTot = rij.geblokkeerd_tot ? new Date(rij.geblokkeerd_tot) : null;
      if (geblokkeerdTot && isGeblokkeerd(geblokkeerdTot, nu)) return { soort: 'geblokkeerd', tot: geblokkeerdTot, nu };
      // A fresh confirmation: a stolen access token alone cannot erase someone.
      if (!(await controleerWachtwoord(rij.wachtwoord_hash, wachtwoord))) {
        const mislukkingen = rij.mislukte_aanmeldingen + 1;
        const gevolg = naMislukking(mislukkingen, nu);
        await em.execute(`update "identity"."account" set "mislukte_aanmeldingen" = ?, "geblokkeerd_tot" = coalesce(?, "geblokkeerd_tot") where "id" = ?`, [
          mislukkingen,
          gevolg.geblokkeerdTot ?? null,
          accountId,
        ]);
        return { soort: 'onjuist', vertragingMs: gevolg.vertragingMs };
      }
      await em.execute(
        `update "identity"."account" set "email" = null, "weergavenaam" = null, "wachtwoord_hash" = null,
           "totp_geheim_versleuteld" = null, "totp_actief" = false, "totp_laatste_stap" = null, "rollen" = '{}',
           "email_bevestigd_tijdstip" = null, "mislukte_aanmeldingen" = 0, "geblokkeerd_tot" = null, "verwijderd_tijdstip" = ?
         where "id" = ?`,
        [nu, accountId],
      );
      await em.execute(`delete from "identity"."refresh_token" where "account_id" = ?`, [accountId]);
      await em.execute(`delete from "identity"."account_token" where "account_id" = ?`, [accountId]);
      await em.execute(`delete from "identity"."verificatie" where "account_id" = ?`, [accountId]);
      await em.execute(`delete from "identity"."verificatie_poging" where "account_id" = ?`, [accountId]);
      await em.execute(`delete from "identity"."lidmaatschap" where "account_id" = ?`, [accountId]);
      // The code stays used (it must not work again); only who used it is forgotten.
      await em.execute(`update "identity"."verificatiecode" set "gebruikt_door" = null where "gebruikt_door" = ?`, [accountId]);
      this.verwerkingslog.vastleggen(
        em,
        { actor: accountId, betrokkene: accountId, gemeente: rij.gemeente, handeling: 'verwijdering', grondslag: GRONDSLAGEN.verwijdering, correlationId: context.correlationId },
        nu,
      );
      this.outbox.add<AccountVerwijderd>(em, {
        subject: AVG_EVENTS.accountVerwijderd,
        resource: 'account',
        event: 'verwijderd',
        about: accountId,
        data: { accountId, ...(rij.gemeente ? { gemeente: rij.gemeente } : {}) },
        context: { ...(rij.gemeente ? { gemeente: rij.gemeente } : {}), correlationId: context.correlationId },
      });
      return { soort: 'verwijderd' };
    });
    switch (uitkomst.soort) {
      case 'verwijderd':
        return { verwijderd: true };
      case 'onjuist':
        // Held back after the commit, as at login: the counter is already written.
        if (uitkomst.vertragingMs > 0) await sleep(uitkomst.vertragingMs);
        throw new DomainError('UNAUTHENTICATED', ONJUIST_WACHTWOORD);
      case 'geblokkeerd':
        throw DomainError.tooManyRequests(
          `Te veel onjuiste wachtwoorden. Probeer het over ${overMinuten(uitkomst.tot, uitkomst.nu)} opnieuw.`,
          uitkomst.tot.getTime() - uitkomst.nu.getTime(),
        );
      case 'weg':
        throw new DomainError('UNAUTHENTICATED', 'Dit account bestaat niet meer.');
    }
  }
}
