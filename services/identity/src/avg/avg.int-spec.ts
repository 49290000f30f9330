import { Injectable, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { NatsConnection } from 'nats';
import {
  ACCOUNT_SUBJECTS,
  AVG_EVENTS,
  AVG_SUBJECTS,
  CONTEXT_HEADERS,
  EVENT_STREAM,
  GEMEENTE_SUBJECTS,
  persoonsgegevensExportSubject,
  SESSIE_SUBJECTS,
  type AccountVerwijderd,
  type MijAccount,
  type PersoonsgegevensExport,
  type SessieView,
  type VerwerkingenPagina,
} from '@samen/contracts';
import { erasureConsumerName, PERSOONSGEGEVENS_PROVIDER, type PersoonsgegevensProvider } from '@samen/platform';
import {
  dataOf,
  definitionOf,
  errorOf,
  expectEventually,
  natsConnect,
  ORMS,
  request,
  startTestService,
  streamEvents,
  streamLastSeq,
  truncate,
  withClient,
} from '@samen/testing';
import { MailTransport, type MemoryMailTransport } from '../mail/mail-transport';
import { TokenIssuer } from '../sleutels/token-issuer';

const GEMEENTE = 'GM0637';
const IN_GEMEENTE = { [CONTEXT_HEADERS.gemeente]: GEMEENTE };
const WACHTWOORD = 'een lange zin als wachtwoord';

/** A bouwsteen with personal data of its own, to show both extension points of the platform. */
const gepseudonimiseerd: string[] = [];
@Injectable()
class ProefPersoonsgegevens implements PersoonsgegevensProvider {
  async exporteer(accountId: string): Promise<Record<string, unknown>> {
    return { profielen: [{ auteur: accountId }] };
  }
  async pseudonimiseer(accountId: string, em: EntityManager): Promise<void> {
    // Inside the inbox transaction: a query on `em` runs in it.
    await em.execute('select 1');
    gepseudonimiseerd.push(accountId);
  }
}
@Module({ providers: [{ provide: PERSOONSGEGEVENS_PROVIDER, useClass: ProefPersoonsgegevens }] })
class ProefModule {}

describe('identity AVG over NATS: my account, export, erasure, processing log', () => {
  let identity: NestFastifyApplication;
  let monitoring: NestFastifyApplication;
  let citycontent: NestFastifyApplication;
  let nc: NatsConnection;
  let mail: MemoryMailTransport;
  const ask = <T>(subject: string, payload: unknown, headers: Record<string, string> = {}) => request<T>(subject, payload, headers, { nc });
  const bearer = (token: string) => ({ [CONTEXT_HEADERS.authorization]: `Bearer ${token}`, ...IN_GEMEENTE });

  function tokenUit(adres: string): string {
    const match = /\(POST \/api\/v1\/e-mailbevestigingen\): (\S+)/.exec(mail.aan(adres).at(-1)?.tekst ?? '');
    if (!match) throw new Error(`no token in the mail to ${adres}`);
    return match[1];
  }

  /** A confirmed, logged-in account: its id and access token. */
  async function inwoner(email: string, weergavenaam: string): Promise<{ id: string; token: string }> {
    dataOf(await ask(ACCOUNT_SUBJECTS.register, { email, wachtwoord: WACHTWOORD, weergavenaam }, IN_GEMEENTE));
    dataOf(await ask(ACCOUNT_SUBJECTS.confirmEmail, { token: tokenUit(email) }));
    const sessie = dataOf(await ask<SessieView>(SESSIE_SUBJECTS.create, { email, wachtwoord: WACHTWOORD }, IN_GEMEENTE));
    const claims = JSON.parse(Buffer.from(sessie.accessToken.split('.')[1], 'base64url').toString()) as { sub: string };
    return { id: claims.sub, token: sessie.accessToken };
  }

  beforeAll(async () => {
    await truncate('identity', ['refresh_token', 'account_token', 'lidmaatschap', 'verificatie', 'account', 'verwerking', 'outbox']);
    identity = await startTestService(definitionOf('identity'));
    monitoring = await startTestService(definitionOf('monitoring'));
    citycontent = await startTestService({ bouwsteen: 'citycontent', module: ProefModule, orm: ORMS.citycontent });
    mail = identity.get(MailTransport) as MemoryMailTransport;
    nc = await natsConnect();
    dataOf(await ask(GEMEENTE_SUBJECTS.upsert, { code: GEMEENTE, naam: 'Zoetermeer', bouwstenen: ['identity'] }));
  });

  afterAll(async () => {
    await citycontent?.close();
    await monitoring?.close();
    await identity?.close();
    if (nc) {
      const jsm = await nc.jetstreamManager();
      for (const b of ['monitoring', 'citycontent']) await jsm.consumers.delete(EVENT_STREAM, erasureConsumerName(b)).catch(() => undefined);
      await nc.close();
    }
  });

  it('shows me my own account data, without hash or secrets', async () => {
    const anna = await inwoner('anna@example.org', 'Anna');
    const account = dataOf(await ask<MijAccount>(AVG_SUBJECTS.account, {}, bearer(anna.token)));
    expect(account).toMatchObject({ accountId: anna.id, gemeente: GEMEENTE, email: 'anna@example.org', weergavenaam: 'Anna', rollen: ['inwoner'], emailBevestigd: true, lidmaatschappen: [] });
    expect(JSON.stringify(account)).not.toMatch(/argon2|wachtwoord|totpGeheim/i);
    expect(errorOf(await ask(AVG_SUBJECTS.account, {}))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('exports my data from identity and from a bouwsteen with a provider, and logs the export', async () => {
    const bram = await inwoner('bram@example.org', 'Bram');
    const deel = dataOf(await ask<PersoonsgegevensExport>(persoonsgegevensExportSubject('identity'), { accountId: bram.id }, bearer(bram.token)));
    expect(deel.bouwsteen).toBe('identity');
    expect(deel.gegevens).toMatchObject({ account: { accountId: bram.id, email: 'bram@example.org', weergavenaam: 'Bram' }, verificaties: [], sessies: [expect.objectContaining({ methoden: ['pwd'] })] });
    expect(JSON.stringify(deel)).not.toMatch(/argon2|"hash"/);

    // The platform's default (monitoring has no personal data) and a service's own provider.
    expect(dataOf(await ask(persoonsgegevensExportSubject('monitoring'), { accountId: bram.id }, bearer(bram.token)))).toEqual({ bouwsteen: 'monitoring', gegevens: {} });
    expect(dataOf(await ask(persoonsgegevensExportSubject('citycontent'), { accountId: bram.id }, bearer(bram.token)))).toEqual({
      bouwsteen: 'citycontent',
      gegevens: { profielen: [{ auteur: bram.id }] },
    });

    const log = dataOf(await ask<VerwerkingenPagina>(AVG_SUBJECTS.mijnVerwerkingen, {}, bearer(bram.token)));
    expect(log.verwerkingen).toEqual([expect.objectContaining({ actor: bram.id, betrokkene: bram.id, gemeente: GEMEENTE, handeling: 'export', grondslag: expect.stringMatching(/AVG/) })]);
  });

  it("refuses to export someone else's data (403), in every bouwsteen, and logs nothing", async () => {
    const cas = await inwoner('cas@example.org', 'Cas');
    const dirk = await inwoner('dirk@example.org', 'Dirk');
    for (const b of ['identity', 'monitoring', 'citycontent'] as const) {
      expect(errorOf(await ask(persoonsgegevensExportSubject(b), { accountId: dirk.id }, bearer(cas.token)))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    }
    expect(errorOf(await ask(persoonsgegevensExportSubject('identity'), { accountId: dirk.id }))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(dataOf(await ask<VerwerkingenPagina>(AVG_SUBJECTS.mijnVerwerkingen, {}, bearer(dirk.token))).verwerkingen).toEqual([]);
  });

  it('erases: no e-mail, name or hash left, no login, an event, pseudonymisation elsewhere, a log entry', async () => {
    const eva = await inwoner('eva@example.org', 'Eva');
    const since = await streamLastSeq(nc);

    // A fresh confirmation is required: the token alone is not enough.
    expect(errorOf(await ask(AVG_SUBJECTS.verwijder, { wachtwoord: 'niet mijn wachtwoord' }, bearer(eva.token)))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await ask(AVG_SUBJECTS.verwijder, {}, bearer(eva.token)))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(dataOf(await ask(AVG_SUBJECTS.verwijder, { wachtwoord: WACHTWOORD }, bearer(eva.token)))).toEqual({ verwijderd: true });

    await withClient('identity', async (c) => {
      const { rows } = await c.query(`select * from "identity"."account" where "id" = $1`, [eva.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: eva.id, gemeente: GEMEENTE, email: null, weergavenaam: null, wachtwoord_hash: null, totp_geheim_versleuteld: null, rollen: [] });
      expect(rows[0].verwijderd_tijdstip).toBeInstanceOf(Date);
      // Nowhere in the schema: not in another column, not in a token table.
      for (const table of ['account', 'account_token', 'refresh_token', 'verwerking', 'outbox']) {
        const dump = await c.query(`select t::text as rij from "identity"."${table}" t`);
        const tekst = dump.rows.map((r: { rij: string }) => r.rij).join('\n');
        expect(tekst).not.toContain('eva@example.org');
        expect(tekst).not.toMatch(/\bEva\b/);
      }
      expect((await c.query(`select 1 from "identity"."refresh_token" where "account_id" = $1`, [eva.id])).rowCount).toBe(0);
      // The log is append-only, also for the service's own role.
      await expect(c.query(`update "identity"."verwerking" set "grondslag" = 'x'`)).rejects.toThrow(/append-only/);
      await expect(c.query(`delete from "identity"."verwerking"`)).rejects.toThrow(/append-only/);
    });

    expect(errorOf(await ask(SESSIE_SUBJECTS.create, { email: 'eva@example.org', wachtwoord: WACHTWOORD }, IN_GEMEENTE))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await ask(AVG_SUBJECTS.account, {}, bearer(eva.token)))).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Twice is not an error in the database, only for the caller.
    expect(errorOf(await ask(AVG_SUBJECTS.verwijder, { wachtwoord: WACHTWOORD }, bearer(eva.token)))).toMatchObject({ code: 'UNAUTHENTICATED' });

    let eventId = '';
    await expectEventually(async () => {
      const events = (await streamEvents(nc, since)).filter((e) => e.subject === AVG_EVENTS.accountVerwijderd);
      expect(events).toHaveLength(1);
      expect(events[0].event?.data).toEqual({ accountId: eva.id, gemeente: GEMEENTE } satisfies AccountVerwijderd);
      eventId = events[0].event?.id ?? '';
    });

    // citycontent's provider pseudonymised; monitoring's default did nothing but record it in its inbox.
    await expectEventually(() => expect(gepseudonimiseerd).toContain(eva.id));
    for (const b of ['monitoring', 'citycontent'] as const) {
      await expectEventually(async () =>
        withClient(b, async (c) => {
          const { rowCount } = await c.query(`select 1 from "${b}"."inbox" where "consumer" = $1 and "event_id" = $2`, [erasureConsumerName(b), eventId]);
          expect(rowCount).toBe(1);
        }),
      );
    }

    // The erasure is in the log, readable by the gemeentebeheerder (the person can no longer log in).
    const beheerder = await identity.get(TokenIssuer).issueAccessToken({ accountId: eva.id.replace(/.$/, '0'), gemeente: GEMEENTE, rollen: ['gemeentebeheerder'], segment: 'inwoner', amr: ['pwd', 'otp'] });
    const log = dataOf(await ask<VerwerkingenPagina>(AVG_SUBJECTS.verwerkingen, {}, bearer(beheerder.accessToken)));
    expect(log.verwerkingen).toContainEqual(expect.objectContaining({ betrokkene: eva.id, handeling: 'verwijdering', actor: eva.id }));
  });

  it('counts wrong confirmations with the login lock: a stolen token is no password oracle', async () => {
    const gijs = await inwoner('gijs@example.org', 'Gijs');
    for (let i = 0; i < 5; i++) {
      expect(errorOf(await ask(AVG_SUBJECTS.verwijder, { wachtwoord: `fout ${i}` }, bearer(gijs.token)))).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    // Locked now, for erasure and login alike; the right password does not help.
    expect(errorOf(await ask(AVG_SUBJECTS.verwijder, { wachtwoord: WACHTWOORD }, bearer(gijs.token)))).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429, retryAfterSeconds: expect.any(Number) });
    expect(errorOf(await ask(SESSIE_SUBJECTS.create, { email: 'gijs@example.org', wachtwoord: WACHTWOORD }, IN_GEMEENTE))).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(dataOf(await ask<MijAccount>(AVG_SUBJECTS.account, {}, bearer(gijs.token))).email).toBe('gijs@example.org');
  });

  it('lets only a gemeentebeheerder read the log of its own gemeente, page by page', async () => {
    const fien = await inwoner('fien@example.org', 'Fien');
    for (let i = 0; i < 3; i++) dataOf(await ask(persoonsgegevensExportSubject('identity'), { accountId: fien.id }, bearer(fien.token)));
    const issuer = identity.get(TokenIssuer);
    const token = async (rollen: Array<'gemeentebeheerder' | 'ambtenaar' | 'inwoner'>, gemeente = GEMEENTE) =>
      (await issuer.issueAccessToken({ accountId: fien.id, gemeente, rollen, segment: 'inwoner', amr: ['pwd', 'otp'] })).accessToken;

    expect(errorOf(await ask(AVG_SUBJECTS.verwerkingen, {}, bearer(fien.token)))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(errorOf(await ask(AVG_SUBJECTS.verwerkingen, {}, bearer(await token(['ambtenaar']))))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await ask(AVG_SUBJECTS.verwerkingen, {}))).toMatchObject({ code: 'UNAUTHENTICATED' });

    // Another gemeente's beheerder sees none of GM0637's entries.
    const elders = dataOf(await ask<VerwerkingenPagina>(AVG_SUBJECTS.verwerkingen, {}, { [CONTEXT_HEADERS.authorization]: `Bearer ${await token(['gemeentebeheerder'], 'GM0518')}` }));
    expect(elders.verwerkingen).toEqual([]);

    const beheer = await token(['gemeentebeheerder']);
    const alles = dataOf(await ask<VerwerkingenPagina>(AVG_SUBJECTS.verwerkingen, { limiet: 100 }, bearer(beheer))).verwerkingen;
    expect(alles.length).toBeGreaterThanOrEqual(5);
    const gezien: string[] = [];
    let na: string | undefined;
    do {
      const pagina: VerwerkingenPagina = dataOf(await ask<VerwerkingenPagina>(AVG_SUBJECTS.verwerkingen, { limiet: 2, ...(na ? { na } : {}) }, bearer(beheer)));
      expect(pagina.verwerkingen.length).toBeLessThanOrEqual(2);
      gezien.push(...pagina.verwerkingen.map((v) => v.id));
      na = pagina.volgende;
    } while (na);
    expect(gezien).toEqual(alles.map((v) => v.id));
    const tijden = alles.map((v) => v.tijdstip);
    expect([...tijden].sort().reverse()).toEqual(tijden);

    // My own log holds only entries about me.
    const mijn = dataOf(await ask<VerwerkingenPagina>(AVG_SUBJECTS.mijnVerwerkingen, {}, bearer(fien.token))).verwerkingen;
    expect(mijn).toHaveLength(3);
    expect(mijn.every((v) => v.betrokkene === fien.id)).toBe(true);
    expect(errorOf(await ask(AVG_SUBJECTS.mijnVerwerkingen, { na: 'nietsnuttig' }, bearer(fien.token)))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
