import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from 'nats';
import { MikroORM } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import {
  CONTEXT_HEADERS,
  GEMEENTE_SUBJECTS,
  type LidmaatschapList,
  type LidmaatschapView,
  ORGANISATIE_EVENTS,
  ORGANISATIE_SUBJECTS,
  type OrganisatieList,
  type OrganisatieView,
  type Rol,
} from '@samen/contracts';
import { dataOf, errorOf, pollUntil, request, streamEvents, streamLastSeq, truncate, withClient, startIdentityMetGemeenten, type IdentityFixture } from '@samen/testing';
import { Account } from '../accounts/account.entity';
import { TokenIssuer } from '../sleutels/token-issuer';
import { OrganisatieService } from './organisatie.service';

interface Actor {
  accountId: string;
  token: string;
  gemeente?: string;
}

describe('identity over NATS (organisaties en lidmaatschappen)', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let fixture: IdentityFixture | undefined;

  /** A real account of the gemeente (members must be accounts there), with a token. */
  async function account(gemeente: string): Promise<string> {
    const em = app.get(MikroORM).em.fork();
    const created = em.create(Account, { gemeente, email: `${randomUUID()}@example.org`, weergavenaam: 'Test', wachtwoordHash: 'x' });
    await em.flush();
    return created.id;
  }

  async function actor(rollen: Rol[], gemeente: string | undefined = 'GM0637'): Promise<Actor> {
    const accountId = gemeente ? await account(gemeente) : randomUUID();
    const { accessToken } = await app.get(TokenIssuer).issueAccessToken({ accountId, rollen, segment: 'inwoner', amr: ['pwd', 'otp'], ...(gemeente ? { gemeente } : {}) });
    return { accountId, token: accessToken, ...(gemeente ? { gemeente } : {}) };
  }

  function ask<T>(subject: string, payload: unknown, as?: Actor, gemeente: string | undefined = as?.gemeente ?? 'GM0637') {
    const headers: Record<string, string> = {};
    if (as) headers[CONTEXT_HEADERS.authorization] = `Bearer ${as.token}`;
    if (gemeente) headers[CONTEXT_HEADERS.gemeente] = gemeente;
    return request<T>(subject, payload, headers, { nc });
  }

  beforeAll(async () => {
    await truncate('identity', ['gemeente', 'organisatie', 'lidmaatschap', 'outbox', 'inbox']);
    fixture = await startIdentityMetGemeenten();
    ({ app, nc } = fixture);
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('runs the lifecycle: create, read publicly, add members, change roles, keep a beheerder, leave', async () => {
    const since = await streamLastSeq(nc);
    const anne = await actor(['inwoner']);
    const bram = await actor(['inwoner']);
    const cor = await actor(['inwoner']);

    const org = dataOf(await ask<OrganisatieView>(ORGANISATIE_SUBJECTS.create, { naam: 'Buurtvereniging Oost', segment: 'burgers', kvkNummer: '12345678' }, anne));
    expect(org).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      gemeente: 'GM0637',
      naam: 'Buurtvereniging Oost',
      segment: 'burgers',
      kvkNummer: '12345678',
      aantalLeden: 1,
      aangemaaktTijdstip: expect.any(String),
    });

    // Public: anyone reads name, segment, KvK and the number of members, not who they are.
    expect(dataOf(await ask<OrganisatieView>(ORGANISATIE_SUBJECTS.get, { id: org.id }))).toEqual(org);
    expect(dataOf(await ask<OrganisatieList>(ORGANISATIE_SUBJECTS.list, {})).items.map((o) => o.id)).toContain(org.id);

    // The creator is beheerder and adds members; a plain member may not.
    dataOf(await ask<LidmaatschapView>(ORGANISATIE_SUBJECTS.lidmaatschapToevoegen, { id: org.id, accountId: bram.accountId, rol: 'lid' }, anne));
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschapToevoegen, { id: org.id, accountId: cor.accountId, rol: 'lid' }, bram))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschapToevoegen, { id: org.id, accountId: bram.accountId, rol: 'lid' }, anne))).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(dataOf(await ask<OrganisatieView>(ORGANISATIE_SUBJECTS.get, { id: org.id })).aantalLeden).toBe(2);

    // The mandate follows the role.
    const organisaties = app.get(OrganisatieService);
    expect(await organisaties.heeftMandaat(bram.accountId, org.id)).toBe(false);
    const gewijzigd = dataOf(await ask<LidmaatschapView>(ORGANISATIE_SUBJECTS.lidmaatschapWijzigen, { id: org.id, accountId: bram.accountId, rol: 'vertegenwoordiger' }, anne));
    expect(gewijzigd).toMatchObject({ organisatieId: org.id, accountId: bram.accountId, rol: 'vertegenwoordiger' });
    expect(await organisaties.heeftMandaat(bram.accountId, org.id)).toBe(true);
    expect(await organisaties.heeftMandaat(anne.accountId, org.id)).toBe(true);

    // Members see the member list; outsiders do not.
    const leden = dataOf(await ask<LidmaatschapList>(ORGANISATIE_SUBJECTS.lidmaatschappen, { id: org.id }, bram));
    expect(leden.items.map((l) => [l.accountId, l.rol])).toEqual([
      [anne.accountId, 'beheerder'],
      [bram.accountId, 'vertegenwoordiger'],
    ]);
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschappen, { id: org.id }, cor))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschappen, { id: org.id }))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });

    // The last beheerder can neither leave nor be demoted.
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschapVerwijderen, { id: org.id, accountId: anne.accountId }, anne))).toMatchObject({ code: 'RULE_VIOLATED', status: 422 });
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschapWijzigen, { id: org.id, accountId: anne.accountId, rol: 'lid' }, anne))).toMatchObject({ code: 'RULE_VIOLATED' });
    // After handing over, she may.
    dataOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschapWijzigen, { id: org.id, accountId: bram.accountId, rol: 'beheerder' }, anne));
    expect(dataOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschapVerwijderen, { id: org.id, accountId: anne.accountId }, anne))).toEqual({});
    expect(dataOf(await ask<OrganisatieView>(ORGANISATIE_SUBJECTS.get, { id: org.id })).aantalLeden).toBe(1);

    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(nc, since)).filter((e) => e.event?.subject === org.id);
        return found.length >= 6 ? found : undefined;
      },
      { what: 'six events of the organisation' },
    );
    expect(events.map((e) => e.subject)).toEqual([
      ORGANISATIE_EVENTS.aangemaakt,
      ORGANISATIE_EVENTS.lidmaatschapGewijzigd,
      ORGANISATIE_EVENTS.lidmaatschapGewijzigd,
      ORGANISATIE_EVENTS.lidmaatschapGewijzigd,
      ORGANISATIE_EVENTS.lidmaatschapGewijzigd,
      ORGANISATIE_EVENTS.lidmaatschapGewijzigd,
    ]);
    expect(events.map((e) => e.event?.data)).toEqual([
      { id: org.id, gemeente: 'GM0637', naam: 'Buurtvereniging Oost', segment: 'burgers', kvkNummer: '12345678' },
      { organisatieId: org.id, accountId: anne.accountId, rol: 'beheerder' },
      { organisatieId: org.id, accountId: bram.accountId, rol: 'lid' },
      { organisatieId: org.id, accountId: bram.accountId, rol: 'vertegenwoordiger', vorigeRol: 'lid' },
      { organisatieId: org.id, accountId: bram.accountId, rol: 'beheerder', vorigeRol: 'vertegenwoordiger' },
      { organisatieId: org.id, accountId: anne.accountId, vorigeRol: 'beheerder' },
    ]);
  });

  it('lets the gemeentebeheerder manage members, and keeps gemeente B out of gemeente A', async () => {
    const anne = await actor(['inwoner']);
    const org = dataOf(await ask<OrganisatieView>(ORGANISATIE_SUBJECTS.create, { naam: 'Bakkerij Noord', segment: 'bedrijfsleven' }, anne));
    const beheer = await actor(['gemeentebeheerder']);
    const nieuw = await account('GM0637');
    // Only accounts of the organisation's gemeente can become members.
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschapToevoegen, { id: org.id, accountId: await account('GM0518'), rol: 'lid' }, anne))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschapToevoegen, { id: org.id, accountId: randomUUID(), rol: 'lid' }, anne))).toMatchObject({ code: 'NOT_FOUND' });
    dataOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschapToevoegen, { id: org.id, accountId: nieuw, rol: 'vertegenwoordiger' }, beheer));

    const beheerB = await actor(['gemeentebeheerder'], 'GM0518');
    // In its own gemeente, B's beheerder does not find A's organisation at all.
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschapToevoegen, { id: org.id, accountId: randomUUID(), rol: 'lid' }, beheerB))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschapVerwijderen, { id: org.id, accountId: nieuw }, beheerB))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschappen, { id: org.id }, beheerB))).toMatchObject({ code: 'NOT_FOUND' });
    // Naming gemeente A with a token of B is refused by the guard.
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.lidmaatschapToevoegen, { id: org.id, accountId: randomUUID(), rol: 'lid' }, beheerB, 'GM0637'))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    // A's organisations are not in B's list, and not found from B.
    expect(dataOf(await ask<OrganisatieList>(ORGANISATIE_SUBJECTS.list, {}, undefined, 'GM0518')).items.map((o) => o.id)).not.toContain(org.id);
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.get, { id: org.id }, undefined, 'GM0518'))).toMatchObject({ code: 'NOT_FOUND' });

    const rows = await withClient('identity', (c) => c.query('select count(*)::int as n from identity.lidmaatschap where organisatie_id = $1', [org.id]));
    expect(rows.rows[0].n).toBe(2);
  });

  it('lists by name a page at a time, ties broken by id, with a cursor to the next page', async () => {
    dataOf(await request(GEMEENTE_SUBJECTS.upsert, { code: 'GM0599', naam: 'Paginadorp', bouwstenen: ['identity'] }, {}, { nc }));
    const maker = await actor(['inwoner'], 'GM0599');
    const ids: Record<string, string[]> = {};
    for (const naam of ['Cc', 'Bb', 'Aa', 'Bb', 'Dd']) {
      const org = dataOf(await ask<OrganisatieView>(ORGANISATIE_SUBJECTS.create, { naam, segment: 'burgers' }, maker));
      (ids[naam] ??= []).push(org.id);
    }
    const verwacht = [ids.Aa[0], ...[...ids.Bb].sort(), ids.Cc[0], ids.Dd[0]];
    const gezien: string[] = [];
    let na: string | undefined;
    for (let pagina = 0; pagina < 5; pagina++) {
      const list = dataOf(await ask<OrganisatieList>(ORGANISATIE_SUBJECTS.list, { limiet: 2, ...(na ? { na } : {}) }, undefined, 'GM0599'));
      expect(list.items.length).toBeLessThanOrEqual(2);
      gezien.push(...list.items.map((o) => o.id));
      na = list.volgende;
      if (!na) break;
    }
    expect(gezien).toEqual(verwacht);
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.list, { na: 'bm9u' }, undefined, 'GM0599'))).toMatchObject({ code: 'VALIDATION_FAILED', invalidParams: [expect.objectContaining({ name: 'na' })] });
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.list, { limiet: 101 }, undefined, 'GM0599'))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('requires a login to create, validates the input, and keeps the segment gemeente for staff', async () => {
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.create, { naam: 'Anoniem', segment: 'burgers' }))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    const inwoner = await actor(['inwoner']);
    const error = errorOf(await ask(ORGANISATIE_SUBJECTS.create, { naam: '', segment: 'inwoner', kvkNummer: '1234567' }, inwoner));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect([...new Set(error.invalidParams?.map((p) => p.name))].sort()).toEqual(['kvkNummer', 'naam', 'segment']);
    expect(errorOf(await ask(ORGANISATIE_SUBJECTS.create, { naam: 'Gemeente Zoetermeer', segment: 'gemeente' }, inwoner))).toMatchObject({ code: 'FORBIDDEN' });
    const ambtenaar = await actor(['ambtenaar']);
    expect(dataOf(await ask<OrganisatieView>(ORGANISATIE_SUBJECTS.create, { naam: 'Gemeente Zoetermeer', segment: 'gemeente' }, ambtenaar)).segment).toBe('gemeente');
  });
});
