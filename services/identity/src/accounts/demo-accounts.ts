import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import {
  ROLLEN,
  STAF_ROLLEN,
  type DemoAccountView,
  type DemoSeedReply,
  type OrganisatieSegment,
  type Principal,
  type Rol,
} from '@samen/contracts';
import { DomainError, ServiceEnv } from '@samen/platform';
import { Gemeente } from '../gemeente/gemeente.entity';
import { Organisatie } from '../organisaties/organisatie.entity';
import { OrganisatieService } from '../organisaties/organisatie.service';
import { Account } from './account.entity';
import { GeheimVersleuteling } from './geheim-versleuteling';
import { nieuwTotpGeheim } from './totp';
import { hashWachtwoord } from './wachtwoord-hash';

/** Known to everyone who reads the README: for the demo gemeente of `npm run up`, never production. */
export const DEMO_WACHTWOORD = 'samen-demo-wachtwoord';

/** `Zoetermeer` → `zoetermeer.demo`; the platformbeheerder belongs to no gemeente: `samen.demo`. */
export function demoEmail(rol: Rol | OrganisatieSegment, gemeenteNaam: string): string {
  const domein = rol === 'platformbeheerder' ? 'samen' : gemeenteNaam.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '');
  return `${rol}@${domein || 'gemeente'}.demo`;
}

/**
 * One demo organisation per segment, so every segment can sit at the table at once. The
 * gemeente's own organisation is managed by the demo ambtenaar (only staff may create one); the
 * other three each by a resident account of their own (`bedrijfsleven@…`, …).
 */
export function demoOrganisaties(gemeenteNaam: string): Array<{ segment: OrganisatieSegment; naam: string }> {
  return [
    { segment: 'gemeente', naam: `Gemeente ${gemeenteNaam}` },
    { segment: 'bedrijfsleven', naam: `Ondernemersvereniging ${gemeenteNaam}` },
    { segment: 'maatschappelijk', naam: `Welzijnsorganisatie ${gemeenteNaam}` },
    { segment: 'burgers', naam: `Bewonersvereniging ${gemeenteNaam}` },
  ];
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
    private readonly organisaties: OrganisatieService,
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
      for (const { segment } of demoOrganisaties(gemeente.naam).filter((o) => o.segment !== 'gemeente')) {
        const email = demoEmail(segment, gemeente.naam);
        let account = await em.findOne(Account, { gemeente: gemeente.code, email }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!account) {
          account = em.create(Account, { gemeente: gemeente.code, email, weergavenaam: `Demo ${segment}`, wachtwoordHash, rollen: ['inwoner'] });
          em.persist(account);
        }
        account.wachtwoordHash = wachtwoordHash;
        account.rollen = ['inwoner'];
        account.emailBevestigdTijdstip ??= new Date();
        account.mislukteAanmeldingen = 0;
        account.geblokkeerdTot = null;
        views.push({ rol: 'inwoner', email, wachtwoord: DEMO_WACHTWOORD, gemeente: gemeente.code });
      }
      return { views, gemeente: { code: gemeente.code, naam: gemeente.naam } };
    });
    return { accounts: await this.zaaiOrganisaties(accounts.gemeente, accounts.views) };
  }

  /**
   * Creates the demo organisations through the organisation service (so their events go out as
   * for any other), each managed by its demo account; existing ones are kept.
   */
  private async zaaiOrganisaties(gemeente: { code: string; naam: string }, views: DemoAccountView[]): Promise<DemoAccountView[]> {
    const beheerderVan = (segment: OrganisatieSegment) => (segment === 'gemeente' ? demoEmail('ambtenaar', gemeente.naam) : demoEmail(segment, gemeente.naam));
    for (const { segment, naam } of demoOrganisaties(gemeente.naam)) {
      const view = views.find((v) => v.email === beheerderVan(segment));
      const account = view && (await this.em.fork().findOne(Account, { gemeente: gemeente.code, email: view.email }));
      if (!view || !account) continue;
      const organisatie = await this.em.fork().findOne(Organisatie, { gemeente: gemeente.code, naam });
      if (!organisatie) {
        const principal: Principal = { accountId: account.id, gemeente: gemeente.code, rollen: account.rollen, segment: 'inwoner', tweedeFactor: true };
        const created = await this.organisaties.create({ naam, segment }, principal, { gemeente: gemeente.code, correlationId: randomUUID() });
        view.organisatie = { id: created.id, naam: created.naam, segment: created.segment };
        continue;
      }
      view.organisatie = { id: organisatie.id, naam: organisatie.naam, segment: organisatie.segment };
    }
    return views;
  }
}
