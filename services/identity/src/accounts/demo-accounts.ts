import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { ROLLEN, STAF_ROLLEN, type DemoAccountView, type DemoSeedReply, type Rol } from '@samen/contracts';
import { DomainError, ServiceEnv } from '@samen/platform';
import { Gemeente } from '../gemeente/gemeente.entity';
import { Account } from './account.entity';
import { GeheimVersleuteling } from './geheim-versleuteling';
import { nieuwTotpGeheim } from './totp';
import { hashWachtwoord } from './wachtwoord-hash';

/** Known to everyone who reads the README: for the demo gemeente of `npm run up`, never production. */
export const DEMO_WACHTWOORD = 'samen-demo-wachtwoord';

/** `Zoetermeer` → `zoetermeer.demo`; the platformbeheerder belongs to no gemeente: `samen.demo`. */
export function demoEmail(rol: Rol, gemeenteNaam: string): string {
  const domein = rol === 'platformbeheerder' ? 'samen' : gemeenteNaam.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '');
  return `${rol}@${domein || 'gemeente'}.demo`;
}

/**
 * One confirmed account per role for the demo gemeente. Idempotent: a second run resets the
 * password to the known one and keeps the TOTP secrets, so an authenticator app set up once
 * keeps working. Staff get an active second factor; the secrets come back to be printed.
 */
@Injectable()
export class DemoAccounts {
  constructor(
    private readonly em: EntityManager,
    private readonly env: ServiceEnv,
    private readonly versleuteling: GeheimVersleuteling,
  ) {}

  async zaai(gemeenteCode: string): Promise<DemoSeedReply> {
    if (this.env.NODE_ENV === 'production') throw new DomainError('FORBIDDEN', 'Demo-accounts bestaan niet in productie.');
    const wachtwoordHash = await hashWachtwoord(DEMO_WACHTWOORD);
    const accounts = await this.em.transactional(async (em) => {
      const gemeente = await em.findOne(Gemeente, { code: gemeenteCode });
      if (!gemeente) throw DomainError.notFound(`Gemeente ${gemeenteCode}`);
      const views: DemoAccountView[] = [];
      for (const rol of ROLLEN) {
        const code = rol === 'platformbeheerder' ? null : gemeente.code;
        const email = demoEmail(rol, gemeente.naam);
        let account = await em.findOne(Account, { gemeente: code, email }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!account) {
          account = em.create(Account, { gemeente: code, email, weergavenaam: `Demo ${rol}`, wachtwoordHash, rollen: [rol] });
          em.persist(account);
        }
        account.wachtwoordHash = wachtwoordHash;
        account.rollen = [rol];
        account.emailBevestigdTijdstip ??= new Date();
        account.mislukteAanmeldingen = 0;
        account.geblokkeerdTot = null;
        let totpGeheim: string | undefined;
        if (STAF_ROLLEN.includes(rol)) {
          totpGeheim = account.totpActief && account.totpGeheimVersleuteld ? this.versleuteling.ontsleutel(account.totpGeheimVersleuteld, account.id) : nieuwTotpGeheim();
          account.totpGeheimVersleuteld = this.versleuteling.versleutel(totpGeheim, account.id);
          account.totpActief = true;
        }
        views.push({ rol, email, wachtwoord: DEMO_WACHTWOORD, ...(code ? { gemeente: code } : {}), ...(totpGeheim ? { totpGeheim } : {}) });
      }
      return views;
    });
    return { accounts };
  }
}
