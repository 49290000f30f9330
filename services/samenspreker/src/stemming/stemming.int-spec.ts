import { EntityManager } from '@mikro-orm/postgresql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from 'nats';
import { createHash, randomUUID } from 'node:crypto';
import {
  BONNETJE_PATTERN,
  CONTEXT_HEADERS,
  EVENT_STREAM,
  GEMEENTE_SUBJECTS,
  type PapierenBatchOntvangst,
  type Rol,
  type StemBewijs,
  STEMMING_EVENTS,
  STEMMING_SUBJECTS,
  type StemmingExport,
  type StemmingExportKop,
  type StemmingExportLijst,
  type StemmingExportPagina,
  type StemmingList,
  type StemmingUitslag,
  type StemmingView,
  VRAAGSTUK_SUBJECTS,
  type VraagstukView,
} from '@samen/contracts';
import { erasureConsumerName, loadEnv } from '@samen/platform';
import { dataOf, definitionOf, errorOf, natsConnect, outboxDrained, pgClient, pollUntil, request, startTestService, streamEvents, streamLastSeq, testEnv, withClient } from '@samen/testing';
import { GatewayEnv } from '../../../../gateway/src/config/gateway-env';
import { createGateway } from '../../../../gateway/src/create-gateway';
import { TokenIssuer } from '../../../identity/src/sleutels/token-issuer';
import { SamensprekerEnv } from '../config/samenspreker-env';
import { canoniekeJson } from '../tijdlijn/tijdlijn-keten';
import { Tijdlijn } from '../tijdlijn/tijdlijn.service';
import { hertel, paginaGrootte } from './export';
import { Klok } from './klok';
import { Stembus } from './stembus';
import { StemmingService } from './stemming.service';

interface Actor {
  accountId: string;
  token: string;
}

const A = 'GM0637';
const B = 'GM0518';
const UUR = 3_600_000;
/** Small pages of the export, so that a few hundred ballots take several (the default is 512 KiB). */
const PAGINA_BYTES = 1024;

