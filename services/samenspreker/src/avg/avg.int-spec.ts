import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  CONTEXT_HEADERS,
  GEMEENTE_SUBJECTS,
  OPLOSSING_SUBJECTS,
  type OplossingView,
  persoonsgegevensExportSubject,
  type PersoonsgegevensExport,
  REACTIE_SUBJECTS,
  type ReactieList,
  type ReactieView,
  type PapierenBatchOntvangst,
  RONDE_SUBJECTS,
  STEMMING_SUBJECTS,
  type StemBewijs,
  type StemmingUitslag,
  type StemmingView,
  STEUN_SUBJECTS,
  TAFEL_SUBJECTS,
  type TafelView,
  VRAAGSTUK_SUBJECTS,
  type VraagstukView,
} from '@samen/contracts';
import { loadEnv } from '@samen/platform';
import { dataOf, definitionOf, errorOf, expectEventually, natsConnect, outboxDrained, pollUntil, request, startTestService, testEnv, truncate, withClient } from '@samen/testing';
import { GatewayEnv } from '../../../../gateway/src/config/gateway-env';
import { createGateway } from '../../../../gateway/src/create-gateway';
import { MailTransport, type MemoryMailTransport } from '../../../identity/src/mail/mail-transport';
import { TokenIssuer } from '../../../identity/src/sleutels/token-issuer';
import { Pseudoniemen, VERWIJDERD_ACCOUNT } from '../gedeeld/pseudoniem';
import { Klok } from '../stemming/klok';
import { REDEN_ACCOUNT_VERWIJDERD, SamensprekerPersoonsgegevens } from './samenspreker-persoonsgegevens';

