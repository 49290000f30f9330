import { randomUUID } from 'node:crypto';
import {
  AGENDERING_EVENTS,
  GEMEENTE_SUBJECTS,
  type Rol,
  type Segment,
  STEUN_SUBJECTS,
  type SteunbetuigingView,
  VRAAGSTUK_EVENTS,
  VRAAGSTUK_SUBJECTS,
  type VraagstukList,
  type VraagstukSteun,
  type VraagstukView,
} from '@samen/contracts';
import { dataOf, errorOf, pollUntil, request, streamEvents, streamLastSeq, withClient } from '@samen/testing';
import { type Actor, SamenspraakFixture } from '../testing/samenspraak.fixture';
import { Tijdlijn } from '../tijdlijn/tijdlijn.service';
import { ReactietermijnBewaking } from './reactietermijn-bewaking';

/** Gemeenten of this file only: their settings are changed here, and lists are compared exactly. */
const X = 'GM0394';
const Y = 'GM0599';

describe('samenspreker over NATS (agendering: steun, steundrempel, reactietermijn, filters)', () => {
  let f: SamenspraakFixture;
  let tijdlijn: Tijdlijn;

  const actor = (rollen: Rol[] = ['inwoner'], extra: { segment?: Segment; organisatie?: string; gemeente?: string } = {}) => f.actor({ rollen, ...extra, gemeente: extra.gemeente ?? X });
  const ask = <T>(subject: string, payload: unknown, as?: Actor, gemeente = X) => f.ask<T>(subject, payload, as, gemeente);

  /** The gemeente's settings now, as its gemeentebeheerder sets them in identity. */
  async function instellingen(gemeente: string, steundrempel: number, reactietermijnDagen = 20): Promise<void> {
    const beheer = await actor(['gemeentebeheerder'], { segment: 'gemeente', gemeente });
    dataOf(await ask(GEMEENTE_SUBJECTS.instellingenWijzigen, { code: gemeente, instellingen: { steundrempel, reactietermijnDagen } }, beheer, gemeente));
  }

  function nieuw(titel: string, omschrijving = 'Het speelt al lang.', themas: string[] = ['verkeer']) {
    return { soort: 'probleem', titel, omschrijving, gebied: { code: 'BU03940001', naam: 'Centrum' }, themas };
  }

  async function maak(door: Actor, titel: string, gemeente = X, omschrijving?: string, themas?: string[]): Promise<VraagstukView> {
    return dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, nieuw(titel, omschrijving, themas), door, gemeente));
  }

  const steun = (v: VraagstukView, door: Actor, namens?: 'mijzelf' | 'organisatie') =>
    ask<SteunbetuigingView>(STEUN_SUBJECTS.create, { id: v.id, ...(namens ? { namens } : {}) }, door, v.gemeente);
  const trekIn = (v: VraagstukView, door: Actor, namens?: 'mijzelf' | 'organisatie') =>
    ask<VraagstukSteun>(STEUN_SUBJECTS.intrekken, { id: v.id, ...(namens ? { namens } : {}) }, door, v.gemeente);
  const soorten = async (v: VraagstukView) => (await tijdlijn.lees(v.id, { limiet: 100 })).map((e) => e.soort);
  const ids = (list: VraagstukList) => list.items.map((i) => i.id);

  beforeAll(async () => {
    // The sweep runs when this file says so, not on its own in the middle of an assertion.
    f = await SamenspraakFixture.start({ REACTIETERMIJN_CONTROLE_MS: 3_600_000 });
    tijdlijn = f.samenspreker.get(Tijdlijn);
    for (const [code, naam] of [
      [X, 'Haarlemmermeer'],
      [Y, 'Rotterdam'],
    ]) {
      dataOf(await request(GEMEENTE_SUBJECTS.upsert, { code, naam, bouwstenen: ['identity', 'samenspreker'] }, {}, { nc: f.nc }));
    }
  });

  afterAll(async () => {
    await f?.stop();
  });

  it('takes the steundrempel and reactietermijn of the moment it is raised; a later change moves no goalposts', async () => {
    await instellingen(X, 7, 10);
    const anne = await actor();
    const v = await maak(anne, 'Losliggende stoeptegels');
    expect(v.steun).toEqual({ aantal: 0, drempel: 7 });
    expect(Date.parse(v.reactietermijn.uiterlijk) - Date.parse(v.aangemaaktTijdstip)).toBe(10 * 24 * 60 * 60 * 1000);
    expect(v.reactietermijn.verstreken).toBe(false);

    await instellingen(X, 3, 30);
    const later = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: v.id }));
    expect([later.steun, later.reactietermijn]).toEqual([v.steun, v.reactietermijn]);
    const nieuwer = await maak(anne, 'Kapotte lantaarnpaal');
    expect(nieuwer.steun).toEqual({ aantal: 0, drempel: 3 });
    expect(Date.parse(nieuwer.reactietermijn.uiterlijk) - Date.parse(nieuwer.aangemaaktTijdstip)).toBe(30 * 24 * 60 * 60 * 1000);
  });

  it('counts one steunbetuiging per account and one per organisation, refuses doubles (409) and the initiatiefnemer, and lets it be withdrawn', async () => {
    await instellingen(X, 10);
    const anne = await actor();
    const v = await maak(anne, 'Te weinig groen op het plein');
    const since = await streamLastSeq(f.nc);
    const bert = await actor();
    const organisatie = randomUUID();
    const carla = await actor(['inwoner'], { segment: 'bedrijfsleven', organisatie });
    const dirk = await actor(['inwoner'], { segment: 'bedrijfsleven', organisatie });

    expect(errorOf(await ask(STEUN_SUBJECTS.create, { id: v.id }))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(errorOf(await ask(STEUN_SUBJECTS.create, { id: v.id, namens: 'iedereen' }, bert))).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(errorOf(await ask(STEUN_SUBJECTS.create, { id: v.id }, await actor(['inwoner'], { gemeente: Y }), Y))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(errorOf(await steun(v, anne))).toMatchObject({ code: 'FORBIDDEN', status: 403, message: expect.stringContaining('zelf ingediend') });
    expect(dataOf(await steun(v, bert))).toEqual({
      vraagstukId: v.id,
      namens: 'mijzelf',
      segment: 'inwoner',
      tijdstip: expect.any(String),
      steun: { aantal: 1, drempel: 10 },
      fase: 'agendering',
    });
    expect(errorOf(await steun(v, bert))).toMatchObject({ code: 'CONFLICT', status: 409, message: 'U steunt dit vraagstuk al.' });
    expect(errorOf(await steun(v, bert, 'organisatie'))).toMatchObject({ code: 'FORBIDDEN', status: 403, message: expect.stringContaining('namens een organisatie') });

    // For the organisation once, whichever member gives it; each member may still support for themselves, as an inwoner.
    expect(dataOf(await steun(v, carla, 'organisatie'))).toMatchObject({ namens: 'organisatie', segment: 'bedrijfsleven', organisatie, steun: { aantal: 2 } });
    expect(errorOf(await steun(v, dirk, 'organisatie'))).toMatchObject({ code: 'CONFLICT', status: 409, message: 'Uw organisatie steunt dit vraagstuk al.' });
    expect(dataOf(await steun(v, dirk))).toMatchObject({ namens: 'mijzelf', segment: 'inwoner', steun: { aantal: 3 } });
    expect(dataOf(await steun(v, carla))).toMatchObject({ namens: 'mijzelf', segment: 'inwoner', steun: { aantal: 4 } });
    // Public: the count, nothing about who.
    const gelezen = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: v.id }));
    expect(gelezen.steun).toEqual({ aantal: 4, drempel: 10 });
    expect(JSON.stringify(gelezen)).not.toContain(bert.accountId);

    // The database holds the same rules, should the service ever not.
    await withClient('samenspreker', async (client) => {
      const dubbel = (accountId: string, org: string | null) =>
        client.query(
          `insert into samenspreker.steunbetuiging (id, vraagstuk_id, gemeente, account_id, segment, organisatie, tijdstip) values ($1, $2, $3, $4, 'inwoner', $5, now())`,
          [randomUUID(), v.id, X, accountId, org],
        );
      await expect(dubbel(bert.accountId, null)).rejects.toThrow(/steunbetuiging_persoonlijk_unique/);
      await expect(dubbel(randomUUID(), organisatie)).rejects.toThrow(/steunbetuiging_organisatie_unique/);
    });

    expect(dataOf(await trekIn(v, bert))).toEqual({ aantal: 3, drempel: 10 });
    expect(errorOf(await trekIn(v, bert))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(dataOf(await trekIn(v, dirk, 'organisatie'))).toEqual({ aantal: 2, drempel: 10 });
    // Withdrawn, the organisation can give it again; so can bert.
    expect(dataOf(await steun(v, dirk, 'organisatie'))).toMatchObject({ organisatie, steun: { aantal: 3 } });
    expect(dataOf(await steun(v, bert))).toMatchObject({ steun: { aantal: 4 } });
    expect(dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: v.id })).steun).toEqual({ aantal: 4, drempel: 10 });

    expect(await soorten(v)).toEqual([
      'vraagstuk-aangemaakt',
      ...Array<string>(4).fill('steun-betuigd'),
      'steun-ingetrokken',
      'steun-ingetrokken',
      'steun-betuigd',
      'steun-betuigd',
    ]);
    expect(await tijdlijn.verifieer(v.id)).toEqual({ geldig: true, aantal: 9 });
    const betuigd = await pollUntil(
      async () => {
        const found = (await streamEvents(f.nc, since)).filter((e) => e.subject === AGENDERING_EVENTS.steunBetuigd && e.event?.subject === v.id);
        return found.length === 6 ? found : undefined;
      },
      { what: 'six vraagstuk-steun-betuigd events' },
    );
    expect(betuigd[0]?.event).toMatchObject({ type: 'nl.samen.samenspreker.vraagstuk.steun-betuigd.v1', gemeente: X });
    expect(betuigd.map((e) => e.event?.data)).toEqual(
      [1, 2, 3, 4, 3, 4].map((aantal, i) => ({ id: v.id, gemeente: X, aantal, drempel: 10, segment: i === 1 || i === 4 ? 'bedrijfsleven' : 'inwoner', tijdstip: expect.any(String) })),
    );
    // Events carry the segment, no account (AVG).
    for (const wie of [bert, carla, dirk]) expect(JSON.stringify(betuigd.map((e) => e.event?.data))).not.toContain(wie.accountId);
  });

  it('takes and withdraws support only in agendering (409 afterwards)', async () => {
    await instellingen(X, 10);
    const v = await maak(await actor(), 'Geluidsoverlast van de haven');
    const bert = await actor();
    dataOf(await steun(v, bert));
    const ambtenaar = await actor(['ambtenaar'], { segment: 'gemeente' });
    dataOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v.id, naar: 'afgewezen', motivatie: 'Valt buiten de gemeente.' }, ambtenaar));

    expect(errorOf(await steun(v, await actor()))).toMatchObject({ code: 'CONFLICT', status: 409, message: expect.stringContaining('alleen in de fase agendering') });
    expect(errorOf(await trekIn(v, bert))).toMatchObject({ code: 'CONFLICT', status: 409, message: expect.stringContaining('afgewezen') });
    expect(dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: v.id })).steun).toEqual({ aantal: 1, drempel: 10 });
  });

  it('puts it on the agenda exactly once when concurrent supports reach the steundrempel', async () => {
    await instellingen(X, 3);
    const v = await maak(await actor(), 'Overvolle fietsenstalling bij het station');
    const since = await streamLastSeq(f.nc);
    const steuners = await Promise.all(Array.from({ length: 6 }, () => actor()));

    const antwoorden = await Promise.all(steuners.map((wie) => steun(v, wie)));
    const gelukt = antwoorden.filter((a) => 'data' in a).map((a) => dataOf(a));
    expect(gelukt.map((g) => g.steun.aantal).sort()).toEqual([1, 2, 3]);
    expect(gelukt.filter((g) => g.fase === 'oplossingen').map((g) => g.steun.aantal)).toEqual([3]);
    expect(antwoorden.filter((a) => 'error' in a).map((a) => errorOf(a).code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);

    const na = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: v.id }));
    expect(na).toMatchObject({ fase: 'oplossingen', steun: { aantal: 3, drempel: 3 }, reactietermijn: { verstreken: false } });
    const regels = await tijdlijn.lees(v.id, { limiet: 100 });
    expect(regels.map((r) => r.soort)).toEqual(['vraagstuk-aangemaakt', 'steun-betuigd', 'steun-betuigd', 'steun-betuigd', 'fase-gewijzigd']);
    expect(regels[4]).toMatchObject({ actor: null, gegevens: { van: 'agendering', naar: 'oplossingen', motivatie: 'Steundrempel van 3 bereikt' } });
    expect(await tijdlijn.verifieer(v.id)).toEqual({ geldig: true, aantal: 5 });

    const fase = await pollUntil(
      async () => {
        // By subject: the relay may publish vraagstuk-aangemaakt only after `since` was read.
        const found = (await streamEvents(f.nc, since)).filter((e) => e.event?.subject === v.id && e.subject !== VRAAGSTUK_EVENTS.aangemaakt);
        return found.length === 4 ? found : undefined;
      },
      { what: 'three steun-betuigd events and one fase-gewijzigd' },
    );
    expect(fase.filter((e) => e.subject === VRAAGSTUK_EVENTS.faseGewijzigd).map((e) => e.event?.data)).toEqual([
      { id: v.id, gemeente: X, van: 'agendering', naar: 'oplossingen', motivatie: 'Steundrempel van 3 bereikt', tijdstip: na.faseSinds },
    ]);
  });

  it('marks a passed reactietermijn publicly once, one sweeping instance at a time, and lists it with termijnVerstreken', async () => {
    await instellingen(X, 10);
    const anne = await actor();
    const laat = await maak(anne, 'Gat in de weg');
    const opTijd = await maak(anne, 'Scheve boom');
    const beantwoord = await maak(anne, 'Afval naast de container');
    const ambtenaar = await actor(['ambtenaar'], { segment: 'gemeente' });
    dataOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: beantwoord.id, naar: 'oplossingen', motivatie: 'Pakken we op.' }, ambtenaar));
    // Time passes: the promised moment of two of them lies behind us (one was answered, late).
    await withClient('admin', (client) =>
      client.query(`update samenspreker.vraagstuk set reactie_uiterlijk = now() - interval '1 hour' where id = any($1)`, [[laat.id, beantwoord.id]]),
    );

    const lees = async (v: VraagstukView) => dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: v.id })).reactietermijn.verstreken;
    expect([await lees(laat), await lees(opTijd), await lees(beantwoord)]).toEqual([true, false, false]);
    expect(ids(dataOf(await ask<VraagstukList>(VRAAGSTUK_SUBJECTS.list, { termijnVerstreken: true })))).toEqual([laat.id]);
    const nietVerstreken = ids(dataOf(await ask<VraagstukList>(VRAAGSTUK_SUBJECTS.list, { termijnVerstreken: false, limiet: 100 })));
    expect(nietVerstreken).toEqual(expect.arrayContaining([opTijd.id, beantwoord.id]));
    expect(nietVerstreken).not.toContain(laat.id);

    const bewaking = f.samenspreker.get(ReactietermijnBewaking);
    const since = await streamLastSeq(f.nc);
    // Another instance is sweeping (holds the lock): this one leaves it to that one.
    await withClient('admin', async (client) => {
      await client.query('begin');
      await client.query(`select pg_advisory_xact_lock(hashtext('samenspreker.reactietermijn'))`);
      expect(await bewaking.controleer()).toEqual([]);
      await client.query('commit');
    });
    expect(await soorten(laat)).toEqual(['vraagstuk-aangemaakt']);

    const gemeld = await bewaking.controleer();
    expect(gemeld).toContain(laat.id);
    expect(gemeld).not.toContain(opTijd.id);
    expect(gemeld).not.toContain(beantwoord.id);
    expect(await bewaking.controleer()).not.toContain(laat.id);

    const regels = await tijdlijn.lees(laat.id, { limiet: 100 });
    expect(regels.map((r) => r.soort)).toEqual(['vraagstuk-aangemaakt', 'reactietermijn-verstreken']);
    const uiterlijk = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: laat.id })).reactietermijn.uiterlijk;
    expect(regels[1]).toMatchObject({ actor: null, gegevens: { uiterlijk } });
    expect(await soorten(beantwoord)).toEqual(['vraagstuk-aangemaakt', 'fase-gewijzigd']);
    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(f.nc, since)).filter((e) => e.subject === AGENDERING_EVENTS.reactietermijnVerstreken && e.event?.subject === laat.id);
        return found.length ? found : undefined;
      },
      { what: 'vraagstuk-reactietermijn-verstreken' },
    );
    expect(events.map((e) => e.event?.data)).toEqual([{ id: laat.id, gemeente: X, uiterlijk }]);

    // Still overdue until the gemeente answers; then no longer.
    expect(await lees(laat)).toBe(true);
    dataOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: laat.id, naar: 'afgewezen', motivatie: 'Te laat, maar: geen geld.' }, ambtenaar));
    expect(await lees(laat)).toBe(false);
    expect(ids(dataOf(await ask<VraagstukList>(VRAAGSTUK_SUBJECTS.list, { termijnVerstreken: true })))).toEqual([]);
  });

  it('filters on thema and Dutch full text, page by page', async () => {
    const anne = await actor(['inwoner'], { gemeente: Y });
    const a = await maak(anne, 'Hardrijders in de Dorpsstraat', Y, "Auto's rijden te hard door de straat.", ['verkeer']);
    const b = await maak(anne, 'Fietspad langs de school', Y, 'Kinderen fietsen hier gevaarlijk.', ['verkeer', 'onderwijs']);
    const c = await maak(anne, 'Speeltuin opknappen', Y, 'De toestellen zijn kapot; kinderen kunnen niet spelen.', ['spelen']);
    const d = await maak(anne, 'Drukke kruising bij de school', Y, "Veel auto's en fietsers op één kruising.", ['verkeer']);
    await maak(anne, 'Bankje in het park', Y, 'Ouderen willen even zitten.', ['groen']);
    const lijst = async (vraag: Record<string, unknown>) => dataOf(await ask<VraagstukList>(VRAAGSTUK_SUBJECTS.list, vraag, undefined, Y));

    const verkeer = await lijst({ thema: 'verkeer', limiet: 2 });
    expect(ids(verkeer)).toEqual([d.id, b.id]);
    const verkeerRest = await lijst({ thema: 'verkeer', limiet: 2, na: verkeer.volgende });
    expect(ids(verkeerRest)).toEqual([a.id]);
    expect(verkeerRest.volgende).toBeUndefined();
    // Exactly the thema: not another spelling, not part of one.
    expect(ids(await lijst({ thema: 'Verkeer' }))).toEqual([]);
    expect(ids(await lijst({ thema: 'verk' }))).toEqual([]);

    // Dutch stemming: "scholen" finds "school", "kind" finds "kinderen"; in titel and omschrijving alike.
    const scholen = await lijst({ q: 'scholen', limiet: 1 });
    expect(ids(scholen)).toEqual([d.id]);
    expect(ids(await lijst({ q: 'scholen', limiet: 1, na: scholen.volgende }))).toEqual([b.id]);
    expect(ids(await lijst({ q: 'kinderen' }))).toEqual([c.id, b.id]);
    expect(ids(await lijst({ q: 'school -fietspad' }))).toEqual([d.id]);
    expect(ids(await lijst({ q: '"te hard"' }))).toEqual([a.id]);
    expect(ids(await lijst({ q: 'kinderen', thema: 'verkeer' }))).toEqual([b.id]);
    // Only stop words: nothing to look for, nothing found (and no error).
    expect(ids(await lijst({ q: 'de het' }))).toEqual([]);
    expect(errorOf(await ask(VRAAGSTUK_SUBJECTS.list, { q: 'x'.repeat(201) }, undefined, Y))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await ask(VRAAGSTUK_SUBJECTS.list, { termijnVerstreken: 'ja' }, undefined, Y))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('over HTTP: POST …/steunbetuigingen (201, 409 problem), DELETE …/steunbetuigingen/mijn (204, 404), list filters in _links', async () => {
    await instellingen(X, 10);
    const base = await f.gateway();
    const v = await maak(await actor(), 'Parkeren op de stoep', X, 'Geen plek voor de kinderwagen.', ['verkeer', 'stoep']);
    const bert = await actor();
    // null: anonymous.
    const http = (method: string, path: string, body?: unknown, as: Actor | null = bert) =>
      fetch(`${base}/api/v1${path}`, {
        method,
        headers: {
          'Samen-Gemeente': X,
          ...(as ? { authorization: `Bearer ${as.token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });

    expect((await http('POST', `/vraagstukken/${v.id}/steunbetuigingen`, {}, null)).status).toBe(401);
    const eerste = await http('POST', `/vraagstukken/${v.id}/steunbetuigingen`, {});
    expect(eerste.status).toBe(201);
    expect(await eerste.json()).toEqual({ vraagstukId: v.id, namens: 'mijzelf', segment: 'inwoner', tijdstip: expect.any(String), steun: { aantal: 1, drempel: 10 }, fase: 'agendering' });
    const tweede = await http('POST', `/vraagstukken/${v.id}/steunbetuigingen`, { namens: 'mijzelf' });
    expect(tweede.status).toBe(409);
    expect(tweede.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await tweede.json()).toMatchObject({ status: 409, code: 'CONFLICT', detail: 'U steunt dit vraagstuk al.' });
    expect((await http('POST', `/vraagstukken/${v.id}/steunbetuigingen`, { namens: 'de buurt' })).status).toBe(400);

    const detail = (await (await http('GET', `/vraagstukken/${v.id}`, undefined, null)).json()) as VraagstukView;
    expect(detail).toMatchObject({ steun: { aantal: 1, drempel: 10 }, reactietermijn: { uiterlijk: v.reactietermijn.uiterlijk, verstreken: false } });

    expect((await http('DELETE', `/vraagstukken/${v.id}/steunbetuigingen/mijn`)).status).toBe(204);
    expect((await http('DELETE', `/vraagstukken/${v.id}/steunbetuigingen/mijn`)).status).toBe(404);
    expect((await http('DELETE', `/vraagstukken/${v.id}/steunbetuigingen/mijn?namens=organisatie`)).status).toBe(403);

    const pagina = await http('GET', `/vraagstukken?thema=stoep&q=kinderwagen&termijnVerstreken=false&limiet=1`, undefined, null);
    expect(pagina.status).toBe(200);
    const lijst = (await pagina.json()) as { vraagstukken: VraagstukView[]; _links: { self: { href: string } } };
    expect(lijst.vraagstukken.map((i) => i.id)).toEqual([v.id]);
    expect(lijst._links.self.href).toBe('/api/v1/vraagstukken?thema=stoep&q=kinderwagen&termijnVerstreken=false&limiet=1');
    expect((await http('GET', `/vraagstukken?termijnVerstreken=ja`, undefined, null)).status).toBe(400);
    expect((await http('GET', `/vraagstukken?q=${'x'.repeat(201)}`, undefined, null)).status).toBe(400);
  });
});
