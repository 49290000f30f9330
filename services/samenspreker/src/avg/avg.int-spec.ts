import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import {
  CONTEXT_HEADERS,
  GEMEENTE_SUBJECTS,
  OPLOSSING_SUBJECTS,
  type OplossingView,
  REACTIE_SUBJECTS,
  type ReactieList,
  type ReactieView,
  RONDE_SUBJECTS,
  STEUN_SUBJECTS,
  TAFEL_SUBJECTS,
  type TafelView,
  VRAAGSTUK_SUBJECTS,
  type VraagstukView,
} from '@samen/contracts';
import { loadEnv } from '@samen/platform';
import { dataOf, definitionOf, expectEventually, natsConnect, outboxDrained, pollUntil, request, startTestService, testEnv, truncate, withClient } from '@samen/testing';
import { GatewayEnv } from '../../../../gateway/src/config/gateway-env';
import { createGateway } from '../../../../gateway/src/create-gateway';
import { MailTransport, type MemoryMailTransport } from '../../../identity/src/mail/mail-transport';
import { TokenIssuer } from '../../../identity/src/sleutels/token-issuer';
import { Pseudoniemen, VERWIJDERD_ACCOUNT } from '../gedeeld/pseudoniem';
import { REDEN_ACCOUNT_VERWIJDERD } from './samenspreker-persoonsgegevens';

const GEMEENTE = 'GM0637';
const WACHTWOORD = 'een lange zin als wachtwoord';
/** Every samenspreker table, with the columns that hold an account id. */
const TABELLEN = ['vraagstuk', 'deelnemer', 'steunbetuiging', 'oplossing', 'oplossing_versie', 'positie', 'reactie', 'evaluatie', 'tijdlijn_entry'];

interface Actor {
  accountId: string;
  token: string;
}

