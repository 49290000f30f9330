import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from 'nats';
import {
  ACCOUNT_EVENTS,
  ACCOUNT_SUBJECTS,
  CONTEXT_HEADERS,
  DEMO_SUBJECTS,
  GEMEENTE_SUBJECTS,
  ORGANISATIE_SUBJECTS,
  SESSIE_SUBJECTS,
  type Aanmeldresultaat,
  type DemoSeedReply,
  type SessieView,
  type TweedeFactorInschrijving,
  VERIFICATIE_SUBJECTS,
} from '@samen/contracts';
import { dataOf, definitionOf, errorOf, natsConnect, pollUntil, request, startTestService, streamEvents, streamLastSeq, truncate, withClient } from '@samen/testing';
import { MailTransport, type MemoryMailTransport } from '../mail/mail-transport';
import { totpCode } from './totp';

const GEMEENTE = 'GM0637';
const IN_GEMEENTE = { [CONTEXT_HEADERS.gemeente]: GEMEENTE };
const WACHTWOORD = 'een lange zin als wachtwoord';
const at = (sessie: SessieView): string => sessie.accessToken;

describe('identity accounts and sessions over NATS', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let mail: MemoryMailTransport;
  const ask = <T>(subject: string, payload: unknown, headers: Record<string, string> = {}) => request<T>(subject, payload, headers, { nc });
  const bearer = (token: string) => ({ [CONTEXT_HEADERS.authorization]: `Bearer ${token}` });

  function tokenUit(adres: string, pad: string): string {
    const laatste = mail.aan(adres).at(-1);
    const match = new RegExp(`\\(POST /api/v1/${pad}\\): (\\S+)`).exec(laatste?.tekst ?? '');
    if (!match) throw new Error(`no ${pad} token in the mail to ${adres}`);
    return match[1];
  }

  async function bevestigdAccount(email: string, wachtwoord = WACHTWOORD): Promise<void> {
    dataOf(await ask(ACCOUNT_SUBJECTS.register, { email, wachtwoord, weergavenaam: 'Test' }, IN_GEMEENTE));
    dataOf(await ask(ACCOUNT_SUBJECTS.confirmEmail, { token: tokenUit(email, 'e-mailbevestigingen') }));
  }

  const login = (email: string, wachtwoord = WACHTWOORD, extra: Record<string, string> = {}) =>
    ask<SessieView>(SESSIE_SUBJECTS.create, { email, wachtwoord, ...extra }, IN_GEMEENTE);

  beforeAll(async () => {
    await truncate('identity', ['refresh_token', 'account_token', 'account', 'outbox']);
    app = await startTestService(definitionOf('identity'));
    mail = app.get(MailTransport) as MemoryMailTransport;
    nc = await natsConnect();
    dataOf(await ask(GEMEENTE_SUBJECTS.upsert, { code: GEMEENTE, naam: 'Zoetermeer', bouwstenen: ['identity'] }));
  });

  afterAll(async () => {
    await nc?.close();
    await app?.close();
  });

  it('register → mail → confirm → login → refresh rotates → reuse revokes the family → logout', async () => {
    const since = await streamLastSeq(nc);
    const email = 'Anna@Example.org';
    expect(dataOf(await ask(ACCOUNT_SUBJECTS.register, { email, wachtwoord: WACHTWOORD, weergavenaam: 'Anna' }, IN_GEMEENTE))).toEqual({ geaccepteerd: true });

    // Not confirmed yet: the right password is not enough.
    expect(errorOf(await login('anna@example.org'))).toMatchObject({ code: 'FORBIDDEN' });

    const token = tokenUit('anna@example.org', 'e-mailbevestigingen');
    dataOf(await ask(ACCOUNT_SUBJECTS.confirmEmail, { token }));
    // Single use.
    expect(errorOf(await ask(ACCOUNT_SUBJECTS.confirmEmail, { token }))).toMatchObject({ code: 'RULE_VIOLATED', status: 422 });

    const sessie = dataOf(await login('ANNA@example.org'));
    expect(sessie).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), tweedeFactorInstellen: false });
    const claims = JSON.parse(Buffer.from(at(sessie).split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ gemeente: GEMEENTE, rollen: ['inwoner'], segment: 'inwoner', amr: ['pwd'] });

    const tweede = dataOf(await ask<SessieView>(SESSIE_SUBJECTS.refresh, { refreshToken: sessie.refreshToken }));
    expect(tweede.refreshToken).not.toBe(sessie.refreshToken);
    const derde = dataOf(await ask<SessieView>(SESSIE_SUBJECTS.refresh, { refreshToken: tweede.refreshToken }));

    // The first token again: theft. The family ends, the newest token too.
    expect(errorOf(await ask(SESSIE_SUBJECTS.refresh, { refreshToken: sessie.refreshToken }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await ask(SESSIE_SUBJECTS.refresh, { refreshToken: derde.refreshToken }))).toMatchObject({ code: 'UNAUTHENTICATED' });

    // A new login is a new family; logout ends it.
    const nieuw = dataOf(await login('anna@example.org'));
    dataOf(await ask(SESSIE_SUBJECTS.revoke, { refreshToken: nieuw.refreshToken }));
    expect(errorOf(await ask(SESSIE_SUBJECTS.refresh, { refreshToken: nieuw.refreshToken }))).toMatchObject({ code: 'UNAUTHENTICATED' });

    // Logout with only the access token ends every session of the account.
    const a = dataOf(await login('anna@example.org'));
    const b = dataOf(await login('anna@example.org'));
    dataOf(await ask(SESSIE_SUBJECTS.revoke, {}, bearer(at(b))));
    for (const s of [a, b]) expect(errorOf(await ask(SESSIE_SUBJECTS.refresh, { refreshToken: s.refreshToken })).code).toBe('UNAUTHENTICATED');

    // Events without e-mail, name or hash.
    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(nc, since)).filter((e) => e.subject.startsWith('evt.identity.v1.account-'));
        return found.length >= 2 ? found : undefined;
      },
      { what: 'account events' },
    );
    expect(events.map((e) => e.subject)).toEqual([ACCOUNT_EVENTS.aangemaakt, ACCOUNT_EVENTS.bevestigd]);
    expect(events[0].event?.data).toEqual({ accountId: expect.any(String), gemeente: GEMEENTE, segment: 'inwoner', rollen: ['inwoner'] });
    expect(JSON.stringify(events)).not.toMatch(/anna|argon2/i);
  });

  it('acts on behalf of an organisation it holds a mandate for, at login or by switching on refresh', async () => {
    await bevestigdAccount('joke@example.org');
    await bevestigdAccount('kees@example.org');
    const joke = dataOf(await login('joke@example.org'));
    const organisatie = dataOf(await ask<{ id: string }>(ORGANISATIE_SUBJECTS.create, { naam: 'Buurtvereniging Oost', segment: 'burgers' }, { ...IN_GEMEENTE, ...bearer(at(joke)) }));
    const claims = (s: SessieView) => JSON.parse(Buffer.from(at(s).split('.')[1], 'base64url').toString()) as Record<string, unknown>;

    const namens = dataOf(await login('joke@example.org', WACHTWOORD, { namens: organisatie.id }));
    expect(claims(namens)).toMatchObject({ segment: 'burgers', organisatie: organisatie.id });
    // The refresh keeps it; `zelf` switches back; the organisation id switches again.
    const vernieuwd = dataOf(await ask<SessieView>(SESSIE_SUBJECTS.refresh, { refreshToken: namens.refreshToken }));
    expect(claims(vernieuwd)).toMatchObject({ segment: 'burgers', organisatie: organisatie.id });
    const zelf = dataOf(await ask<SessieView>(SESSIE_SUBJECTS.refresh, { refreshToken: vernieuwd.refreshToken, namens: 'zelf' }));
    expect(claims(zelf)).toMatchObject({ segment: 'inwoner' });
    expect(claims(zelf)).not.toHaveProperty('organisatie');
    const weer = dataOf(await ask<SessieView>(SESSIE_SUBJECTS.refresh, { refreshToken: zelf.refreshToken, namens: organisatie.id }));
    expect(claims(weer)).toMatchObject({ segment: 'burgers', organisatie: organisatie.id });

    // Without a mandate: 403 at login, and a refresh that asks for it is refused without spending the token.
    expect(errorOf(await login('kees@example.org', WACHTWOORD, { namens: organisatie.id })).code).toBe('FORBIDDEN');
    const kees = dataOf(await login('kees@example.org'));
    expect(errorOf(await ask(SESSIE_SUBJECTS.refresh, { refreshToken: kees.refreshToken, namens: organisatie.id })).code).toBe('FORBIDDEN');
    dataOf(await ask<SessieView>(SESSIE_SUBJECTS.refresh, { refreshToken: kees.refreshToken }));
  });

  it('answers a taken address the same as a new one, and mails its owner instead', async () => {
    await bevestigdAccount('bert@example.org');
    const voor = mail.aan('bert@example.org').length;
    expect(dataOf(await ask(ACCOUNT_SUBJECTS.register, { email: 'bert@example.org', wachtwoord: 'een ander lang wachtwoord', weergavenaam: 'X' }, IN_GEMEENTE))).toEqual({
      geaccepteerd: true,
    });
    expect(mail.aan('bert@example.org')).toHaveLength(voor + 1);
    expect(mail.aan('bert@example.org').at(-1)?.tekst).toContain('al een account');
    // The original password still works.
    dataOf(await login('bert@example.org'));
  });

  it('refuses weak passwords with a 400 on wachtwoord, and registration without a known gemeente', async () => {
    for (const wachtwoord of ['kort', 'password1234', 'aaaaaaaaaaaaaaaa']) {
      const error = errorOf(await ask(ACCOUNT_SUBJECTS.register, { email: 'zwak@example.org', wachtwoord, weergavenaam: 'Z' }, IN_GEMEENTE));
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(error.invalidParams?.map((p) => p.name)).toEqual(['wachtwoord']);
    }
    expect(errorOf(await ask(ACCOUNT_SUBJECTS.register, { email: 'x@example.org', wachtwoord: WACHTWOORD, weergavenaam: 'Z' }, { [CONTEXT_HEADERS.gemeente]: 'GM9998' })).code).toBe(
      'UNKNOWN_GEMEENTE',
    );
    expect(mail.aan('zwak@example.org')).toHaveLength(0);
  });

  it('gives one generic answer for an unknown address and a wrong password', async () => {
    await bevestigdAccount('carla@example.org');
    const onbekend = errorOf(await login('niemand@example.org'));
    const fout = errorOf(await login('carla@example.org', 'niet het goede wachtwoord'));
    expect(onbekend).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(fout.message).toBe(onbekend.message);
  });

  it('locks an account after five failures, even for the right password, and no other account', async () => {
    await bevestigdAccount('dirk@example.org');
    await bevestigdAccount('eva@example.org');
    for (let i = 0; i < 5; i++) expect(errorOf(await login('dirk@example.org', 'fout fout fout fout')).code).toBe('UNAUTHENTICATED');
    const locked = errorOf(await login('dirk@example.org'));
    expect(locked).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429 });
    expect(locked.message).toMatch(/15 minuten/);
    expect(locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // Eva is not touched.
    dataOf(await login('eva@example.org'));
    const rows = await withClient('identity', (c) => c.query(`select email, mislukte_aanmeldingen from identity.account where email in ('dirk@example.org', 'eva@example.org') order by email`));
    expect(rows.rows).toEqual([
      { email: 'dirk@example.org', mislukte_aanmeldingen: 5 },
      { email: 'eva@example.org', mislukte_aanmeldingen: 0 },
    ]);
  });

  it('password reset: always accepted, the link works once, and every session ends', async () => {
    await bevestigdAccount('fien@example.org');
    const sessie = dataOf(await login('fien@example.org'));
    expect(dataOf(await ask(ACCOUNT_SUBJECTS.requestPasswordReset, { email: 'onbekend@example.org' }, IN_GEMEENTE))).toEqual({ geaccepteerd: true });
    dataOf(await ask(ACCOUNT_SUBJECTS.requestPasswordReset, { email: 'fien@example.org' }, IN_GEMEENTE));
    const token = tokenUit('fien@example.org', 'wachtwoordherstel/_voltooien');
    dataOf(await ask(ACCOUNT_SUBJECTS.resetPassword, { token, wachtwoord: 'een heel nieuw wachtwoord' }));
    expect(errorOf(await ask(ACCOUNT_SUBJECTS.resetPassword, { token, wachtwoord: 'nog een nieuw wachtwoord' })).code).toBe('RULE_VIOLATED');
    expect(errorOf(await ask(SESSIE_SUBJECTS.refresh, { refreshToken: sessie.refreshToken })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await login('fien@example.org')).code).toBe('UNAUTHENTICATED');
    dataOf(await login('fien@example.org', 'een heel nieuw wachtwoord'));
    // The owner hears of it.
    expect(mail.aan('fien@example.org').at(-1)?.onderwerp).toMatch(/wachtwoord is gewijzigd/);
  });

  describe('second factor', () => {
    let demo: DemoSeedReply;
    const demoAccount = (rol: string) => {
      const found = demo.accounts.find((a) => a.rol === rol);
      if (!found) throw new Error(`no demo ${rol}`);
      return found;
    };

    beforeAll(async () => {
      demo = dataOf(await ask<DemoSeedReply>(DEMO_SUBJECTS.seed, { gemeente: GEMEENTE }));
    });

    it('seeds one confirmed account per role and per segment; staff have TOTP secrets; each segment an organisation', () => {
      expect(demo.accounts.map((a) => [a.rol, a.email, !!a.totpGeheim, a.organisatie?.segment])).toEqual([
        ['platformbeheerder', 'platformbeheerder@samen.demo', true, undefined],
        ['gemeentebeheerder', 'gemeentebeheerder@zoetermeer.demo', true, undefined],
        ['ambtenaar', 'ambtenaar@zoetermeer.demo', true, 'gemeente'],
        ['moderator', 'moderator@zoetermeer.demo', true, undefined],
        ['inwoner', 'inwoner@zoetermeer.demo', false, undefined],
        ['inwoner', 'bedrijfsleven@zoetermeer.demo', false, 'bedrijfsleven'],
        ['inwoner', 'maatschappelijk@zoetermeer.demo', false, 'maatschappelijk'],
        ['inwoner', 'burgers@zoetermeer.demo', false, 'burgers'],
      ]);
    });

    it('is idempotent and keeps the TOTP secrets', async () => {
      const again = dataOf(await ask<DemoSeedReply>(DEMO_SUBJECTS.seed, { gemeente: GEMEENTE }));
      expect(again).toEqual(demo);
    });

    it('staff with TOTP: no code is refused, a valid code gives a full token, the same code twice does not', async () => {
      const ambtenaar = demoAccount('ambtenaar');
      expect(errorOf(await login(ambtenaar.email, ambtenaar.wachtwoord)).code).toBe('UNAUTHENTICATED');
      const code = totpCode(ambtenaar.totpGeheim as string, new Date());
      const sessie = dataOf(await login(ambtenaar.email, ambtenaar.wachtwoord, { totpCode: code }));
      const claims = JSON.parse(Buffer.from(at(sessie).split('.')[1], 'base64url').toString()) as Record<string, unknown>;
      expect(claims).toMatchObject({ rollen: ['ambtenaar'], amr: ['pwd', 'otp'] });
      expect(errorOf(await login(ambtenaar.email, ambtenaar.wachtwoord, { totpCode: code })).code).toBe('UNAUTHENTICATED');
    });

    it('a verified resident carries the gebied in the next access token', async () => {
      const ambtenaar = demoAccount('ambtenaar');
      const staf = dataOf(await login(ambtenaar.email, ambtenaar.wachtwoord, { totpCode: totpCode(ambtenaar.totpGeheim as string, new Date(Date.now() + 30_000)) }));
      const inwoner = dataOf(await login('inwoner@zoetermeer.demo', demoAccount('inwoner').wachtwoord));
      const sub = (JSON.parse(Buffer.from(at(inwoner).split('.')[1], 'base64url').toString()) as { sub: string }).sub;
      dataOf(await ask(VERIFICATIE_SUBJECTS.persoonlijk, { accountId: sub, gebied: 'WK063701' }, { ...IN_GEMEENTE, ...bearer(at(staf)) }));
      const vernieuwd = dataOf(await ask<SessieView>(SESSIE_SUBJECTS.refresh, { refreshToken: inwoner.refreshToken }));
      const claims = JSON.parse(Buffer.from(at(vernieuwd).split('.')[1], 'base64url').toString()) as Record<string, unknown>;
      expect(claims).toMatchObject({ sub, geverifieerdGebied: 'WK063701' });
    });

    it('the platformbeheerder logs in without a gemeente', async () => {
      const beheerder = demoAccount('platformbeheerder');
      const sessie = dataOf(
        await ask<SessieView>(SESSIE_SUBJECTS.create, { email: beheerder.email, wachtwoord: beheerder.wachtwoord, totpCode: totpCode(beheerder.totpGeheim as string, new Date()) }),
      );
      const claims = JSON.parse(Buffer.from(at(sessie).split('.')[1], 'base64url').toString()) as Record<string, unknown>;
      expect(claims).not.toHaveProperty('gemeente');
      expect(claims).toMatchObject({ rollen: ['platformbeheerder'] });
    });

    it('a resident who becomes staff must log in again, with a second factor: the old session ends', async () => {
      await bevestigdAccount('henk@example.org');
      const sessie = dataOf(await login('henk@example.org'));
      await withClient('identity', (c) => c.query(`update identity.account set rollen = '{ambtenaar}' where email = 'henk@example.org'`));
      expect(errorOf(await ask(SESSIE_SUBJECTS.refresh, { refreshToken: sessie.refreshToken })).code).toBe('UNAUTHENTICATED');
      expect(dataOf(await login('henk@example.org'))).toMatchObject({ tweedeFactorInstellen: true });
    });

    it('staff without TOTP get no session, only an enrolment token: enrol, activate, and then need the code', async () => {
      await bevestigdAccount('gert@example.org');
      await withClient('identity', (c) => c.query(`update identity.account set rollen = '{moderator}' where email = 'gert@example.org'`));
      const beperkt = dataOf(await ask<Aanmeldresultaat>(SESSIE_SUBJECTS.create, { email: 'gert@example.org', wachtwoord: WACHTWOORD }, IN_GEMEENTE));
      expect(beperkt).toEqual({ tweedeFactorInstellen: true, inschrijfToken: expect.any(String), inschrijfVerlooptTijdstip: expect.any(String) });
      if (!beperkt.tweedeFactorInstellen) throw new Error('expected an enrolment');
      const { inschrijfToken } = beperkt;

      expect(errorOf(await ask(ACCOUNT_SUBJECTS.enrolTotp, {})).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await ask(ACCOUNT_SUBJECTS.enrolTotp, { inschrijfToken: 'x'.repeat(43) })).code).toBe('UNAUTHENTICATED');
      const inschrijving = dataOf(await ask<TweedeFactorInschrijving>(ACCOUNT_SUBJECTS.enrolTotp, { inschrijfToken }));
      expect(inschrijving.otpauthUri).toMatch(/^otpauth:\/\/totp\/Samen:gert%40example\.org\?secret=/);
      expect(errorOf(await ask(ACCOUNT_SUBJECTS.activateTotp, { inschrijfToken, code: '000000' })).code).toBe('RULE_VIOLATED');
      dataOf(await ask(ACCOUNT_SUBJECTS.activateTotp, { inschrijfToken, code: totpCode(inschrijving.geheim, new Date()) }));
      // Spent, and the factor is active now.
      expect(errorOf(await ask(ACCOUNT_SUBJECTS.enrolTotp, { inschrijfToken })).code).toBe('UNAUTHENTICATED');
      expect(mail.aan('gert@example.org').at(-1)?.onderwerp).toMatch(/Tweede factor ingesteld/);

      // The secret is stored encrypted, not as given.
      const rows = await withClient('identity', (c) => c.query(`select totp_geheim_versleuteld from identity.account where email = 'gert@example.org'`));
      expect(rows.rows[0].totp_geheim_versleuteld).not.toContain(inschrijving.geheim);

      expect(errorOf(await login('gert@example.org')).code).toBe('UNAUTHENTICATED');
      // The code used for activation is spent; the next step's code is good.
      const volgende = totpCode(inschrijving.geheim, new Date(Date.now() + 30_000));
      const vol = dataOf(await login('gert@example.org', WACHTWOORD, { totpCode: volgende }));
      expect(vol.refreshToken).toEqual(expect.any(String));
    });
  });
});