const GEMEENTE = 'GM0637';
const WACHTWOORD = 'een lange zin als wachtwoord';
const UUR = 3_600_000;
/** Every samenspreker table, with the columns that hold an account id. */
const TABELLEN = [
  'vraagstuk',
  'deelnemer',
  'steunbetuiging',
  'oplossing',
  'oplossing_versie',
  'positie',
  'reactie',
  'evaluatie',
  'tijdlijn_entry',
  'stemregister',
  'stem_idempotentie',
  'papieren_batch',
];

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
  // A table vote on v3 (anne's): kees and karel vote digitally, anne on paper, entered by the ambtenaar.
  let karel: Actor;
  let v3: VraagstukView;
  let stemming: StemmingView;
  let keesBewijs: StemBewijs;
  let batch: PapierenBatchOntvangst;
  /** How far the stemmingen clock runs ahead of the real one: past the opening or the closing, without waiting. */
  let vooruit = 0;

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

  const stem = (as: Actor, besluit: string, idempotencyKey: string = randomUUID()) =>
    ask<StemBewijs>(STEMMING_SUBJECTS.stemmen, { stemmingId: stemming.id, idempotencyKey, stembiljet: { antwoorden: { besluit } } }, as);

  /** Rows of the stemming in a stemmingen table, as the database holds them. */
  const stemRijen = (tabel: string) =>
    withClient('samenspreker', async (c) => (await c.query<Record<string, unknown>>(`select * from "samenspreker"."${tabel}" where "stemming_id" = $1`, [stemming.id])).rows);

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

    // Anne raises v3; kees and karel join its table; a table vote opens.
    karel = await tokenActor(['inwoner']);
    v3 = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, { soort: 'probleem', titel: 'Speeltuin', omschrijving: 'Kapot.', gebied: { code: 'BU3', naam: 'West' } }, anne));
    for (const naar of ['oplossingen', 'besluitvorming']) dataOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v3.id, naar, motivatie: 'Verder.' }, ambtenaar));
    for (const wie of [kees, karel]) dataOf(await ask(TAFEL_SUBJECTS.toetreden, { id: v3.id }, wie));
    jest.spyOn(samenspreker.get(Klok), 'nu').mockImplementation(() => new Date(Date.now() + vooruit));
    const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
    stemming = dataOf(
      await ask<StemmingView>(
        STEMMING_SUBJECTS.create,
        {
          vraagstukId: v3.id,
          titel: 'Nieuwe speeltoestellen',
          soort: 'advies',
          kiesgerechtigden: { soort: 'tafel' },
          vragen: [{ id: 'besluit', tekst: 'Doen?', opties: [{ id: 'ja', tekst: 'Ja' }, { id: 'nee', tekst: 'Nee' }] }],
          openingTijdstip: iso(UUR),
          sluitingTijdstip: iso(2 * UUR),
          kanalen: ['digitaal', 'papier'],
        },
        ambtenaar,
      ),
    );
    vooruit = 1.5 * UUR;
    keesBewijs = dataOf(await stem(kees, 'nee', 'kees-sleutel-0000000000000001'));
    dataOf(await stem(karel, 'ja'));
    batch = dataOf(
      await ask<PapierenBatchOntvangst>(
        STEMMING_SUBJECTS.papierInvoeren,
        { stemmingId: stemming.id, batchnummer: 'B-1', aantal: 1, kiezers: [anne.accountId], stembiljetten: [{ antwoorden: { besluit: 'ja' } }] },
        ambtenaar,
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
      [v1.id, v2.id, v3.id].sort().map((vraagstukId) => ({ vraagstukId, pseudoniem: pseudoniem(vraagstukId, kees.accountId) })),
    );
    expect(gegevens.vraagstukken).toEqual([expect.objectContaining({ id: v1.id, titel: 'Donkere tunnel', segment: 'inwoner' })]);
    expect(gegevens.tafelplaatsen).toEqual([
      expect.objectContaining({ vraagstukId: v1.id, rol: 'initiatiefnemer', status: 'actief' }),
      expect.objectContaining({ vraagstukId: v3.id, rol: 'deelnemer', status: 'actief' }),
    ]);
    expect(gegevens.steunbetuigingen).toEqual([expect.objectContaining({ vraagstukId: v2.id, segment: 'inwoner' })]);
    expect(gegevens.oplossingen).toEqual([expect.objectContaining({ id: oplossing.id, vraagstukId: v1.id })]);
    expect(gegevens.oplossingVersies).toEqual([expect.objectContaining({ oplossingId: oplossing.id, vraagstukId: v1.id, versie: 1, titel: 'Lampen' })]);
    expect(gegevens.posities).toEqual([expect.objectContaining({ vraagstukId: v1.id, positie: 'bezwaar', toelichting: 'Te fel.' })]);
    expect(gegevens.reacties).toEqual([expect.objectContaining({ id: keesReactie.id, tekst: 'Ik woon naast de tunnel, Dorpsstraat 12.', verborgen: null })]);
    expect(gegevens.evaluaties).toEqual([expect.objectContaining({ vraagstukId: v1.id, proces: 4, uitkomst: 3, toelichting: 'Het licht brandt.' })]);
    // That he voted, where and through which channel; not how, and not his receipt (it is only in the
    // retry record, encrypted under his Idempotency-Key, which samenspreker does not keep).
    expect(gegevens.gestemd).toEqual([{ stemmingId: stemming.id, vraagstukId: v3.id, titel: 'Nieuwe speeltoestellen', kanaal: 'digitaal', stemmingStatus: 'gepubliceerd' }]);
    expect(gegevens.papierenBatches).toEqual([]);
    expect((await stemRijen('stem_idempotentie')).map((r) => r.account_id)).toContain(kees.accountId);
    const tekst = JSON.stringify(gegevens);
    expect(tekst).not.toContain(keesBewijs.bonnetje);
    expect(tekst).not.toMatch(/"nee"|biljet|bonnetje/);
    // Nothing of anne's.
    expect(tekst).not.toContain('Goed plan.');
    expect(tekst).not.toContain(anne.accountId);
  });

  it('exports the paper batches an ambtenaar entered, and that anne voted on paper, without the batch that held her envelope', async () => {
    const alsAmbtenaar = dataOf(await ask<PersoonsgegevensExport>(persoonsgegevensExportSubject('samenspreker'), { accountId: ambtenaar.accountId }, ambtenaar)).gegevens;
    expect(alsAmbtenaar.papierenBatches).toEqual([{ stemmingId: stemming.id, vraagstukId: v3.id, batchnummer: 'B-1', aantal: 1 }]);
    expect(alsAmbtenaar.gestemd).toEqual([]);
    const alsAnne = dataOf(await ask<PersoonsgegevensExport>(persoonsgegevensExportSubject('samenspreker'), { accountId: anne.accountId }, anne)).gegevens;
    expect(alsAnne.gestemd).toEqual([expect.objectContaining({ stemmingId: stemming.id, kanaal: 'papier' })]);
    expect(alsAnne.papierenBatches).toEqual([]);
    expect(JSON.stringify(alsAnne)).not.toContain(batch.bonnetjes[0]!);
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
      for (const tabel of ['steunbetuiging', 'positie', 'reactie', 'evaluatie', 'stemregister']) {
        expect({ tabel, n: await tel(`select count(*) as n from "samenspreker"."${tabel}" where "account_id" = $1`) }).toEqual({ tabel, n: 1 });
      }
      expect(await tel(`select count(*) as n from "samenspreker"."deelnemer" where "account_id" = $1`)).toBe(2);
    });
    // In the stemming: still three in the register (his row, channel kept, now of nobody); his retry
    // record is gone, karel's stays; the ballots and receipts are untouched.
    expect((await stemRijen('stemregister')).map((r) => [r.account_id, r.kanaal]).sort()).toEqual(
      [[VERWIJDERD_ACCOUNT, 'digitaal'], [karel.accountId, 'digitaal'], [anne.accountId, 'papier']].sort(),
    );
    expect((await stemRijen('stem_idempotentie')).map((r) => r.account_id)).toEqual([karel.accountId]);
    expect([(await stemRijen('stembiljet')).length, (await stemRijen('bonnetje')).length]).toEqual([3, 3]);

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

  it('erasing a second voter of the same stemming: several tombstones in the register, and the count stays whole', async () => {
    // karel has no identity account here: the provider itself, in a transaction as the inbox runs it.
    await samenspreker.get(EntityManager).fork().transactional((em) => samenspreker.get(SamensprekerPersoonsgegevens).pseudonimiseer(karel.accountId, em));
    expect((await stemRijen('stemregister')).map((r) => r.account_id).sort()).toEqual([VERWIJDERD_ACCOUNT, VERWIJDERD_ACCOUNT, anne.accountId].sort());
    expect(await stemRijen('stem_idempotentie')).toEqual([]);
    // One vote per account still holds for the living.
    expect(errorOf(await stem(anne, 'nee'))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('al gestemd') });

    // Both erased voters left the table (their seats ended); they voted, so they are counted among
    // the kiesgerechtigden: 3 voters of 3, not 2 (one tombstone) as a union of account ids would give.
    vooruit = 2.5 * UUR;
    const { procesVerbaal } = dataOf(await ask<StemmingUitslag>(STEMMING_SUBJECTS.sluiten, { stemmingId: stemming.id }, ambtenaar));
    expect(procesVerbaal).toMatchObject({ aantalKiezers: 3, aantalKiesgerechtigden: 3 });
    expect(procesVerbaal.vragen[0]!.opties.map((o) => [o.optieId, o.stemmen])).toEqual([
      ['ja', 2],
      ['nee', 1],
    ]);
  });

  it('keeps the register and the paper batches append-only for every other update', async () => {
    await withClient('samenspreker', async (c) => {
      const weigert = (sql: string, params: unknown[]) => expect(c.query(sql, params)).rejects.toThrow(/append-only/);
      await weigert(`update "samenspreker"."stemregister" set "kanaal" = 'papier' where "account_id" = $1`, [anne.accountId]);
      await weigert(`update "samenspreker"."stemregister" set "account_id" = $2 where "account_id" = $1`, [anne.accountId, randomUUID()]);
      await weigert(`update "samenspreker"."stemregister" set "account_id" = $2, "kanaal" = 'digitaal' where "account_id" = $1`, [anne.accountId, VERWIJDERD_ACCOUNT]);
      await weigert(`update "samenspreker"."stemregister" set "account_id" = $2 where "account_id" = $1`, [VERWIJDERD_ACCOUNT, kees.accountId]);
      await weigert(`delete from "samenspreker"."stemregister" where "account_id" = $1`, [anne.accountId]);
      await weigert(`update "samenspreker"."papieren_batch" set "aantal" = 2 where "stemming_id" = $1`, [stemming.id]);
      await weigert(`update "samenspreker"."papieren_batch" set "ingevoerd_door" = $2, "aantal" = 2 where "stemming_id" = $1`, [stemming.id, VERWIJDERD_ACCOUNT]);
      await weigert(`delete from "samenspreker"."papieren_batch" where "stemming_id" = $1`, [stemming.id]);
      // The erasure itself, for the ambtenaar who entered the batch, is allowed.
      await c.query('begin');
      await c.query(`update "samenspreker"."papieren_batch" set "ingevoerd_door" = $2 where "stemming_id" = $1`, [stemming.id, VERWIJDERD_ACCOUNT]);
      await c.query('rollback');
    });
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