// Personal data in samenspreker end to end: pseudonyms on every public view, the export through the
// gateway's GET /mij/export, and erasure after identity's DELETE /mij (the real event, the real consumer).
describe('samenspreker: pseudoniemen, export and erasure (AVG)', () => {
  let identity: NestFastifyApplication;
  let samenspreker: NestFastifyApplication;
  let gateway: NestFastifyApplication;
  let nc: NatsConnection;
  let base: string;
  let mail: MemoryMailTransport;

  let kees: Actor;
  let anne: Actor;
  let ambtenaar: Actor;
  let v1: VraagstukView;
  let v2: VraagstukView;
  let oplossing: OplossingView;
  let keesReactie: ReactieView;
  let anneReactie: ReactieView;

  const http = (method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        [CONTEXT_HEADERS.gemeente]: GEMEENTE,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });

  function ask<T>(subject: string, payload: unknown, as?: Actor) {
    const headers: Record<string, string> = { [CONTEXT_HEADERS.gemeente]: GEMEENTE };
    if (as) headers[CONTEXT_HEADERS.authorization] = `Bearer ${as.token}`;
    return request<T>(subject, payload, headers, { nc });
  }

  async function tokenActor(rollen: ('inwoner' | 'ambtenaar')[], segment: 'inwoner' | 'gemeente' = 'inwoner'): Promise<Actor> {
    const accountId = randomUUID();
    const { accessToken } = await identity.get(TokenIssuer).issueAccessToken({ accountId, rollen, segment, gemeente: GEMEENTE, amr: ['pwd', 'otp'] });
    return { accountId, token: accessToken };
  }

  /** A real account (registered, confirmed, logged in), so identity can erase it. */
  async function echteInwoner(email: string): Promise<Actor> {
    expect((await http('POST', '/accounts', undefined, { email, wachtwoord: WACHTWOORD, weergavenaam: 'Kees' })).status).toBe(202);
    const token = /\(POST \/api\/v1\/e-mailbevestigingen\): (\S+)/.exec(mail.aan(email).at(-1)?.tekst ?? '')?.[1];
    expect((await http('POST', '/e-mailbevestigingen', undefined, { token })).status).toBe(204);
    const sessie = (await (await http('POST', '/sessies', undefined, { email, wachtwoord: WACHTWOORD })).json()) as { accessToken: string };
    const claims = JSON.parse(Buffer.from(sessie.accessToken.split('.')[1]!, 'base64url').toString()) as { sub: string };
    return { accountId: claims.sub, token: sessie.accessToken };
  }

  const pseudoniem = (vraagstukId: string, accountId: string) => samenspreker.get(Pseudoniemen).van(vraagstukId, accountId);

  /** Every row of the table as text, to search for an account id anywhere in it (jsonb included). */
  const dump = (tabel: string) =>
    withClient('samenspreker', async (c) => (await c.query<{ rij: string }>(`select t::text as rij from "samenspreker"."${tabel}" t`)).rows.map((r) => r.rij).join('\n'));

  beforeAll(async () => {
    await truncate('samenspreker', ['vraagstuk', 'outbox', 'inbox']);
    await truncate('identity', ['refresh_token', 'account_token', 'lidmaatschap', 'verificatie', 'account', 'verwerking', 'outbox']);
    identity = await startTestService(definitionOf('identity'));
    samenspreker = await startTestService(definitionOf('samenspreker'));
    mail = identity.get(MailTransport) as MemoryMailTransport;
    nc = await natsConnect();
    dataOf(await request(GEMEENTE_SUBJECTS.upsert, { code: GEMEENTE, naam: 'Zoetermeer', bouwstenen: ['identity', 'samenspreker'] }, {}, { nc }));
    gateway = await createGateway(loadEnv(GatewayEnv, { NODE_ENV: 'test', NATS_URL: testEnv().natsUrl, LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent' }));
    await gateway.listen(0, '127.0.0.1');
    base = await gateway.getUrl();
    await pollUntil(async () => (await fetch(`${base}/health/ready`)).status === 200, { what: 'gateway ready' });

    kees = await echteInwoner('kees@example.org');
    [anne, ambtenaar] = await Promise.all([tokenActor(['inwoner']), tokenActor(['ambtenaar'], 'gemeente')]);
    // Kees raises v1, brings in an oplossing, objects to it and reacts; anne reacts and supports.
    v1 = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, { soort: 'probleem', titel: 'Donkere tunnel', omschrijving: 'Geen licht.', gebied: { code: 'BU1', naam: 'Noord' } }, kees));
    dataOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v1.id, naar: 'oplossingen', motivatie: 'Aan de slag.' }, ambtenaar));
    dataOf(await ask(RONDE_SUBJECTS.open, { vraagstukId: v1.id }, kees));
    oplossing = dataOf(await ask<OplossingView>(OPLOSSING_SUBJECTS.create, { vraagstukId: v1.id, nummer: 1, titel: 'Lampen', omschrijving: 'Led-lampen in de tunnel.' }, kees));
    dataOf(await ask(TAFEL_SUBJECTS.toetreden, { id: v1.id }, anne));
    dataOf(await ask(OPLOSSING_SUBJECTS.positieInnemen, { vraagstukId: v1.id, oplossingId: oplossing.id, versie: 1, positie: 'steun' }, anne));
    dataOf(await ask(OPLOSSING_SUBJECTS.positieInnemen, { vraagstukId: v1.id, oplossingId: oplossing.id, versie: 1, positie: 'bezwaar', toelichting: 'Te fel.' }, kees));
    keesReactie = dataOf(await ask<ReactieView>(REACTIE_SUBJECTS.create, { vraagstukId: v1.id, tekst: 'Ik woon naast de tunnel, Dorpsstraat 12.' }, kees));
    anneReactie = dataOf(await ask<ReactieView>(REACTIE_SUBJECTS.create, { vraagstukId: v1.id, tekst: 'Goed plan.', antwoordOp: keesReactie.id }, anne));
    // Anne raises v2, kees supports it.
    v2 = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, { soort: 'kans', titel: 'Moestuin', omschrijving: 'Een lege plek.', gebied: { code: 'BU2', naam: 'Zuid' } }, anne));
    dataOf(await ask(STEUN_SUBJECTS.create, { id: v2.id }, kees));
    // An evaluation cannot be reached in a few steps; the row is what matters here.
    await withClient('samenspreker', (c) =>
      c.query(
        `insert into "samenspreker"."evaluatie" ("id", "vraagstuk_id", "gemeente", "evaluatie_sinds", "account_id", "segment", "proces", "uitkomst", "toelichting", "tijdstip")
          values ($1, $2, $3, now(), $4, 'inwoner', 4, 3, 'Het licht brandt.', now())`,
        [randomUUID(), v1.id, GEMEENTE, kees.accountId],
      ),
    );
  });

  afterAll(async () => {
    await gateway?.close();
    await outboxDrained('samenspreker');
    await outboxDrained('identity');
    await nc?.close();
    await samenspreker?.close();
    await identity?.close();
  });

  it('keeps account ids off the public timeline: a pseudonym per vraagstuk, different in every vraagstuk', async () => {
    const tijdlijn = await dump('tijdlijn_entry');
    for (const wie of [kees, anne, ambtenaar]) expect(tijdlijn).not.toContain(wie.accountId);
    const regels = await withClient('samenspreker', async (c) => (await c.query<{ vraagstuk_id: string; soort: string; actor: unknown }>(`select "vraagstuk_id", "soort", "actor" from "samenspreker"."tijdlijn_entry"`)).rows);
    expect(regels.find((r) => r.vraagstuk_id === v1.id && r.soort === 'oplossing-ingediend')?.actor).toEqual({ pseudoniem: pseudoniem(v1.id, kees.accountId), segment: 'inwoner' });
    expect(regels.find((r) => r.vraagstuk_id === v2.id && r.soort === 'steun-betuigd')?.actor).toEqual({ pseudoniem: pseudoniem(v2.id, kees.accountId), segment: 'inwoner' });
    expect(pseudoniem(v1.id, kees.accountId)).not.toBe(pseudoniem(v2.id, kees.accountId));

    // The same over HTTP, and the chain still verifies.
    const response = await http('GET', `/vraagstukken/${v1.id}/tijdlijn?limiet=100`);
    expect(response.status).toBe(200);
    const tekst = await response.text();
    expect(tekst).toContain(pseudoniem(v1.id, kees.accountId));
    for (const wie of [kees, anne, ambtenaar]) expect(tekst).not.toContain(wie.accountId);
    expect(await (await http('GET', `/vraagstukken/${v1.id}/tijdlijn/_verifieer`)).json()).toMatchObject({ geldig: true });
  });

  it('shows positions, reacties, oplossingen and the initiatiefnemer by pseudonym, and marks the caller’s own', async () => {
    const publiek = dataOf(await ask<OplossingView>(OPLOSSING_SUBJECTS.get, { vraagstukId: v1.id, oplossingId: oplossing.id }));
    expect(publiek.auteur).toEqual({ pseudoniem: pseudoniem(v1.id, kees.accountId), segment: 'inwoner' });
    expect(publiek.versies[0]!.posities.map((p) => [p.deelnemer, p.positie])).toEqual([
      [{ pseudoniem: pseudoniem(v1.id, anne.accountId), segment: 'inwoner' }, 'steun'],
      [{ pseudoniem: pseudoniem(v1.id, kees.accountId), segment: 'inwoner' }, 'bezwaar'],
    ]);
    const alsKees = dataOf(await ask<OplossingView>(OPLOSSING_SUBJECTS.get, { vraagstukId: v1.id, oplossingId: oplossing.id }, kees));
    expect(alsKees.auteur.eigen).toBe(true);
    expect(alsKees.versies[0]!.posities.map((p) => p.deelnemer.eigen)).toEqual([undefined, true]);

    const reacties = dataOf(await ask<ReactieList>(REACTIE_SUBJECTS.list, { vraagstukId: v1.id }));
    expect(reacties.items.map((r) => r.auteur?.pseudoniem)).toEqual([pseudoniem(v1.id, kees.accountId), pseudoniem(v1.id, anne.accountId)]);
    expect(dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: v1.id })).initiatiefnemer).toEqual({ pseudoniem: pseudoniem(v1.id, kees.accountId), segment: 'inwoner' });
    const tafel = dataOf(await ask<TafelView>(TAFEL_SUBJECTS.get, { id: v1.id }));
    expect(tafel.deelnemers.map((d) => d.pseudoniem)).toEqual([pseudoniem(v1.id, kees.accountId), pseudoniem(v1.id, anne.accountId)]);

    // Nowhere in a public answer over HTTP.
    for (const pad of [`/vraagstukken/${v1.id}`, `/vraagstukken/${v1.id}/oplossingen/${oplossing.id}`, `/vraagstukken/${v1.id}/reacties`, `/vraagstukken/${v1.id}/tafel`]) {
      const response = await http('GET', pad);
      expect(response.status).toBe(200);
      const tekst = await response.text();
      for (const wie of [kees, anne]) expect(tekst).not.toContain(wie.accountId);
    }
  });

  it('GET /mij/export holds samenspreker’s part: everything kees did, with his pseudonym per vraagstuk', async () => {
    const response = await http('GET', '/mij/export', kees.token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { bouwstenen: Array<{ bouwsteen: string; status: string; gegevens?: Record<string, unknown[]> }> };
    const deel = body.bouwstenen.find((b) => b.bouwsteen === 'samenspreker');
    expect(deel?.status).toBe('geleverd');
    const gegevens = deel!.gegevens!;
    expect(gegevens.pseudoniemen).toEqual(
      [v1.id, v2.id].sort().map((vraagstukId) => ({ vraagstukId, pseudoniem: pseudoniem(vraagstukId, kees.accountId) })),
    );
    expect(gegevens.vraagstukken).toEqual([expect.objectContaining({ id: v1.id, titel: 'Donkere tunnel', segment: 'inwoner' })]);
    expect(gegevens.tafelplaatsen).toEqual([expect.objectContaining({ vraagstukId: v1.id, rol: 'initiatiefnemer', status: 'actief' })]);
    expect(gegevens.steunbetuigingen).toEqual([expect.objectContaining({ vraagstukId: v2.id, segment: 'inwoner' })]);
    expect(gegevens.oplossingen).toEqual([expect.objectContaining({ id: oplossing.id, vraagstukId: v1.id })]);
    expect(gegevens.oplossingVersies).toEqual([expect.objectContaining({ oplossingId: oplossing.id, vraagstukId: v1.id, versie: 1, titel: 'Lampen' })]);
    expect(gegevens.posities).toEqual([expect.objectContaining({ vraagstukId: v1.id, positie: 'bezwaar', toelichting: 'Te fel.' })]);
    expect(gegevens.reacties).toEqual([expect.objectContaining({ id: keesReactie.id, tekst: 'Ik woon naast de tunnel, Dorpsstraat 12.', verborgen: null })]);
    expect(gegevens.evaluaties).toEqual([expect.objectContaining({ vraagstukId: v1.id, proces: 4, uitkomst: 3, toelichting: 'Het licht brandt.' })]);
    // Nothing of anne's.
    expect(JSON.stringify(gegevens)).not.toContain('Goed plan.');
    expect(JSON.stringify(gegevens)).not.toContain(anne.accountId);
  });

  it('after DELETE /mij de-links kees everywhere, hides his reacties, keeps his contributions and their count', async () => {
    const voor = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: v2.id })).steun.aantal;
    expect((await http('DELETE', '/mij', kees.token, { wachtwoord: WACHTWOORD })).status).toBe(204);

    await expectEventually(async () => {
      for (const tabel of TABELLEN) expect({ tabel, bevat: (await dump(tabel)).includes(kees.accountId) }).toEqual({ tabel, bevat: false });
    });
    // De-linked, not deleted: the rows are there with the VERWIJDERD id.
    await withClient('samenspreker', async (c) => {
      const tel = async (sql: string) => Number((await c.query<{ n: string }>(sql, [VERWIJDERD_ACCOUNT])).rows[0]!.n);
      expect(await tel(`select count(*) as n from "samenspreker"."vraagstuk" where "initiatiefnemer_account_id" = $1`)).toBe(1);
      expect(await tel(`select count(*) as n from "samenspreker"."oplossing" where "auteur_account_id" = $1`)).toBe(1);
      expect(await tel(`select count(*) as n from "samenspreker"."oplossing_versie" where "auteur_account_id" = $1`)).toBe(1);
      for (const tabel of ['steunbetuiging', 'positie', 'reactie', 'evaluatie', 'deelnemer']) {
        expect({ tabel, n: await tel(`select count(*) as n from "samenspreker"."${tabel}" where "account_id" = $1`) }).toEqual({ tabel, n: 1 });
      }
    });

    // Steun still counts; the oplossing and the objection stay, now of "verwijderd".
    expect(dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: v2.id })).steun.aantal).toBe(voor);
    expect(dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: v1.id })).initiatiefnemer.pseudoniem).toBe('verwijderd');
    const na = dataOf(await ask<OplossingView>(OPLOSSING_SUBJECTS.get, { vraagstukId: v1.id, oplossingId: oplossing.id }));
    expect(na.auteur.pseudoniem).toBe('verwijderd');
    expect(na.versies[0]!.posities.map((p) => [p.deelnemer.pseudoniem, p.positie, p.toelichting])).toEqual([
      [pseudoniem(v1.id, anne.accountId), 'steun', undefined],
      ['verwijderd', 'bezwaar', 'Te fel.'],
    ]);
    // His reactie is hidden as a moderator would; anne's answer keeps its place and text.
    const reacties = dataOf(await ask<ReactieList>(REACTIE_SUBJECTS.list, { vraagstukId: v1.id })).items;
    expect(reacties).toEqual([
      { id: keesReactie.id, vraagstukId: v1.id, tijdstip: keesReactie.tijdstip, verborgen: true, reden: REDEN_ACCOUNT_VERWIJDERD },
      { ...anneReactie, auteur: { pseudoniem: pseudoniem(v1.id, anne.accountId), segment: 'inwoner' } },
    ]);
    // His seat ended; the table's public view no longer lists it.
    expect(dataOf(await ask<TafelView>(TAFEL_SUBJECTS.get, { id: v1.id })).deelnemers.map((d) => d.pseudoniem)).toEqual([pseudoniem(v1.id, anne.accountId)]);
    // The timeline did not need to change, and still verifies.
    expect(await (await http('GET', `/vraagstukken/${v1.id}/tijdlijn/_verifieer`)).json()).toMatchObject({ geldig: true });
  });

  it('keeps oplossingen, versions and reacties immutable for every other update', async () => {
    await withClient('samenspreker', async (c) => {
      const weigert = (sql: string, params: unknown[]) => expect(c.query(sql, params)).rejects.toThrow(/onveranderlijk/);
      await weigert(`update "samenspreker"."oplossing" set "ingediend_op" = now() where "id" = $1`, [oplossing.id]);
      await weigert(`update "samenspreker"."oplossing" set "auteur_account_id" = $2 where "id" = $1`, [oplossing.id, randomUUID()]);
      await weigert(`delete from "samenspreker"."oplossing" where "id" = $1`, [oplossing.id]);
      // Erasing is no cover for another change in the same update, nor for undoing it.
      await weigert(`update "samenspreker"."oplossing_versie" set "titel" = 'Anders' where "oplossing_id" = $1`, [oplossing.id]);
      await weigert(`update "samenspreker"."oplossing_versie" set "auteur_account_id" = $2, "titel" = 'Anders' where "oplossing_id" = $1`, [oplossing.id, VERWIJDERD_ACCOUNT]);
      await weigert(`update "samenspreker"."oplossing_versie" set "auteur_account_id" = $2 where "oplossing_id" = $1`, [oplossing.id, anne.accountId]);
      await weigert(`update "samenspreker"."reactie" set "tekst" = 'Anders' where "id" = $1`, [anneReactie.id]);
      await weigert(`update "samenspreker"."reactie" set "account_id" = $2, "tekst" = 'Anders' where "id" = $1`, [anneReactie.id, VERWIJDERD_ACCOUNT]);
      await weigert(`update "samenspreker"."reactie" set "verborgen_op" = null, "verborgen_reden" = null where "id" = $1`, [keesReactie.id]);
      await weigert(`update "samenspreker"."reactie" set "account_id" = $2 where "id" = $1`, [keesReactie.id, anne.accountId]);
      await weigert(`delete from "samenspreker"."reactie" where "id" = $1`, [anneReactie.id]);
      // What the erasure does is still possible for an account not yet erased (anne's reactie, visible, unhidden).
      await c.query('begin');
      await c.query(`update "samenspreker"."reactie" set "account_id" = $2, "verborgen_op" = now(), "verborgen_reden" = $3 where "id" = $1`, [anneReactie.id, VERWIJDERD_ACCOUNT, REDEN_ACCOUNT_VERWIJDERD]);
      await c.query('rollback');
    });
  });
});
