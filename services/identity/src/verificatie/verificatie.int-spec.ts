import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import {
  type CodeBatchView,
  CONTEXT_HEADERS,
  type Rol,
  VERIFICATIE_EVENTS,
  VERIFICATIE_SUBJECTS,
  type VerificatieView,
} from '@samen/contracts';
import { dataOf, errorOf, pollUntil, request, streamEvents, streamLastSeq, truncate, withClient, startIdentityMetGemeenten, type IdentityFixture } from '@samen/testing';
import { Account } from '../accounts/account.entity';
import { TokenIssuer } from '../sleutels/token-issuer';
import { VerificatieService } from './verificatie.service';
import { nederlandseDatum } from './verificatiecode';

interface Actor {
  accountId: string;
  token: string;
  gemeente?: string;
}

describe('identity over NATS (inwonerverificatie)', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let fixture: IdentityFixture | undefined;
  const overEenMaand = nederlandseDatum(new Date(Date.now() + 30 * 24 * 3600 * 1000));

  async function actor(rollen: Rol[], gemeente: string | undefined = 'GM0637', accountId: string = randomUUID()): Promise<Actor> {
    const { accessToken } = await app.get(TokenIssuer).issueAccessToken({ accountId, rollen, segment: 'inwoner', amr: ['pwd', 'otp'], ...(gemeente ? { gemeente } : {}) });
    return { accountId, token: accessToken, ...(gemeente ? { gemeente } : {}) };
  }

  function ask<T>(subject: string, payload: unknown, as?: Actor, gemeente: string | undefined = as?.gemeente ?? 'GM0637') {
    const headers: Record<string, string> = {};
    if (as) headers[CONTEXT_HEADERS.authorization] = `Bearer ${as.token}`;
    if (gemeente) headers[CONTEXT_HEADERS.gemeente] = gemeente;
    return request<T>(subject, payload, headers, { nc });
  }

  async function batch(gebied: string, aantal: number, as: Actor): Promise<CodeBatchView> {
    return dataOf(await ask<CodeBatchView>(VERIFICATIE_SUBJECTS.codesAanmaken, { gebied, aantal, verlooptDatum: overEenMaand }, as));
  }

  beforeAll(async () => {
    await truncate('identity', ['gemeente', 'verificatiecode_batch', 'verificatiecode', 'verificatie', 'verificatie_poging', 'account', 'outbox', 'inbox']);
    fixture = await startIdentityMetGemeenten();
    ({ app, nc } = fixture);
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('issues codes that are stored hashed, and lets one account redeem a code exactly once', async () => {
    const since = await streamLastSeq(nc);
    const ambtenaar = await actor(['ambtenaar']);
    const uitgifte = await batch('WK063701', 3, ambtenaar);
    expect(uitgifte).toMatchObject({ gebied: 'WK063701', aantal: 3, verlooptDatum: overEenMaand });
    expect(uitgifte.codes).toHaveLength(3);
    for (const code of uitgifte.codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);

    // Only hashes are stored: no code, with or without dashes, appears in the table.
    const stored = await withClient('identity', (c) => c.query('select hash from identity.verificatiecode where batch_id = $1', [uitgifte.id]));
    expect(stored.rows).toHaveLength(3);
    const dump = JSON.stringify(stored.rows);
    for (const code of uitgifte.codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace(/-/g, ''));
    }

    const inwoner = await actor(['inwoner']);
    // Case and spacing do not matter.
    const view = dataOf(await ask<VerificatieView>(VERIFICATIE_SUBJECTS.inwisselen, { code: ` ${uitgifte.codes[0].toLowerCase().replace(/-/g, ' ')} ` }, inwoner));
    expect(view).toEqual({ accountId: inwoner.accountId, gebied: 'WK063701', methode: 'code', geverifieerdTijdstip: expect.any(String) });
    expect(await app.get(VerificatieService).geverifieerdGebied(inwoner.accountId)).toBe('WK063701');

    // A second time, by anyone, it is refused.
    expect(errorOf(await ask(VERIFICATIE_SUBJECTS.inwisselen, { code: uitgifte.codes[0] }, inwoner))).toMatchObject({ code: 'RULE_VIOLATED', status: 422 });
    const ander = await actor(['inwoner']);
    expect(errorOf(await ask(VERIFICATIE_SUBJECTS.inwisselen, { code: uitgifte.codes[0] }, ander))).toMatchObject({ code: 'RULE_VIOLATED' });
    expect(await app.get(VerificatieService).geverifieerdGebied(ander.accountId)).toBeUndefined();

    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(nc, since)).filter((e) => e.subject === VERIFICATIE_EVENTS.inwonerGeverifieerd);
        return found.length > 0 ? found : undefined;
      },
      { what: 'inwoner-geverifieerd event' },
    );
    expect(events).toHaveLength(1);
    expect(events[0].event).toMatchObject({ type: 'nl.samen.identity.inwoner.geverifieerd.v1', gemeente: 'GM0637', data: { accountId: inwoner.accountId, gebied: 'WK063701' } });
  });

  it('accepts a code only in its own gemeente', async () => {
    const uitgifte = await batch('BU06370101', 1, await actor(['gemeentebeheerder']));
    const inwonerB = await actor(['inwoner'], 'GM0518');
    expect(errorOf(await ask(VERIFICATIE_SUBJECTS.inwisselen, { code: uitgifte.codes[0] }, inwonerB))).toMatchObject({ code: 'RULE_VIOLATED' });
    // A token of B naming gemeente A is refused by the guard before any code is looked at.
    expect(errorOf(await ask(VERIFICATIE_SUBJECTS.inwisselen, { code: uitgifte.codes[0] }, inwonerB, 'GM0637'))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    // It still works in A.
    const inwonerA = await actor(['inwoner']);
    expect(dataOf(await ask<VerificatieView>(VERIFICATIE_SUBJECTS.inwisselen, { code: uitgifte.codes[0] }, inwonerA)).gebied).toBe('BU06370101');
  });

  it('refuses an expired code', async () => {
    const uitgifte = await batch('WK063702', 1, await actor(['ambtenaar']));
    await withClient('admin', (c) => c.query(`update identity.verificatiecode set verloopt_datum = current_date - 1 where batch_id = $1`, [uitgifte.id]));
    const error = errorOf(await ask(VERIFICATIE_SUBJECTS.inwisselen, { code: uitgifte.codes[0] }, await actor(['inwoner'])));
    expect(error).toMatchObject({ code: 'RULE_VIOLATED', status: 422 });
    expect(error.message).toMatch(/verlopen/);
  });

  it('limits wrong guesses to five per hour per account, logging no code', async () => {
    const uitgifte = await batch('WK063703', 1, await actor(['ambtenaar']));
    const rader = await actor(['inwoner']);
    for (let i = 0; i < 5; i++) {
      expect(errorOf(await ask(VERIFICATIE_SUBJECTS.inwisselen, { code: `ZZZZ-ZZZZ-ZZZ${i + 2}` }, rader))).toMatchObject({ code: 'RULE_VIOLATED' });
    }
    // The sixth attempt is refused even with a good code.
    const teVaak = errorOf(await ask(VERIFICATIE_SUBJECTS.inwisselen, { code: uitgifte.codes[0] }, rader));
    expect(teVaak).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429 });
    // The first wrong code leaves the hour's window in just under an hour.
    expect(teVaak.retryAfterSeconds).toBeGreaterThan(59 * 60);
    expect(teVaak.retryAfterSeconds).toBeLessThanOrEqual(60 * 60);
    const pogingen = await withClient('identity', (c) => c.query('select * from identity.verificatie_poging where account_id = $1', [rader.accountId]));
    expect(pogingen.rows).toHaveLength(5);
    expect(JSON.stringify(pogingen.rows)).not.toContain('ZZZZ');
    // Another account is not affected, and the good code is still unused.
    expect(dataOf(await ask<VerificatieView>(VERIFICATIE_SUBJECTS.inwisselen, { code: uitgifte.codes[0] }, await actor(['inwoner'])))).toMatchObject({ gebied: 'WK063703' });
  });

  it('holds the limit against parallel guesses', async () => {
    const rader = await actor(['inwoner']);
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => ask(VERIFICATIE_SUBJECTS.inwisselen, { code: `YYYY-YYYY-YY${String(i).padStart(2, '2').replace(/[01]/g, '3')}` }, rader)));
    const codes = replies.map((r) => errorOf(r).code);
    expect(codes.filter((c) => c === 'RULE_VIOLATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(7);
  });

  it('lets only staff of the gemeente issue codes, for an area in it', async () => {
    const body = { gebied: 'WK063701', aantal: 1, verlooptDatum: overEenMaand };
    expect(errorOf(await ask(VERIFICATIE_SUBJECTS.codesAanmaken, body))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    for (const rol of ['inwoner', 'moderator'] as const) {
      expect(errorOf(await ask(VERIFICATIE_SUBJECTS.codesAanmaken, body, await actor([rol])))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    }
    expect(errorOf(await ask(VERIFICATIE_SUBJECTS.codesAanmaken, body, await actor(['ambtenaar'], 'GM0518')))).toMatchObject({ code: 'VALIDATION_FAILED' });
    const error = errorOf(await ask(VERIFICATIE_SUBJECTS.codesAanmaken, { gebied: 'Centrum', aantal: 0, verlooptDatum: '2020-01-01' }, await actor(['ambtenaar'])));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect([...new Set(error.invalidParams?.map((p) => p.name))].sort()).toEqual(['aantal', 'gebied']);
    expect(errorOf(await ask(VERIFICATIE_SUBJECTS.codesAanmaken, { ...body, verlooptDatum: '2020-01-01' }, await actor(['ambtenaar'])))).toMatchObject({
      code: 'VALIDATION_FAILED',
      invalidParams: [expect.objectContaining({ name: 'verlooptDatum' })],
    });
  });

  it('lets an ambtenaar verify a resident of the gemeente in person', async () => {
    const em = app.get(MikroORM).em.fork();
    const account = em.create(Account, { gemeente: 'GM0637', email: `${randomUUID()}@example.org`, weergavenaam: 'Ineke', wachtwoordHash: 'x' });
    const anderGemeente = em.create(Account, { gemeente: 'GM0518', email: `${randomUUID()}@example.org`, weergavenaam: 'Hans', wachtwoordHash: 'x' });
    await em.flush();

    const ambtenaar = await actor(['ambtenaar']);
    const view = dataOf(await ask<VerificatieView>(VERIFICATIE_SUBJECTS.persoonlijk, { accountId: account.id, gebied: 'BU06370102' }, ambtenaar));
    expect(view).toMatchObject({ accountId: account.id, gebied: 'BU06370102', methode: 'persoonlijk' });
    expect(await app.get(VerificatieService).geverifieerdGebied(account.id)).toBe('BU06370102');
    const { rows } = await withClient('identity', (c) => c.query('select actor, handeling from identity.verwerking where betrokkene = $1', [account.id]));
    expect(rows).toEqual([{ actor: ambtenaar.accountId, handeling: 'verificatie' }]);

    expect(errorOf(await ask(VERIFICATIE_SUBJECTS.persoonlijk, { accountId: anderGemeente.id, gebied: 'BU06370102' }, ambtenaar))).toMatchObject({ code: 'NOT_FOUND' });
    for (const rol of ['inwoner', 'gemeentebeheerder', 'moderator'] as const) {
      expect(errorOf(await ask(VERIFICATIE_SUBJECTS.persoonlijk, { accountId: account.id, gebied: 'BU06370102' }, await actor([rol])))).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