describe('samenspreker stemmingen over NATS and HTTP, against PostgreSQL', () => {
  let identity: NestFastifyApplication;
  let samenspreker: NestFastifyApplication;
  let nc: NatsConnection;
  let ambtenaar: Actor;
  /** How far the stemmingen clock runs ahead of the real one: past an opening or a closing, without waiting. */
  let vooruit = 0;

  async function actor(rollen: Rol[], opties: { gemeente?: string; gebied?: string } = {}): Promise<Actor> {
    const accountId = randomUUID();
    const staf = rollen.some((rol) => rol !== 'inwoner');
    const { accessToken } = await identity.get(TokenIssuer).issueAccessToken({
      accountId,
      rollen,
      segment: staf ? 'gemeente' : 'inwoner',
      gemeente: opties.gemeente ?? A,
      amr: ['pwd', 'otp'],
      ...(opties.gebied ? { geverifieerdGebied: opties.gebied } : {}),
    });
    return { accountId, token: accessToken };
  }

  function ask<T>(subject: string, payload: unknown, as?: Actor, gemeente = A, timeoutMs = 15_000) {
    const headers: Record<string, string> = { [CONTEXT_HEADERS.gemeente]: gemeente };
    if (as) headers[CONTEXT_HEADERS.authorization] = `Bearer ${as.token}`;
    return request<T>(subject, payload, headers, { nc, timeoutMs });
  }

  async function vraagstukInBesluitvorming(): Promise<VraagstukView> {
    const inwoner = await actor(['inwoner']);
    const v = dataOf(
      await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, { soort: 'probleem', titel: 'Hardrijders', omschrijving: 'Te hard.', gebied: { code: 'WK063701', naam: 'Dorp' } }, inwoner),
    );
    for (const naar of ['oplossingen', 'besluitvorming']) dataOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v.id, naar, motivatie: 'Verder.' }, ambtenaar));
    return { ...v, fase: 'besluitvorming' };
  }

  const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
  const regels = (vraagstukId: string, over: Record<string, unknown> = {}) => ({
    vraagstukId,
    titel: 'Snelheid in de Dorpsstraat',
    soort: 'advies',
    kiesgerechtigden: { soort: 'inwoners-gebied', gebied: 'WK063701' },
    vragen: [
      { id: 'snelheid', tekst: 'Welke snelheid?', opties: [{ id: 'dertig', tekst: '30 km/u' }, { id: 'vijftig', tekst: '50 km/u' }] },
      { id: 'wanneer', tekst: 'Wanneer?', opties: [{ id: 'nu', tekst: 'Meteen' }, { id: 'later', tekst: 'Volgend jaar' }] },
    ],
    openingTijdstip: iso(UUR),
    sluitingTijdstip: iso(2 * UUR),
    kanalen: ['digitaal', 'papier'],
    aantalKiesgerechtigden: 250,
    ...over,
  });

  async function stemming(over: Record<string, unknown> = {}, vraagstukId?: string): Promise<StemmingView> {
    vooruit = 0;
    return dataOf(await ask<StemmingView>(STEMMING_SUBJECTS.create, regels(vraagstukId ?? (await vraagstukInBesluitvorming()).id, over), ambtenaar));
  }

  const stem = (stemmingId: string, as: Actor | undefined, antwoorden: Record<string, unknown>, idempotencyKey: string = randomUUID()) =>
    ask<StemBewijs>(STEMMING_SUBJECTS.stemmen, { stemmingId, idempotencyKey, stembiljet: { antwoorden } }, as, A, 30_000);

  /** The export as the gateway streams it, put together over NATS: the head, then each list page by page. */
  async function exportOverNats(stemmingId: string): Promise<{ uitvoer: StemmingExport; paginas: Record<StemmingExportLijst, number> }> {
    const kop = dataOf(await ask<StemmingExportKop>(STEMMING_SUBJECTS.export, { stemmingId }, undefined, A, 30_000));
    const lijsten = { stembiljetten: [] as unknown[], bonnetjes: [] as unknown[] };
    const paginas = { stembiljetten: 0, bonnetjes: 0 };
    for (const lijst of ['stembiljetten', 'bonnetjes'] as const) {
      let na: string | undefined;
      do {
        const pagina = dataOf(await ask<StemmingExportPagina>(STEMMING_SUBJECTS.exportPagina, { stemmingId, lijst, ...(na ? { na } : {}) }));
        lijsten[lijst].push(...pagina.items);
        paginas[lijst]++;
        na = pagina.volgende;
      } while (na);
    }
    return { uitvoer: { ...kop, ...lijsten } as StemmingExport, paginas };
  }

  const tel = (tabel: string, stemmingId: string) =>
    withClient('admin', async (c) => (await c.query(`select count(*)::int as n from samenspreker.${tabel} where stemming_id = $1`, [stemmingId])).rows[0].n as number);

  beforeAll(async () => {
    identity = await startTestService(definitionOf('identity'));
    samenspreker = await startTestService(definitionOf('samenspreker'), { STEMMING_EXPORT_PAGINA_BYTES: PAGINA_BYTES });
    nc = await natsConnect();
    for (const [code, naam] of [[A, 'Zoetermeer'], [B, "'s-Gravenhage"]]) {
      dataOf(await request(GEMEENTE_SUBJECTS.upsert, { code, naam, bouwstenen: ['identity', 'samenspreker'] }, {}, { nc }));
    }
    jest.spyOn(samenspreker.get(Klok), 'nu').mockImplementation(() => new Date(Date.now() + vooruit));
    ambtenaar = await actor(['ambtenaar']);
  });

  afterAll(async () => {
    await outboxDrained('samenspreker');
    await outboxDrained('identity');
    await (await nc.jetstreamManager()).consumers.delete(EVENT_STREAM, erasureConsumerName('samenspreker')).catch(() => undefined);
    await nc?.close();
    await samenspreker?.close();
    await identity?.close();
  });

  it('publishes fixed rules, in besluitvorming only, by staff or the voorzitter, on the timeline with their hash', async () => {
    const inwoner = await actor(['inwoner']);
    const agenda = dataOf(
      await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, { soort: 'kans', titel: 'Nog op de agenda', omschrijving: 'x', gebied: { code: 'WK063701', naam: 'Dorp' } }, inwoner),
    );
    expect(errorOf(await ask(STEMMING_SUBJECTS.create, regels(agenda.id), ambtenaar))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('besluitvorming') });

    const v = await vraagstukInBesluitvorming();
    expect(errorOf(await ask(STEMMING_SUBJECTS.create, regels(v.id)))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await ask(STEMMING_SUBJECTS.create, regels(v.id), inwoner))).toMatchObject({ code: 'FORBIDDEN' });
    const vierVragen = Array.from({ length: 4 }, (_, i) => ({ id: `v${i}`, tekst: 'Ja of nee?', opties: [{ id: 'ja', tekst: 'Ja' }, { id: 'nee', tekst: 'Nee' }] }));
    expect(errorOf(await ask(STEMMING_SUBJECTS.create, regels(v.id, { soort: 'bindend', vragen: vierVragen }), ambtenaar)).invalidParams).toEqual([
      expect.objectContaining({ name: 'vragen', code: 'arrayMaxSize' }),
    ]);
    expect(errorOf(await ask(STEMMING_SUBJECTS.create, regels(v.id, { aantalKiesgerechtigden: undefined }), ambtenaar)).invalidParams).toEqual([
      expect.objectContaining({ name: 'aantalKiesgerechtigden' }),
    ]);
    expect(errorOf(await ask(STEMMING_SUBJECTS.create, regels(v.id, { openingTijdstip: iso(-UUR) }), ambtenaar)).invalidParams).toEqual([
      expect.objectContaining({ name: 'openingTijdstip', code: 'inToekomst' }),
    ]);

    // A bindende stemming takes threshold and quorum from the gemeente's settings.
    const s = dataOf(await ask<StemmingView>(STEMMING_SUBJECTS.create, regels(v.id, { soort: 'bindend' }), ambtenaar));
    expect(s).toMatchObject({ vraagstukId: v.id, gemeente: A, status: 'gepubliceerd', aantalKiesgerechtigden: 250 });
    expect(s.regels).toMatchObject({ versie: 1, stemmingId: s.id, vraagstukId: v.id, gemeente: A, drempelPercentage: 50, opkomstquorumPercentage: expect.any(Number) });
    expect(s.regelsHash).toBe(createHash('sha256').update(canoniekeJson(s.regels)).digest('hex'));
    // Public, anonymous, machine-readable.
    expect(dataOf(await ask<StemmingView>(STEMMING_SUBJECTS.get, { stemmingId: s.id }))).toEqual(s);
    const entry = (await samenspreker.get(Tijdlijn).lees(v.id, { limiet: 100 })).find((e) => e.soort === 'stemming-aangemaakt');
    expect(entry?.gegevens).toEqual({ stemmingId: s.id, titel: s.regels.titel, soort: 'bindend', regelsHash: s.regelsHash });

    // Not even the service role changes the rules; closing stays possible (status is not the rules).
    await withClient('samenspreker', async (c) => {
      await expect(c.query(`update samenspreker.stemming set regels = jsonb_set(regels, '{titel}', '"Anders"') where id = $1`, [s.id])).rejects.toThrow(/liggen vast/);
      await expect(c.query(`update samenspreker.stemming set aantal_kiesgerechtigden = 10 where id = $1`, [s.id])).rejects.toThrow(/liggen vast/);
      await expect(c.query(`delete from samenspreker.stemming where id = $1`, [s.id])).rejects.toThrow(/niet verwijderd/);
    });

    // The table's voorzitter may publish too.
    const voorzitter = await actor(['inwoner']);
    await withClient('samenspreker', (c) =>
      c.query(`insert into samenspreker.deelnemer (id, vraagstuk_id, gemeente, account_id, rol, segment, status, sinds) values ($1, $2, $3, $4, 'voorzitter', 'inwoner', 'actief', now())`, [
        randomUUID(),
        v.id,
        A,
        voorzitter.accountId,
      ]),
    );
    const tafel = dataOf(await ask<StemmingView>(STEMMING_SUBJECTS.create, regels(v.id, { kiesgerechtigden: { soort: 'tafel' }, aantalKiesgerechtigden: undefined }), voorzitter));
    expect(tafel).toMatchObject({ regels: { kiesgerechtigden: { soort: 'tafel' } } });
    expect(dataOf(await ask<StemmingList>(STEMMING_SUBJECTS.list, { vraagstukId: v.id })).items).toEqual([s, tafel]);
    expect(dataOf(await ask<StemmingList>(STEMMING_SUBJECTS.list, { vraagstukId: agenda.id })).items).toEqual([]);
  });

  it('casts once per person: receipt, retry with the same key, eligibility, opening and closing time, results hidden until closed', async () => {
    const s = await stemming();
    const kiezer = await actor(['inwoner'], { gebied: 'BU06370101' }); // a buurt in the wijk
    expect(errorOf(await stem(s.id, kiezer, { snelheid: 'dertig' }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('opent pas') });
    vooruit = 1.5 * UUR;

    expect(errorOf(await stem(s.id, undefined, { snelheid: 'dertig' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await ask(STEMMING_SUBJECTS.stemmen, { stemmingId: s.id, stembiljet: { antwoorden: {} } }, kiezer))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await stem(s.id, kiezer, { snelheid: 'dertig' }, 'kort'))).toMatchObject({ code: 'VALIDATION_FAILED' });
    // Eligibility: not verified, verified elsewhere, another gemeente.
    expect(errorOf(await stem(s.id, await actor(['inwoner']), { snelheid: 'dertig' }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('geverifieerde') });
    expect(errorOf(await stem(s.id, await actor(['inwoner'], { gebied: 'WK063702' }), { snelheid: 'dertig' }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('ander gebied') });
    const elders = await actor(['inwoner'], { gemeente: B, gebied: 'WK051801' });
    const eldersAntwoord = await request(STEMMING_SUBJECTS.stemmen, { stemmingId: s.id, idempotencyKey: randomUUID(), stembiljet: { antwoorden: {} } }, {
      [CONTEXT_HEADERS.gemeente]: B,
      [CONTEXT_HEADERS.authorization]: `Bearer ${elders.token}`,
    }, { nc });
    expect(errorOf(eldersAntwoord)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('andere gemeente') });
    expect(errorOf(await stem(s.id, kiezer, { snelheid: 'zestig' })).invalidParams).toEqual([expect.objectContaining({ name: 'stembiljet.antwoorden.snelheid' })]);
    expect(await tel('stemregister', s.id)).toBe(0);

    const sleutel = randomUUID();
    const eerste = dataOf(await stem(s.id, kiezer, { snelheid: 'dertig', wanneer: null }, sleutel));
    expect(eerste).toEqual({ bonnetje: expect.stringMatching(BONNETJE_PATTERN), herhaald: false });
    expect(dataOf(await stem(s.id, kiezer, { snelheid: 'dertig', wanneer: null }, sleutel))).toEqual({ bonnetje: eerste.bonnetje, herhaald: true });
    expect(errorOf(await stem(s.id, kiezer, { snelheid: 'vijftig' }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('al gestemd') });
    expect([await tel('stemregister', s.id), await tel('stembiljet', s.id), await tel('bonnetje', s.id)]).toEqual([1, 1, 1]);

    expect(errorOf(await ask(STEMMING_SUBJECTS.uitslag, { stemmingId: s.id }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('geheim') });
    expect(errorOf(await ask(STEMMING_SUBJECTS.export, { stemmingId: s.id }))).toMatchObject({ code: 'CONFLICT' });
    expect(errorOf(await ask(STEMMING_SUBJECTS.exportPagina, { stemmingId: s.id, lijst: 'bonnetjes' }))).toMatchObject({ code: 'CONFLICT' });
    expect(errorOf(await ask(STEMMING_SUBJECTS.sluiten, { stemmingId: s.id }, ambtenaar))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('pas daarna') });
    expect(errorOf(await ask(STEMMING_SUBJECTS.sluiten, { stemmingId: s.id }, kiezer))).toMatchObject({ code: 'FORBIDDEN' });

    vooruit = 2.5 * UUR;
    expect(errorOf(await stem(s.id, await actor(['inwoner'], { gebied: 'WK063701' }), { snelheid: 'dertig' }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('gesloten') });
    const since = await streamLastSeq(nc);
    const uitslag = dataOf(await ask<StemmingUitslag>(STEMMING_SUBJECTS.sluiten, { stemmingId: s.id }, ambtenaar));
    expect(uitslag.procesVerbaal).toMatchObject({ aantalKiezers: 1, aantalKiesgerechtigden: 250, opkomstPercentage: 0.4 });
    expect(uitslag.procesVerbaal.vragen[0]).toMatchObject({ opties: [{ optieId: 'dertig', stemmen: 1 }, { optieId: 'vijftig', stemmen: 0 }], blanco: 0, ongeldig: 0 });
    expect(uitslag.procesVerbaal.vragen[1]).toMatchObject({ blanco: 1 });
    expect(dataOf(await ask<StemmingUitslag>(STEMMING_SUBJECTS.uitslag, { stemmingId: s.id }))).toEqual(uitslag);
    expect(errorOf(await ask(STEMMING_SUBJECTS.sluiten, { stemmingId: s.id }, ambtenaar))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('al gesloten') });
    const entry = (await samenspreker.get(Tijdlijn).lees(s.vraagstukId, { limiet: 100 })).find((e) => e.soort === 'stemming-gesloten');
    expect(entry?.gegevens).toMatchObject({ stemmingId: s.id, procesVerbaalHash: uitslag.procesVerbaalHash });
    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(nc, since)).filter((e) => e.subject === STEMMING_EVENTS.gesloten && e.event?.subject === s.id);
        return found.length ? found : undefined;
      },
      { what: 'stemming-gesloten' },
    );
    expect(events[0]?.event?.data).toEqual({ id: s.id, vraagstukId: s.vraagstukId, gemeente: A, procesVerbaal: uitslag.procesVerbaal, procesVerbaalHash: uitslag.procesVerbaalHash });
    // A page token is one the export gave for that list, nothing else (400, nothing read).
    const { uitvoer } = await exportOverNats(s.id);
    expect(hertel(uitvoer, eerste.bonnetje)).toMatchObject({ klopt: true, bonnetje: 'gevonden' });
    for (const [lijst, na] of [['stembiljetten', Buffer.from(eerste.bonnetje).toString('base64url')], ['bonnetjes', 'bm9n/ZWVu'], ['onzin', undefined]] as const) {
      expect(errorOf(await ask(STEMMING_SUBJECTS.exportPagina, { stemmingId: s.id, lijst, ...(na ? { na } : {}) }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  it('keeps the default export page well under the NATS max payload of the server', () => {
    // The page budget and the envelope of its reply, against what this nats-server accepts (1 MiB unless configured).
    expect(new SamensprekerEnv().STEMMING_EXPORT_PAGINA_BYTES + 1024).toBeLessThan(0.6 * nc.info!.max_payload);
  });

  it('withdraws a stemming before its opening, with a public reason: by staff or the voorzitter; it then never opens, takes no votes and is never closed', async () => {
    const v = await vraagstukInBesluitvorming();
    const s = await stemming({}, v.id);
    const inwoner = await actor(['inwoner']);
    /** `null`: without a motivatie. */
    const intrekken = (stemmingId: string, as?: Actor, motivatie: unknown = 'De vraag was onduidelijk gesteld.') =>
      ask<StemmingView>(STEMMING_SUBJECTS.intrekken, { stemmingId, ...(motivatie === null ? {} : { motivatie }) }, as);
    expect(errorOf(await intrekken(s.id))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await intrekken(s.id, inwoner))).toMatchObject({ code: 'FORBIDDEN' });
    for (const motivatie of [null, '', '   ', 'x'.repeat(2001), 7]) {
      expect(new Set(errorOf(await intrekken(s.id, ambtenaar, motivatie)).invalidParams?.map((p) => p.name))).toEqual(new Set(['motivatie']));
    }
    expect(errorOf(await intrekken(randomUUID(), ambtenaar))).toMatchObject({ code: 'NOT_FOUND' });
    expect(dataOf(await ask<StemmingView>(STEMMING_SUBJECTS.get, { stemmingId: s.id })).status).toBe('gepubliceerd');

    const since = await streamLastSeq(nc);
    const ingetrokken = dataOf(await intrekken(s.id, ambtenaar));
    expect(ingetrokken).toEqual({ ...s, status: 'ingetrokken', intrekking: { motivatie: 'De vraag was onduidelijk gesteld.', tijdstip: expect.any(String) } });
    expect(dataOf(await ask<StemmingView>(STEMMING_SUBJECTS.get, { stemmingId: s.id }))).toEqual(ingetrokken);
    const entry = (await samenspreker.get(Tijdlijn).lees(v.id, { limiet: 100 })).find((e) => e.soort === 'stemming-ingetrokken');
    expect(entry?.gegevens).toEqual({ stemmingId: s.id, titel: s.regels.titel, motivatie: 'De vraag was onduidelijk gesteld.' });
    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(nc, since)).filter((e) => e.subject === STEMMING_EVENTS.ingetrokken && e.event?.subject === s.id);
        return found.length ? found : undefined;
      },
      { what: 'stemming-ingetrokken' },
    );
    expect(events[0]?.event?.data).toEqual({ id: s.id, vraagstukId: v.id, gemeente: A, motivatie: 'De vraag was onduidelijk gesteld.' });
    expect(errorOf(await intrekken(s.id, ambtenaar))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('al ingetrokken'), toegestaan: [] });

    // Past its opening and its closing: no votes, no closing (by staff or the sweep), no result.
    vooruit = 1.5 * UUR;
    const kiezer = await actor(['inwoner'], { gebied: 'WK063701' });
    expect(errorOf(await stem(s.id, kiezer, { snelheid: 'dertig' }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('ingetrokken') });
    const batch = { stemmingId: s.id, batchnummer: 'I-1', aantal: 1, kiezers: [randomUUID()], stembiljetten: [{ antwoorden: { snelheid: 'dertig' } }] };
    expect(errorOf(await ask(STEMMING_SUBJECTS.papierInvoeren, batch, ambtenaar))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('ingetrokken') });
    vooruit = 2.5 * UUR;
    expect(errorOf(await ask(STEMMING_SUBJECTS.sluiten, { stemmingId: s.id }, ambtenaar))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('ingetrokken') });
    expect(await samenspreker.get(StemmingService).sluitVerlopen()).not.toContain(s.id);
    for (const [subject, vraag] of [
      [STEMMING_SUBJECTS.uitslag, {}],
      [STEMMING_SUBJECTS.export, {}],
      [STEMMING_SUBJECTS.exportPagina, { lijst: 'stembiljetten' }],
    ] as const) {
      expect(errorOf(await ask(subject, { stemmingId: s.id, ...vraag }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('ingetrokken') });
    }
    expect([await tel('stemregister', s.id), await tel('stembiljet', s.id), await tel('bonnetje', s.id)]).toEqual([0, 0, 0]);
    expect(dataOf(await ask<StemmingView>(STEMMING_SUBJECTS.get, { stemmingId: s.id })).status).toBe('ingetrokken');

    // The voorzitter may withdraw too, as they may publish; after the opening nobody can, and toegestaan says what can.
    const voorzitter = await actor(['inwoner']);
    await withClient('samenspreker', (c) =>
      c.query(`insert into samenspreker.deelnemer (id, vraagstuk_id, gemeente, account_id, rol, segment, status, sinds) values ($1, $2, $3, $4, 'voorzitter', 'inwoner', 'actief', now())`, [
        randomUUID(),
        v.id,
        A,
        voorzitter.accountId,
      ]),
    );
    const tweede = await stemming({}, v.id);
    expect(dataOf(await intrekken(tweede.id, voorzitter))).toMatchObject({ status: 'ingetrokken' });
    const derde = await stemming({ kanalen: ['digitaal'] }, v.id);
    vooruit = 1.5 * UUR;
    expect(errorOf(await intrekken(derde.id, ambtenaar))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('alleen vóór de opening'), toegestaan: ['stemmen'] });
    dataOf(await stem(derde.id, kiezer, { snelheid: 'dertig' }));
    vooruit = 2.5 * UUR;
    expect(errorOf(await intrekken(derde.id, ambtenaar)).toegestaan).toEqual(['sluiten']);
    dataOf(await ask(STEMMING_SUBJECTS.sluiten, { stemmingId: derde.id }, ambtenaar));
    expect(errorOf(await intrekken(derde.id, voorzitter))).toMatchObject({ code: 'CONFLICT', toegestaan: ['uitslag', 'export'] });

    // The database holds it too: a withdrawn stemming never changes again, and one with votes is never withdrawn.
    const vierde = await stemming({}, v.id);
    vooruit = 1.5 * UUR;
    dataOf(await stem(vierde.id, kiezer, { snelheid: 'vijftig' }));
    await withClient('samenspreker', async (c) => {
      await expect(c.query(`update samenspreker.stemming set status = 'gepubliceerd', intrekking_motivatie = null, ingetrokken_tijdstip = null where id = $1`, [s.id])).rejects.toThrow(
        /ingetrokken stemming verandert niet meer/,
      );
      await expect(c.query(`update samenspreker.stemming set status = 'ingetrokken', intrekking_motivatie = 'x', ingetrokken_tijdstip = now() where id = $1`, [vierde.id])).rejects.toThrow(
        /waarin gestemd is/,
      );
      await expect(c.query(`update samenspreker.stemming set status = 'ingetrokken' where id = $1`, [tweede.id])).rejects.toThrow(/ingetrokken stemming verandert niet meer/);
    });
  });

  it('takes paper batches that reconcile, refuses the whole batch when a kiezer already voted, and counts paper receipts', async () => {
    const s = await stemming();
    vooruit = 1.5 * UUR;
    const digitaal = await actor(['inwoner'], { gebied: 'WK063701' });
    dataOf(await stem(s.id, digitaal, { snelheid: 'vijftig' }));
    const kiezers = [randomUUID(), randomUUID(), digitaal.accountId];
    const biljetten = [{ antwoorden: { snelheid: 'dertig' } }, { antwoorden: { snelheid: ['dertig', 'vijftig'] } }, { antwoorden: { snelheid: 'dertig' } }];
    const batch = (over: Record<string, unknown> = {}) => ({ stemmingId: s.id, batchnummer: 'B-1', aantal: 3, kiezers, stembiljetten: biljetten, ...over });

    expect(errorOf(await ask(STEMMING_SUBJECTS.papierInvoeren, batch(), await actor(['inwoner'])))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await ask(STEMMING_SUBJECTS.papierInvoeren, batch({ aantal: 4 }), ambtenaar)).invalidParams).toEqual([
      expect.objectContaining({ name: 'kiezers', code: 'aantalKlopt' }),
      expect.objectContaining({ name: 'stembiljetten', code: 'aantalKlopt' }),
    ]);
    expect(errorOf(await ask(STEMMING_SUBJECTS.papierInvoeren, batch({ stembiljetten: [...biljetten.slice(0, 2), { antwoorden: { kleur: 'rood' } }] }), ambtenaar))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const dubbel = errorOf(await ask(STEMMING_SUBJECTS.papierInvoeren, batch(), ambtenaar));
    expect(dubbel).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(digitaal.accountId) });
    expect(dubbel.message).not.toContain(kiezers[0]);
    // Nothing of a refused batch is stored.
    expect([await tel('stemregister', s.id), await tel('stembiljet', s.id), await tel('bonnetje', s.id), await tel('papieren_batch', s.id)]).toEqual([1, 1, 1, 0]);

    // The envelope set aside, the batch again.
    const ontvangst = dataOf(
      await ask<PapierenBatchOntvangst>(STEMMING_SUBJECTS.papierInvoeren, batch({ aantal: 2, kiezers: kiezers.slice(0, 2), stembiljetten: biljetten.slice(0, 2), terzijdeGelegd: 1 }), ambtenaar),
    );
    const entry = (await samenspreker.get(Tijdlijn).lees(s.vraagstukId, { limiet: 100 })).find((e) => e.soort === 'stemming-papier-ingevoerd');
    expect(entry?.gegevens).toEqual({ stemmingId: s.id, batchnummer: 'B-1', aantal: 2, terzijdeGelegd: 1 });
    expect(ontvangst).toEqual({ stemmingId: s.id, batchnummer: 'B-1', aantal: 2, bonnetjes: [expect.stringMatching(BONNETJE_PATTERN), expect.stringMatching(BONNETJE_PATTERN)] });
    expect(errorOf(await ask(STEMMING_SUBJECTS.papierInvoeren, batch({ aantal: 1, kiezers: [randomUUID()], stembiljetten: biljetten.slice(0, 1) }), ambtenaar))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('al ingevoerd'),
    });
    // A paper voter cannot vote digitally afterwards either (the register knows nothing of tokens; a token for that account says who it is).
    expect([await tel('stemregister', s.id), await tel('stembiljet', s.id), await tel('bonnetje', s.id)]).toEqual([3, 3, 3]);

    vooruit = 2.5 * UUR;
    // Closing counts and commits first, then shuffles the box in a transaction of its own. Should that
    // shuffle fail, the result stands, the export waits for it, and the sweep shuffles it after all.
    const schud = jest.spyOn(samenspreker.get(Stembus), 'schud').mockRejectedValueOnce(new Error('het schudden valt uit'));
    const uitslag = dataOf(await ask<StemmingUitslag>(STEMMING_SUBJECTS.sluiten, { stemmingId: s.id }, ambtenaar));
    expect(schud).toHaveBeenCalledTimes(1);
    // Two crosses on paper: invalid for that question, counted, not thrown away.
    expect(uitslag.procesVerbaal.vragen[0]).toMatchObject({ opties: [{ optieId: 'dertig', stemmen: 1 }, { optieId: 'vijftig', stemmen: 1 }], ongeldig: 1 });
    expect(dataOf(await ask<StemmingUitslag>(STEMMING_SUBJECTS.uitslag, { stemmingId: s.id }))).toEqual(uitslag);
    expect(errorOf(await ask(STEMMING_SUBJECTS.export, { stemmingId: s.id }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('geschud'), toegestaan: ['uitslag'] });
    await samenspreker.get(StemmingService).sluitVerlopen();
    expect(schud.mock.calls.filter(([, id]) => id === s.id)).toHaveLength(2);
    schud.mockRestore();
    await withClient('samenspreker', async (c) => {
      const { rows } = await c.query(`select geschud_tijdstip from samenspreker.stemming where id = $1`, [s.id]);
      expect(rows[0].geschud_tijdstip).toBeInstanceOf(Date);
      await expect(c.query(`update samenspreker.stemming set geschud_tijdstip = now() where id = $1`, [s.id])).rejects.toThrow(/gesloten stemming verandert niet meer/);
    });
    const { uitvoer } = await exportOverNats(s.id);
    expect(hertel(uitvoer, ontvangst.bonnetjes[0])).toMatchObject({ klopt: true, bonnetje: 'gevonden' });
  });

  it('counts a table vote among the deelnemers, closes by the sweep, and applies quorum and threshold (exactly 50% does not bind)', async () => {
    const v = await vraagstukInBesluitvorming();
    const jaNee = [{ id: 'besluit', tekst: 'Doen?', opties: [{ id: 'ja', tekst: 'Ja' }, { id: 'nee', tekst: 'Nee' }] }];
    const quorum = await stemming({ soort: 'bindend', vragen: jaNee, opkomstquorumPercentage: 50, aantalKiesgerechtigden: 10 }, v.id);
    const helft = await stemming({ soort: 'bindend', vragen: jaNee, opkomstquorumPercentage: 0, aantalKiesgerechtigden: 10 }, v.id);
    const tafel = await stemming({ kiesgerechtigden: { soort: 'tafel' }, aantalKiesgerechtigden: undefined, vragen: jaNee }, v.id);
    vooruit = 1.5 * UUR;
    const [k1, k2] = [await actor(['inwoner'], { gebied: 'WK063701' }), await actor(['inwoner'], { gebied: 'WK063701' })];
    for (const s of [quorum, helft]) {
      dataOf(await stem(s.id, k1, { besluit: 'ja' }));
      dataOf(await stem(s.id, k2, { besluit: 'nee' }));
    }
    expect(errorOf(await stem(tafel.id, k1, { besluit: 'ja' }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('tafel') });
    const initiatiefnemer = (await withClient('admin', (c) => c.query(`select account_id from samenspreker.deelnemer where vraagstuk_id = $1 and rol = 'initiatiefnemer'`, [v.id]))).rows[0]
      .account_id as string;
    const { accessToken } = await identity.get(TokenIssuer).issueAccessToken({ accountId: initiatiefnemer, rollen: ['inwoner'], segment: 'inwoner', gemeente: A, amr: ['pwd'] });
    dataOf(await stem(tafel.id, { accountId: initiatiefnemer, token: accessToken }, { besluit: 'ja' }));

    vooruit = 2.5 * UUR;
    const gesloten = await samenspreker.get(StemmingService).sluitVerlopen();
    expect(gesloten).toEqual(expect.arrayContaining([quorum.id, helft.id, tafel.id]));
    const uitslag = async (id: string) => dataOf(await ask<StemmingUitslag>(STEMMING_SUBJECTS.uitslag, { stemmingId: id })).procesVerbaal;
    expect((await uitslag(quorum.id)).vragen[0]!.uitkomst).toMatchObject({ bindend: false, reden: 'quorum-niet-gehaald' });
    expect(await uitslag(quorum.id)).toMatchObject({ quorumGehaald: false, opkomstPercentage: 20 });
    expect((await uitslag(helft.id)).vragen[0]!.uitkomst).toMatchObject({ bindend: false, reden: 'geen-optie-boven-drempel' });
    // The table: the initiatiefnemer and the voorzitter-less table of one deelnemer.
    expect(await uitslag(tafel.id)).toMatchObject({ aantalKiesgerechtigden: 1, aantalKiezers: 1, vragen: [{ opties: [{ optieId: 'ja', stemmen: 1 }, { optieId: 'nee', stemmen: 0 }] }] });
  });

  it('500 concurrent casts with retries and duplicates from 200 voters, some on paper: 200 ballots, the recount agrees, and the database links no ballot to anyone', async () => {
    const s = await stemming();
    vooruit = 1.5 * UUR;
    const kiezers = await Promise.all(Array.from({ length: 200 }, () => actor(['inwoner'], { gebied: 'WK063701' })));
    const keuze = (i: number) => ({ snelheid: ['dertig', 'vijftig', null][i % 3], wanneer: ['nu', 'later'][i % 2] });
    const sleutels = kiezers.map(() => randomUUID());

    // Digital: 160 voters; each casts, retries with the same key twice (or once), some again with a new key;
    // ten paper voters also try digitally, racing their own batch. 500 casts in all.
    const casts: Array<{ i: number; sleutel: string }> = [];
    for (let i = 0; i < 160; i++) casts.push({ i, sleutel: sleutels[i]! }, { i, sleutel: sleutels[i]! });
    for (let i = 0; i < 130; i++) casts.push({ i, sleutel: sleutels[i]! });
    for (let i = 0; i < 40; i++) casts.push({ i, sleutel: randomUUID() });
    for (let i = 160; i < 170; i++) casts.push({ i, sleutel: sleutels[i]! });
    expect(casts).toHaveLength(500);
    casts.sort(() => Math.random() - 0.5);

    /** The ambtenaar enters a batch; envelopes of kiezers who voted digitally meanwhile are set aside. */
    async function papier(batchnummer: string, indices: number[]): Promise<PapierenBatchOntvangst> {
      let rest = indices;
      for (;;) {
        const antwoord = await ask<PapierenBatchOntvangst>(
          STEMMING_SUBJECTS.papierInvoeren,
          { stemmingId: s.id, batchnummer, aantal: rest.length, kiezers: rest.map((i) => kiezers[i]!.accountId), stembiljetten: rest.map((i) => ({ antwoorden: keuze(i) })) },
          ambtenaar,
          A,
          30_000,
        );
        if ('data' in antwoord) return antwoord.data;
        const fout = errorOf(antwoord);
        expect(fout.code).toBe('CONFLICT');
        rest = rest.filter((i) => !fout.message.includes(kiezers[i]!.accountId));
      }
    }

    const start = Date.now();
    const [antwoorden, ...batches] = await Promise.all([
      Promise.all(casts.map(async ({ i, sleutel }) => ({ i, sleutel, antwoord: await stem(s.id, kiezers[i], keuze(i), sleutel) }))),
      papier('P-1', Array.from({ length: 20 }, (_, j) => 160 + j)),
      papier('P-2', Array.from({ length: 20 }, (_, j) => 180 + j)),
    ]);
    const duur = Date.now() - start;

    const perKiezer = new Map<number, Set<string>>();
    const perSleutel = new Map<string, Set<string>>();
    for (const { i, sleutel, antwoord } of antwoorden) {
      if ('error' in antwoord) {
        expect(antwoord.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('al gestemd') });
        continue;
      }
      perKiezer.set(i, (perKiezer.get(i) ?? new Set()).add(antwoord.data.bonnetje));
      perSleutel.set(sleutel, (perSleutel.get(sleutel) ?? new Set()).add(antwoord.data.bonnetje));
    }
    // Every digital voter got a receipt, one receipt however often they retried.
    for (let i = 0; i < 160; i++) expect([i, perKiezer.get(i)?.size]).toEqual([i, 1]);
    for (const bonnetjes of perSleutel.values()) expect(bonnetjes.size).toBe(1);
    const papierBonnetjes = batches.flatMap((b) => b.bonnetjes);
    const digitaalBonnetjes = [...perKiezer.values()].flatMap((b) => [...b]);
    expect(digitaalBonnetjes.length + papierBonnetjes.length).toBe(200);
    expect([await tel('stemregister', s.id), await tel('stembiljet', s.id), await tel('bonnetje', s.id), await tel('stem_idempotentie', s.id)]).toEqual([
      200,
      200,
      200,
      digitaalBonnetjes.length,
    ]);

    const bestanden = async (c: { query: (sql: string) => Promise<{ rows: Array<{ f: string }> }> }) =>
      (await c.query(`select pg_relation_filenode('samenspreker.stembiljet')::text as f union all select pg_relation_filenode('samenspreker.bonnetje')::text`)).rows.map((r) => r.f);
    // Before closing: the heap order of the ballot box is (roughly) the order of casting.
    const voorSluiting = await withClient('admin', async (c) => {
      const idempotentie = (await c.query(`select * from samenspreker.stem_idempotentie where stemming_id = $1`, [s.id])).rows;
      const volgorde = (await c.query(`select id from samenspreker.stembiljet where stemming_id = $1 order by ctid`, [s.id])).rows.map((r) => r.id as string);
      // The hidden column that would give it away: a ballot carries the transaction id of its cast, as does its register row.
      const registerXmin = (await c.query(`select xmin::text as x from samenspreker.stemregister where stemming_id = $1`, [s.id])).rows.map((r) => r.x as string);
      const biljetXmin = (await c.query(`select xmin::text as x from samenspreker.stembiljet where stemming_id = $1`, [s.id])).rows.map((r) => r.x as string);
      expect(biljetXmin.some((x) => registerXmin.includes(x))).toBe(true);
      return { idempotentie: JSON.stringify(idempotentie), volgorde, registerXmin, bestanden: await bestanden(c) };
    });
    for (const bonnetje of digitaalBonnetjes) expect(voorSluiting.idempotentie).not.toContain(bonnetje);

    vooruit = 2.5 * UUR;
    const uitslag = dataOf(await ask<StemmingUitslag>(STEMMING_SUBJECTS.sluiten, { stemmingId: s.id }, ambtenaar, A, 30_000));
    const verwacht = { dertig: 0, vijftig: 0, blanco: 0, nu: 0, later: 0 };
    for (let i = 0; i < 200; i++) {
      const k = keuze(i);
      verwacht[(k.snelheid ?? 'blanco') as 'dertig']++;
      verwacht[k.wanneer as 'nu']++;
    }
    expect(uitslag.procesVerbaal).toMatchObject({ aantalKiezers: 200, aantalKiesgerechtigden: 250, opkomstPercentage: 80 });
    expect(uitslag.procesVerbaal.vragen.map((v) => [...v.opties.map((o) => o.stemmen), v.blanco, v.ongeldig])).toEqual([
      [verwacht.dertig, verwacht.vijftig, verwacht.blanco, 0],
      [verwacht.nu, verwacht.later, 0, 0],
    ]);
    // The export over NATS in pages (of PAGINA_BYTES here), recounted from the pages put together.
    const { uitvoer, paginas } = await exportOverNats(s.id);
    expect(paginas.stembiljetten).toBeGreaterThan(1);
    expect(paginas.bonnetjes).toBeGreaterThan(1);
    expect(uitvoer.stembiljetten).toHaveLength(200);
    const hertelling = hertel(uitvoer);
    expect(hertelling).toMatchObject({ klopt: true, fouten: [] });
    expect(hertelling.procesVerbaal).toEqual(uitslag.procesVerbaal);
    expect(hertelling.hash).toBe(uitslag.procesVerbaalHash);
    expect(new Set(uitvoer.bonnetjes)).toEqual(new Set([...digitaalBonnetjes, ...papierBonnetjes]));

    // Secrecy, from the database contents alone.
    const accountIds = kiezers.map((k) => k.accountId);
    const bonnetjes = [...digitaalBonnetjes, ...papierBonnetjes];
    await withClient('admin', async (c) => {
      const kolommen = async (tabel: string) =>
        (await c.query(`select column_name, data_type, column_default from information_schema.columns where table_schema = 'samenspreker' and table_name = $1 order by column_name`, [tabel])).rows;
      expect((await kolommen('stembiljet')).map((k) => k.column_name)).toEqual(['biljet', 'id', 'stemming_id']);
      expect((await kolommen('bonnetje')).map((k) => k.column_name)).toEqual(['code', 'stemming_id']);
      expect((await kolommen('stemregister')).map((k) => k.column_name)).toEqual(['account_id', 'kanaal', 'stemming_id']);
      for (const tabel of ['stembiljet', 'bonnetje', 'stemregister', 'stem_idempotentie']) {
        for (const k of await kolommen(tabel)) {
          expect([tabel, k.column_name, k.data_type]).not.toEqual([tabel, k.column_name, expect.stringMatching(/time|date|serial/)]);
          expect([tabel, k.column_name, String(k.column_default)]).not.toEqual([tabel, k.column_name, expect.stringContaining('nextval')]);
        }
      }
      const rijen = async (sql: string, ...params: unknown[]) => JSON.stringify((await c.query(sql, params)).rows);
      const stembus = await rijen(`select * from samenspreker.stembiljet where stemming_id = $1`, s.id);
      const bonnetjesTabel = await rijen(`select * from samenspreker.bonnetje where stemming_id = $1`, s.id);
      const register = await rijen(`select * from samenspreker.stemregister where stemming_id = $1`, s.id);
      const outbox = await rijen(`select * from samenspreker.outbox`);
      const tijdlijn = await rijen(`select * from samenspreker.tijdlijn_entry where vraagstuk_id = $1`, s.vraagstukId);
      for (const id of accountIds) {
        for (const [naam, inhoud] of [['stembus', stembus], ['bonnetjes', bonnetjesTabel], ['outbox', outbox], ['tijdlijn', tijdlijn]] as const) {
          expect([naam, inhoud.includes(id)]).toEqual([naam, false]);
        }
        expect(register).toContain(id);
      }
      for (const code of bonnetjes) {
        for (const [naam, inhoud] of [['register', register], ['outbox', outbox], ['tijdlijn', tijdlijn], ['stembus', stembus]] as const) {
          expect([naam, inhoud.includes(code)]).toEqual([naam, false]);
        }
      }
      expect(register).not.toMatch(/dertig|vijftig|later/);
      // The retry records are gone with the closing.
      expect(await tel('stem_idempotentie', s.id)).toBe(0);
      // The heap was rewritten in the order of the random ids: nothing of the casting order is left.
      const naSluiting = (await c.query(`select id from samenspreker.stembiljet where stemming_id = $1 order by ctid`, [s.id])).rows.map((r) => r.id as string);
      expect(naSluiting).toHaveLength(200);
      expect(naSluiting).toEqual([...naSluiting].sort());
      expect(naSluiting.filter((id) => voorSluiting.volgorde.includes(id))).toEqual([]);
      // Every ballot and receipt now carries the closing transaction's id, which no register row has.
      for (const tabel of ['stembiljet', 'bonnetje']) {
        const xmins = new Set((await c.query(`select xmin::text as x from samenspreker.${tabel} where stemming_id = $1`, [s.id])).rows.map((r) => r.x as string));
        expect([tabel, xmins.size]).toEqual([tabel, 1]);
        expect(voorSluiting.registerXmin.filter((x) => xmins.has(x))).toEqual([]);
      }
      // Not even a superuser's look at the raw pages finds the originals: the files were rewritten.
      expect((await bestanden(c)).filter((f) => voorSluiting.bestanden.includes(f))).toEqual([]);
    });
    // Outside closing, not even the service role removes or changes a ballot or a receipt.
    await withClient('samenspreker', async (c) => {
      await expect(c.query(`delete from samenspreker.stembiljet where stemming_id = $1`, [s.id])).rejects.toThrow(/append-only/);
      await expect(c.query(`update samenspreker.bonnetje set code = code where stemming_id = $1`, [s.id])).rejects.toThrow(/append-only/);
      await expect(c.query(`delete from samenspreker.stemregister where stemming_id = $1`, [s.id])).rejects.toThrow(/append-only/);
    });
    // Seconds, not minutes: one short transaction per cast (about 6 s here; generous for a loaded CI machine — a deadlock would hang far longer).
    expect(duur).toBeLessThan(60_000);
  }, 120_000);

  it('closing while casts are in flight: every cast that got a receipt is counted, every later one is refused', async () => {
    const s = await stemming();
    vooruit = 1.5 * UUR;
    const kiezers = await Promise.all(Array.from({ length: 150 }, () => actor(['inwoner'], { gebied: 'WK063701' })));
    const casts = kiezers.map((k) => stem(s.id, k, { snelheid: 'dertig' }));
    // The clock passes the closing time once the first casts are in, while the others are on their way.
    await pollUntil(async () => (await tel('stemregister', s.id)) >= 5, { what: 'first casts in', intervalMs: 2 });
    vooruit = 2.5 * UUR;
    const [uitslag, ...antwoorden] = await Promise.all([ask<StemmingUitslag>(STEMMING_SUBJECTS.sluiten, { stemmingId: s.id }, ambtenaar, A, 30_000), ...casts]);
    const geteld = antwoorden.filter((a) => 'data' in a).length;
    for (const a of antwoorden) if ('error' in a) expect(a.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('gesloten') });
    // Some were in before the closing, the rest came too late: the race really happened.
    expect(geteld).toBeGreaterThanOrEqual(5);
    expect(geteld).toBeLessThan(150);
    expect(dataOf(uitslag).procesVerbaal.aantalKiezers).toBe(geteld);
    expect([await tel('stemregister', s.id), await tel('stembiljet', s.id)]).toEqual([geteld, geteld]);
  });

  it('rewrites the ballot box after closing without queueing every cast behind a long read: the rewrite steps back and tries again', async () => {
    // A long read (an old-style export, a dump) holds the ballot box table. A CLUSTER queued behind it
    // would make every later cast and read wait for that read to end; with its lock_timeout it steps
    // back every 2 s, lets them through, and rewrites once the read is done.
    const lezer = await pgClient('admin');
    const ander = await pgClient('admin');
    // Should the rewrite not step back, this read would wait for it: it gives up after 5 s instead of hanging the test.
    await ander.query(`set statement_timeout = '5s'`);
    let herschrijven: Promise<number> | undefined;
    try {
      await lezer.query('begin');
      await lezer.query('select count(*) from samenspreker.stembiljet');
      const start = Date.now();
      let klaar = false;
      herschrijven = samenspreker
        .get(Stembus)
        .herschrijf(samenspreker.get(EntityManager))
        .then(() => {
          klaar = true;
          return Date.now() - start;
        });
      await new Promise((r) => setTimeout(r, 300));
      const t0 = Date.now();
      await ander.query('select count(*) from samenspreker.stembiljet');
      // Waited for at most one lock_timeout (2 s), not for the 6 s read.
      expect(Date.now() - t0).toBeLessThan(4_000);
      await new Promise((r) => setTimeout(r, Math.max(0, 6_000 - (Date.now() - start))));
      expect(klaar).toBe(false);
      await lezer.query('commit');
      expect(await herschrijven).toBeGreaterThanOrEqual(6_000);
    } finally {
      await lezer.query('rollback').catch(() => undefined);
      await herschrijven?.catch(() => undefined);
      await lezer.end();
      await ander.end();
    }
  }, 30_000);

  it('answers over HTTP: publish, rules, cast (201, then 200 with the same body), 400 without Idempotency-Key, results 409 until closed', async () => {
    const env = loadEnv(GatewayEnv, { NODE_ENV: 'test', NATS_URL: testEnv().natsUrl, LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent', RATE_LIMIT_PER_MINUTE: '1000000' });
    const gateway = await createGateway(env);
    try {
      await gateway.listen(0, '127.0.0.1');
      const base = (await gateway.getUrl()).replace(/\/+$/, '');
      await pollUntil(async () => (await fetch(`${base}/health/live`)).status === 200, { what: 'gateway live' });
      const http = (pad: string, als?: Actor, body?: unknown, headers: Record<string, string> = {}) =>
        fetch(`${base}/api/v1${pad}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { 'Samen-Gemeente': A, ...(als ? { authorization: `Bearer ${als.token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });

      const v = await vraagstukInBesluitvorming();
      vooruit = 0;
      const { vraagstukId: _, ...body } = regels(v.id);
      const aangemaakt = await http(`/vraagstukken/${v.id}/stemmingen`, ambtenaar, body);
      expect(aangemaakt.status).toBe(201);
      const s = (await aangemaakt.json()) as StemmingView;
      expect(await (await http(`/stemmingen/${s.id}`)).json()).toEqual(s);
      expect(await (await http(`/vraagstukken/${v.id}/stemmingen`)).json()).toEqual({ stemmingen: [s] });
      expect((await http(`/vraagstukken/${randomUUID()}/stemmingen`)).status).toBe(404);
      expect((await http(`/vraagstukken/${v.id}/stemmingen`, ambtenaar, { ...body, onbekend: 1 })).status).toBe(400);

      // Withdrawing: 400 without a reason, 200 with the stemming, then 409 problem+json with toegestaan.
      const fout = (await (await http(`/vraagstukken/${v.id}/stemmingen`, ambtenaar, body)).json()) as StemmingView;
      expect((await http(`/stemmingen/${fout.id}/_intrekken`, ambtenaar, {})).status).toBe(400);
      expect((await http(`/stemmingen/${fout.id}/_intrekken`, undefined, { motivatie: 'Fout.' })).status).toBe(401);
      const ingetrokken = await http(`/stemmingen/${fout.id}/_intrekken`, ambtenaar, { motivatie: 'Een fout in de vraag.' });
      expect([ingetrokken.status, await ingetrokken.json()]).toEqual([200, expect.objectContaining({ status: 'ingetrokken', intrekking: expect.objectContaining({ motivatie: 'Een fout in de vraag.' }) })]);
      const nogmaals = await http(`/stemmingen/${fout.id}/_intrekken`, ambtenaar, { motivatie: 'Nog eens.' });
      expect([nogmaals.status, nogmaals.headers.get('content-type'), await nogmaals.json()]).toEqual([
        409,
        expect.stringMatching(/^application\/problem\+json/),
        expect.objectContaining({ code: 'CONFLICT', toegestaan: [] }),
      ]);

      vooruit = 1.5 * UUR;
      const kiezer = await actor(['inwoner'], { gebied: 'WK063701' });
      const biljet = { antwoorden: { snelheid: 'dertig' } };
      const zonder = await http(`/stemmingen/${s.id}/stemmen`, kiezer, biljet);
      expect(zonder.status).toBe(400);
      expect(await zonder.json()).toMatchObject({ 'invalid-params': [expect.objectContaining({ name: 'Idempotency-Key' })] });
      const sleutel = randomUUID();
      const eerste = await http(`/stemmingen/${s.id}/stemmen`, kiezer, biljet, { 'Idempotency-Key': sleutel });
      expect(eerste.status).toBe(201);
      const bewijs = (await eerste.json()) as { bonnetje: string };
      expect(bewijs).toEqual({ bonnetje: expect.stringMatching(BONNETJE_PATTERN) });
      const opnieuw = await http(`/stemmingen/${s.id}/stemmen`, kiezer, biljet, { 'Idempotency-Key': sleutel });
      expect([opnieuw.status, await opnieuw.json()]).toEqual([200, bewijs]);
      const ander = await http(`/stemmingen/${s.id}/stemmen`, kiezer, biljet, { 'Idempotency-Key': randomUUID() });
      expect([ander.status, ander.headers.get('content-type')]).toEqual([409, expect.stringMatching(/^application\/problem\+json/)]);

      const papier = await http(`/stemmingen/${s.id}/papieren-stembiljetten`, ambtenaar, { batchnummer: 'H-1', aantal: 1, kiezers: [randomUUID()], stembiljetten: [biljet] });
      expect(papier.status).toBe(201);
      const honderd = Array.from({ length: 100 }, (_, i) => ({ antwoorden: { snelheid: i % 2 ? 'dertig' : 'vijftig', wanneer: i % 3 ? 'nu' : null } }));
      const stapel = await http(`/stemmingen/${s.id}/papieren-stembiljetten`, ambtenaar, { batchnummer: 'H-2', aantal: 100, kiezers: honderd.map(() => randomUUID()), stembiljetten: honderd });
      expect(stapel.status).toBe(201);
      expect((await http(`/stemmingen/${s.id}/uitslag`)).status).toBe(409);
      expect((await http(`/stemmingen/${s.id}/export`)).status).toBe(409);
      expect((await http(`/stemmingen/${s.id}/_sluit`, ambtenaar, {})).status).toBe(409);

      vooruit = 2.5 * UUR;
      const sluit = await http(`/stemmingen/${s.id}/_sluit`, ambtenaar, {});
      expect(sluit.status).toBe(200);
      const uitslag = (await sluit.json()) as StemmingUitslag;
      expect(uitslag.procesVerbaal.aantalKiezers).toBe(102);
      expect(await (await http(`/stemmingen/${s.id}/uitslag`)).json()).toEqual(uitslag);
      // The download streams the pages (PAGINA_BYTES: 42 ballots, 23 receipts each here) as one document.
      const download = await http(`/stemmingen/${s.id}/export`);
      expect([download.status, download.headers.get('content-type'), download.headers.get('api-version')]).toEqual([200, expect.stringMatching(/^application\/json/), expect.any(String)]);
      const uitvoer = (await download.json()) as StemmingExport;
      expect(hertel(uitvoer, bewijs.bonnetje)).toMatchObject({ klopt: true, bonnetje: 'gevonden', procesVerbaal: uitslag.procesVerbaal });
      expect(uitvoer.stembiljetten).toHaveLength(102);
      expect(paginaGrootte(s.regels, 'stembiljetten', PAGINA_BYTES)).toBeLessThan(50);
    } finally {
      await gateway.close();
    }
  });
});

