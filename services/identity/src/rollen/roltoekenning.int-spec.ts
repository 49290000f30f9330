import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { type AccountRollenView, CONTEXT_HEADERS, ROL_EVENTS, ROL_SUBJECTS, type Rol } from '@samen/contracts';
import { dataOf, errorOf, pollUntil, request, streamEvents, streamLastSeq, withClient, startIdentityMetGemeenten, type IdentityFixture } from '@samen/testing';
import { Account } from '../accounts/account.entity';
import { TokenIssuer } from '../sleutels/token-issuer';

interface Actor {
  accountId: string;
  token: string;
  gemeente?: string;
}

describe('identity over NATS (rollen toekennen en intrekken)', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let fixture: IdentityFixture | undefined;

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

  async function account(gemeente: string): Promise<string> {
    const em = app.get(MikroORM).em.fork();
    const created = em.create(Account, { gemeente, email: `${randomUUID()}@example.org`, weergavenaam: 'Test', wachtwoordHash: 'x' });
    await em.flush();
    return created.id;
  }

  const rollenVan = async (id: string) =>
    (await withClient('identity', (c) => c.query('select rollen from identity.account where id = $1', [id]))).rows[0].rollen as string[];

  beforeAll(async () => {
    fixture = await startIdentityMetGemeenten();
    ({ app, nc } = fixture);
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('lets the gemeentebeheerder grant and revoke staff roles, once, with an event', async () => {
    const since = await streamLastSeq(nc);
    const beheer = await actor(['gemeentebeheerder']);
    const id = await account('GM0637');
    expect(dataOf(await ask<AccountRollenView>(ROL_SUBJECTS.toekennen, { accountId: id, rol: 'moderator' }, beheer))).toEqual({ accountId: id, gemeente: 'GM0637', rollen: ['moderator', 'inwoner'] });
    dataOf(await ask(ROL_SUBJECTS.toekennen, { accountId: id, rol: 'moderator' }, beheer));
    dataOf(await ask(ROL_SUBJECTS.toekennen, { accountId: id, rol: 'ambtenaar' }, beheer));
    expect(await rollenVan(id)).toEqual(['ambtenaar', 'moderator', 'inwoner']);
    expect(dataOf(await ask<AccountRollenView>(ROL_SUBJECTS.intrekken, { accountId: id, rol: 'moderator' }, beheer)).rollen).toEqual(['ambtenaar', 'inwoner']);

    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(nc, since)).filter((e) => e.subject === ROL_EVENTS.gewijzigd && e.event?.subject === id);
        return found.length >= 3 ? found : undefined;
      },
      { what: 'three rollen-gewijzigd events' },
    );
    expect(events.map((e) => e.event?.data)).toEqual([
      { accountId: id, rol: 'moderator', toegekend: true, rollen: ['moderator', 'inwoner'], door: beheer.accountId },
      { accountId: id, rol: 'ambtenaar', toegekend: true, rollen: ['ambtenaar', 'moderator', 'inwoner'], door: beheer.accountId },
      { accountId: id, rol: 'moderator', toegekend: false, rollen: ['ambtenaar', 'inwoner'], door: beheer.accountId },
    ]);
    // Each real change is on the processing log (AVG), with who did it; the no-op is not.
    const { rows } = await withClient('identity', (c) =>
      c.query('select actor, handeling from identity.verwerking where betrokkene = $1 order by tijdstip', [id]),
    );
    expect(rows).toEqual(Array.from({ length: 3 }, () => ({ actor: beheer.accountId, handeling: 'wijziging' })));
  });

  it('lets a platformbeheerder grant gemeentebeheerder, and nothing else', async () => {
    const platform = await actor(['platformbeheerder'], undefined);
    const id = await account('GM0518');
    expect(dataOf(await ask<AccountRollenView>(ROL_SUBJECTS.toekennen, { accountId: id, rol: 'gemeentebeheerder' }, platform, 'GM0518')).rollen).toContain('gemeentebeheerder');
    expect(errorOf(await ask(ROL_SUBJECTS.toekennen, { accountId: id, rol: 'ambtenaar' }, platform, 'GM0518'))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('refuses platformbeheerder as a role, other roles as callers, and accounts of another gemeente', async () => {
    const beheer = await actor(['gemeentebeheerder']);
    const id = await account('GM0637');
    expect(errorOf(await ask(ROL_SUBJECTS.toekennen, { accountId: id, rol: 'platformbeheerder' }, beheer))).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(errorOf(await ask(ROL_SUBJECTS.toekennen, { accountId: id, rol: 'moderator' }))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    for (const rol of ['inwoner', 'ambtenaar', 'moderator'] as const) {
      expect(errorOf(await ask(ROL_SUBJECTS.toekennen, { accountId: id, rol: 'moderator' }, await actor([rol])))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    }
    const beheerB = await actor(['gemeentebeheerder'], 'GM0518');
    expect(errorOf(await ask(ROL_SUBJECTS.toekennen, { accountId: id, rol: 'moderator' }, beheerB))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(errorOf(await ask(ROL_SUBJECTS.toekennen, { accountId: id, rol: 'moderator' }, beheerB, 'GM0637'))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    // A gemeentebeheerder cannot drop their own beheer.
    const zelf = await account('GM0637');
    dataOf(await ask(ROL_SUBJECTS.toekennen, { accountId: zelf, rol: 'gemeentebeheerder' }, beheer));
    const ik = await actor(['gemeentebeheerder'], 'GM0637', zelf);
    expect(errorOf(await ask(ROL_SUBJECTS.intrekken, { accountId: zelf, rol: 'gemeentebeheerder' }, ik))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await rollenVan(id)).toEqual(['inwoner']);
  });

  it('treats an erased account (a tombstone) as not there', async () => {
    const id = await account('GM0637');
    await withClient('identity', (c) =>
      c.query(`update identity.account set email = null, weergavenaam = null, wachtwoord_hash = null, rollen = '{}', verwijderd_tijdstip = now() where id = $1`, [id]),
    );
    expect(errorOf(await ask(ROL_SUBJECTS.toekennen, { accountId: id, rol: 'moderator' }, await actor(['gemeentebeheerder'])))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await rollenVan(id)).toEqual([]);
  });
});
