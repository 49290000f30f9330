import { randomUUID } from 'node:crypto';
import {
  OPLOSSING_EVENTS,
  OPLOSSING_SUBJECTS,
  type OplossingView,
  REACTIE_SUBJECTS,
  type ReactieView,
  RONDE_EVENTS,
  RONDE_SUBJECTS,
  type RondeList,
  type RondeView,
  type Rol,
  type Segment,
  type TafelRol,
  VRAAGSTUK_SUBJECTS,
  type VraagstukView,
} from '@samen/contracts';
import { dataOf, errorOf, pollUntil, streamEvents, streamLastSeq, truncate, withClient } from '@samen/testing';
import { Pseudoniemen } from '../gedeeld/pseudoniem';
import { type Actor, SamenspraakFixture } from '../testing/samenspraak.fixture';
import { Tijdlijn } from '../tijdlijn/tijdlijn.service';

describe('samenspreker over NATS (rondes, oplossingen, posities, shortlist)', () => {
  let f: SamenspraakFixture;

  const actor = (rollen: Rol[] = ['inwoner'], segment: Segment = 'inwoner', gemeente = 'GM0637') => f.actor({ rollen, segment, gemeente });
  const ask = <T>(...args: Parameters<SamenspraakFixture['ask']>) => f.ask<T>(...args);
  const zet = (vraagstukId: string, wie: Actor, rol: TafelRol, segment: Segment = 'inwoner') => f.seat(vraagstukId, wie, rol, { segment });

  /** A table: anne raised the vraagstuk (initiatiefnemer), vera chairs, bob and carla sit at it, wim observes; olaf is just a resident. */
  async function tafel(titel: string, naarOplossingen = true) {
    const [anne, vera, bob, carla, wim, olaf, ambtenaar] = await Promise.all([actor(), actor(), actor(['inwoner'], 'bedrijfsleven'), actor(), actor(), actor(), actor(['ambtenaar'], 'gemeente')]);
    const v = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, { soort: 'probleem', titel, omschrijving: 'Te hard gereden.', gebied: { code: 'BU1', naam: 'Dorp' } }, anne));
    await zet(v.id, vera, 'voorzitter');
    await zet(v.id, bob, 'deelnemer', 'bedrijfsleven');
    await zet(v.id, carla, 'deelnemer');
    await zet(v.id, wim, 'waarnemer');
    if (naarOplossingen) dataOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v.id, naar: 'oplossingen', motivatie: 'Op de agenda.' }, ambtenaar));
    return { v, anne, vera, bob, carla, wim, olaf, ambtenaar };
  }

  /** A person as public views show them: pseudonym within the vraagstuk; `eigen` in the answer to themselves. */
  const persoon = (vraagstukId: string, wie: Actor, segment: Segment, eigen = false) => ({
    pseudoniem: f.samenspreker.get(Pseudoniemen).van(vraagstukId, wie.accountId),
    segment,
    ...(eigen ? { eigen: true } : {}),
  });

  const indienen = (vraagstukId: string, nummer: number, titel: string, als: Actor) =>
    ask<OplossingView>(OPLOSSING_SUBJECTS.create, { vraagstukId, nummer, titel, omschrijving: `${titel}, uitgewerkt.` }, als);
  const positie = (vraagstukId: string, oplossingId: string, versie: number, p: string, als: Actor, toelichting?: string) =>
    ask<OplossingView>(OPLOSSING_SUBJECTS.positieInnemen, { vraagstukId, oplossingId, versie, positie: p, ...(toelichting !== undefined ? { toelichting } : {}) }, als);

  beforeAll(async () => {
    await truncate('samenspreker', ['vraagstuk', 'outbox', 'inbox']);
    f = await SamenspraakFixture.start();
  });

  afterAll(async () => {
    await f?.stop();
  });

  it('opens rounds 1, 2 … only in the phase oplossingen, one at a time, for the voorzitter, initiatiefnemer or gemeente staff', async () => {
    const t = await tafel('Rondes openen', false);
    const vraagstukId = t.v.id;
    expect(errorOf(await ask(RONDE_SUBJECTS.open, { vraagstukId }, t.ambtenaar))).toMatchObject({ code: 'CONFLICT', status: 409, message: expect.stringContaining('fase agendering') });
    dataOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: vraagstukId, naar: 'oplossingen', motivatie: 'Op de agenda.' }, t.ambtenaar));

    expect(errorOf(await ask(RONDE_SUBJECTS.open, { vraagstukId }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    for (const niet of [t.bob, t.wim, t.olaf, await actor(['moderator'])]) {
      expect(errorOf(await ask(RONDE_SUBJECTS.open, { vraagstukId }, niet))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    }
    // Staff of another gemeente: the guard stops them before the service.
    expect(errorOf(await ask(RONDE_SUBJECTS.open, { vraagstukId }, await actor(['ambtenaar'], 'gemeente', 'GM0518')))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await ask(RONDE_SUBJECTS.open, { vraagstukId: 'geen-uuid' }, t.anne))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await ask(RONDE_SUBJECTS.open, { vraagstukId: randomUUID() }, t.anne))).toMatchObject({ code: 'NOT_FOUND' });

    const since = await streamLastSeq(f.nc);
    const een = dataOf(await ask<RondeView>(RONDE_SUBJECTS.open, { vraagstukId }, t.anne));
    expect(een).toEqual({ vraagstukId, nummer: 1, status: 'open', geopendOp: expect.any(String), oplossingen: [] });
    expect(errorOf(await ask(RONDE_SUBJECTS.open, { vraagstukId }, t.ambtenaar))).toMatchObject({ code: 'CONFLICT', message: 'Ronde 1 is nog open; sluit die eerst.' });
    // Besluitvorming works from the shortlist: not while a round is still open.
    expect(errorOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: vraagstukId, naar: 'besluitvorming', motivatie: 'Klaar.' }, t.ambtenaar))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('nog een ronde open'),
      toegestaan: [],
    });

    // Closing needs the same roles; an empty round closes with an empty shortlist, once.
    expect(errorOf(await ask(RONDE_SUBJECTS.sluit, { vraagstukId, nummer: 1 }, t.carla))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await ask(RONDE_SUBJECTS.sluit, { vraagstukId, nummer: 2 }, t.vera))).toMatchObject({ code: 'NOT_FOUND' });
    const dicht = dataOf(await ask<RondeView>(RONDE_SUBJECTS.sluit, { vraagstukId, nummer: 1 }, t.vera));
    expect(dicht).toMatchObject({ nummer: 1, status: 'gesloten', geslotenOp: expect.any(String), shortlist: { oplossingen: [], wijze: 'regel' } });
    expect(errorOf(await ask(RONDE_SUBJECTS.sluit, { vraagstukId, nummer: 1 }, t.vera))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('al gesloten') });
    expect(dataOf(await ask<RondeView>(RONDE_SUBJECTS.open, { vraagstukId }, t.ambtenaar)).nummer).toBe(2);
    expect(errorOf(await indienen(vraagstukId, 1, 'Te laat', t.bob))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Ronde 1 is gesloten') });

    // Public reads; another gemeente does not see them.
    const lijst = dataOf(await ask<RondeList>(RONDE_SUBJECTS.list, { vraagstukId }));
    expect(lijst.items).toEqual([
      { nummer: 1, status: 'gesloten', geopendOp: expect.any(String), geslotenOp: expect.any(String), aantalOplossingen: 0, shortlist: { oplossingen: [], wijze: 'regel' } },
      { nummer: 2, status: 'open', geopendOp: expect.any(String), aantalOplossingen: 0 },
    ]);
    expect(dataOf(await ask<RondeView>(RONDE_SUBJECTS.get, { vraagstukId, nummer: 1 }))).toEqual(dicht);
    expect(errorOf(await ask(RONDE_SUBJECTS.list, { vraagstukId }, undefined, 'GM0518'))).toMatchObject({ code: 'NOT_FOUND' });

    // A closed round is part of the record, also for the service's own database role.
    await withClient('samenspreker', async (client) => {
      await expect(client.query(`update samenspreker.ronde set shortlist = '[]'::jsonb where vraagstuk_id = $1 and nummer = 1`, [vraagstukId])).rejects.toThrow(/onveranderlijk/);
      await expect(client.query(`delete from samenspreker.ronde where vraagstuk_id = $1`, [vraagstukId])).rejects.toThrow(/onveranderlijk/);
    });

    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(f.nc, since)).filter((e) => [RONDE_EVENTS.geopend, RONDE_EVENTS.gesloten].includes(e.subject) && e.event?.subject === vraagstukId);
        return found.length >= 3 ? found : undefined;
      },
      { what: 'ronde events' },
    );
    expect(events.map((e) => e.event?.type)).toEqual(['nl.samen.samenspreker.ronde.geopend.v1', 'nl.samen.samenspreker.ronde.gesloten.v1', 'nl.samen.samenspreker.ronde.geopend.v1']);
    expect(events[1]?.event?.data).toEqual({ vraagstukId, gemeente: 'GM0637', nummer: 1, tijdstip: expect.any(String), shortlist: { oplossingen: [], wijze: 'regel' } });
  });

  it('takes oplossingen, versions with provenance from this vraagstuk only, positions by consent, and closes with the shortlist rule', async () => {
    const t = await tafel('Oplossingen wegen');
    const vraagstukId = t.v.id;
    dataOf(await ask(RONDE_SUBJECTS.open, { vraagstukId }, t.vera));

    // Who may submit: deelnemers at the table, not the waarnemer, not an outsider.
    expect(errorOf(await indienen(vraagstukId, 1, 'Van de waarnemer', t.wim))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('waarnemer') });
    expect(errorOf(await indienen(vraagstukId, 1, 'Van buiten', t.olaf))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await indienen(vraagstukId, 1, 'x', t.bob))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await indienen(vraagstukId, 7, 'Geen ronde', t.bob))).toMatchObject({ code: 'NOT_FOUND' });

    const since = await streamLastSeq(f.nc);
    const o1 = dataOf(await indienen(vraagstukId, 1, 'Drempels', t.bob));
    expect(o1).toEqual({
      id: expect.any(String),
      vraagstukId,
      rondeNummer: 1,
      auteur: persoon(vraagstukId, t.bob, 'bedrijfsleven', true),
      ingediendOp: expect.any(String),
      versies: [
        {
          versie: 1,
          titel: 'Drempels',
          omschrijving: 'Drempels, uitgewerkt.',
          auteur: persoon(vraagstukId, t.bob, 'bedrijfsleven', true),
          overgenomen: { reacties: [], bijdragen: [] },
          tijdstip: expect.any(String),
          telling: { steun: 0, instemming: 0, bezwaar: 0 },
          posities: [],
        },
      ],
    });
    const o2 = dataOf(await indienen(vraagstukId, 1, 'Flitspaal', t.carla));
    const o3 = dataOf(await indienen(vraagstukId, 1, 'Bloembakken', t.vera));
    const o4 = dataOf(await indienen(vraagstukId, 1, 'Afsluiten', t.anne));

    // Provenance: a reactie of this vraagstuk and a version of o2 are fine; anything else is a 400 that changes nothing.
    const r1 = dataOf(await ask<ReactieView>(REACTIE_SUBJECTS.create, { vraagstukId, tekst: 'Drempels bij de school!' }, t.olaf));
    const elders = await tafel('Een ander vraagstuk', false);
    const vreemd = dataOf(await ask<ReactieView>(REACTIE_SUBJECTS.create, { vraagstukId: elders.v.id, tekst: 'Elders' }, t.olaf));
    const versie = (overgenomen: unknown, als: Actor, titel?: string) =>
      ask<OplossingView>(OPLOSSING_SUBJECTS.versieToevoegen, { vraagstukId, oplossingId: o1.id, ...(titel ? { titel } : {}), omschrijving: 'Drempels en een zebrapad.', overgenomen }, als);
    expect(errorOf(await versie({ reacties: [r1.id, vreemd.id], bijdragen: [{ oplossingId: o2.id, versie: 2 }] }, t.bob))).toMatchObject({
      code: 'VALIDATION_FAILED',
      invalidParams: [
        { name: 'overgenomen.reacties.1', code: 'onbekend', reason: expect.any(String) },
        { name: 'overgenomen.bijdragen.0', code: 'onbekend', reason: expect.any(String) },
      ],
    });
    expect(errorOf(await versie({ bijdragen: [{ oplossingId: o2.id }] }, t.bob))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await versie({}, t.carla))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('voorzitter') });
    expect(errorOf(await versie({}, t.olaf))).toMatchObject({ code: 'FORBIDDEN' });
    expect(dataOf(await ask<OplossingView>(OPLOSSING_SUBJECTS.get, { vraagstukId, oplossingId: o1.id })).versies).toHaveLength(1);

    const v2 = dataOf(await versie({ reacties: [r1.id, r1.id], bijdragen: [{ oplossingId: o2.id, versie: 1 }] }, t.bob, 'Drempels en zebrapad'));
    expect(v2.versies[1]).toMatchObject({ versie: 2, titel: 'Drempels en zebrapad', overgenomen: { reacties: [r1.id], bijdragen: [{ oplossingId: o2.id, versie: 1 }] } });
    // The voorzitter may edit too; without a titel the previous one stays.
    const v3 = dataOf(await versie({}, t.vera));
    expect(v3.versies[2]).toMatchObject({ versie: 3, titel: 'Drempels en zebrapad', auteur: persoon(vraagstukId, t.vera, 'inwoner', true), overgenomen: { reacties: [], bijdragen: [] } });
    await withClient('samenspreker', async (client) => {
      await expect(client.query(`update samenspreker.oplossing_versie set titel = 'herschreven' where oplossing_id = $1`, [o1.id])).rejects.toThrow(/onveranderlijk/);
      await expect(client.query(`delete from samenspreker.oplossing_versie where oplossing_id = $1`, [o1.id])).rejects.toThrow(/onveranderlijk/);
    });

    // Positions: deelnemers except the waarnemer; bezwaar needs a reason; one per deelnemer per version.
    expect(errorOf(await positie(vraagstukId, o1.id, 3, 'steun', t.wim))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await positie(vraagstukId, o1.id, 3, 'steun', t.olaf))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await positie(vraagstukId, o1.id, 3, 'bezwaar', t.bob))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await positie(vraagstukId, o1.id, 3, 'bezwaar', t.bob, '   '))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await positie(vraagstukId, o1.id, 3, 'neutraal', t.bob))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await positie(vraagstukId, o1.id, 4, 'steun', t.bob))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await positie(vraagstukId, randomUUID(), 1, 'steun', t.bob))).toMatchObject({ code: 'NOT_FOUND' });

    // o1, latest version 3: steun + instemming = 2, no bezwaar. An old version's positions do not count.
    dataOf(await positie(vraagstukId, o1.id, 3, 'steun', t.bob));
    dataOf(await positie(vraagstukId, o1.id, 3, 'steun', t.carla));
    const vervangen = dataOf(await positie(vraagstukId, o1.id, 3, 'instemming', t.carla));
    expect(vervangen.versies[2]?.telling).toEqual({ steun: 1, instemming: 1, bezwaar: 0 });
    expect(vervangen.versies[2]?.posities).toEqual([
      { deelnemer: persoon(vraagstukId, t.bob, 'bedrijfsleven'), positie: 'steun', tijdstip: expect.any(String) },
      { deelnemer: persoon(vraagstukId, t.carla, 'inwoner', true), positie: 'instemming', tijdstip: expect.any(String) },
    ]);
    dataOf(await positie(vraagstukId, o1.id, 1, 'steun', t.anne));
    dataOf(await positie(vraagstukId, o1.id, 1, 'steun', t.vera));
    // o2: also 2, but one bezwaar, so after o1.
    dataOf(await positie(vraagstukId, o2.id, 1, 'steun', t.anne));
    dataOf(await positie(vraagstukId, o2.id, 1, 'instemming', t.vera));
    const bezwaar = dataOf(await positie(vraagstukId, o2.id, 1, 'bezwaar', t.bob, 'Te duur voor de winkels.'));
    expect(bezwaar.versies[0]?.posities).toContainEqual({ deelnemer: persoon(vraagstukId, t.bob, 'bedrijfsleven', true), positie: 'bezwaar', toelichting: 'Te duur voor de winkels.', tijdstip: expect.any(String) });
    // o3: 1. o4: only a bezwaar, so not on the shortlist.
    dataOf(await positie(vraagstukId, o3.id, 1, 'instemming', t.carla));
    dataOf(await positie(vraagstukId, o4.id, 1, 'bezwaar', t.carla, 'Dan kan de bus er niet door.'));

    const open = dataOf(await ask<RondeView>(RONDE_SUBJECTS.get, { vraagstukId, nummer: 1 }));
    expect(open.shortlist).toBeUndefined();
    expect(open.oplossingen.map((o) => [o.id, o.laatsteVersie.versie, o.tellingen])).toEqual([
      [
        o1.id,
        3,
        [
          { versie: 1, steun: 2, instemming: 0, bezwaar: 0 },
          { versie: 2, steun: 0, instemming: 0, bezwaar: 0 },
          { versie: 3, steun: 1, instemming: 1, bezwaar: 0 },
        ],
      ],
      [o2.id, 1, [{ versie: 1, steun: 1, instemming: 1, bezwaar: 1 }]],
      [o3.id, 1, [{ versie: 1, steun: 0, instemming: 1, bezwaar: 0 }]],
      [o4.id, 1, [{ versie: 1, steun: 0, instemming: 0, bezwaar: 1 }]],
    ]);

    const gesloten = dataOf(await ask<RondeView>(RONDE_SUBJECTS.sluit, { vraagstukId, nummer: 1 }, t.ambtenaar));
    expect(gesloten.shortlist).toEqual({ oplossingen: [o1.id, o2.id, o3.id], wijze: 'regel' });
    // After closing: no more positions or versions in that round.
    expect(errorOf(await positie(vraagstukId, o4.id, 1, 'steun', t.bob))).toMatchObject({ code: 'CONFLICT' });
    expect(errorOf(await versie({}, t.bob))).toMatchObject({ code: 'CONFLICT' });

    // Round 2: a chosen shortlist must name oplossingen of that round.
    dataOf(await ask(RONDE_SUBJECTS.open, { vraagstukId }, t.anne));
    const o5 = dataOf(await indienen(vraagstukId, 2, 'Zebrapad', t.carla));
    expect(errorOf(await ask(RONDE_SUBJECTS.sluit, { vraagstukId, nummer: 2, oplossingen: [o5.id, o1.id] }, t.anne))).toMatchObject({
      code: 'VALIDATION_FAILED',
      invalidParams: [{ name: 'oplossingen.1', code: 'onbekend', reason: expect.stringContaining('ronde 2') }],
    });
    expect(errorOf(await ask(RONDE_SUBJECTS.sluit, { vraagstukId, nummer: 2, oplossingen: [o5.id, o5.id] }, t.anne))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(dataOf(await ask<RondeView>(RONDE_SUBJECTS.sluit, { vraagstukId, nummer: 2, oplossingen: [o5.id] }, t.anne)).shortlist).toEqual({ oplossingen: [o5.id], wijze: 'gekozen' });

    // Events carry no account ids; the timeline has every step, each position change included.
    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(f.nc, since)).filter((e) => (e.event?.data as { vraagstukId?: string } | undefined)?.vraagstukId === vraagstukId);
        return found.filter((e) => e.subject === RONDE_EVENTS.gesloten).length >= 2 ? found : undefined;
      },
      { what: 'events of the round' },
    );
    const rondeIds = [t.anne, t.vera, t.bob, t.carla, t.wim, t.olaf, t.ambtenaar].map((a) => a.accountId);
    for (const e of events) for (const id of rondeIds) expect(JSON.stringify(e.event?.data)).not.toContain(id);
    expect(events.find((e) => e.subject === OPLOSSING_EVENTS.positieIngenomen && (e.event?.data as { vorige?: string }).vorige)?.event?.data).toEqual({
      id: o1.id,
      vraagstukId,
      gemeente: 'GM0637',
      versie: 3,
      positie: 'instemming',
      vorige: 'steun',
      segment: 'inwoner',
      telling: { steun: 1, instemming: 1, bezwaar: 0 },
    });
    expect(events.find((e) => e.subject === OPLOSSING_EVENTS.versieToegevoegd)?.event?.data).toMatchObject({ id: o1.id, versie: 2, overgenomen: { reacties: [r1.id] } });

    const tijdlijn = f.samenspreker.get(Tijdlijn);
    const soorten = (await tijdlijn.lees(vraagstukId, { limiet: 100 })).map((e) => e.soort);
    // Ten positions, Carla's change of mind included.
    expect(soorten.filter((s) => s === 'positie-ingenomen')).toHaveLength(10);
    expect(soorten.filter((s) => s === 'oplossing-versie-toegevoegd')).toHaveLength(2);
    expect(soorten.filter((s) => s === 'ronde-gesloten')).toHaveLength(2);
    const sluiting = (await tijdlijn.lees(vraagstukId, { limiet: 100 })).find((e) => e.soort === 'ronde-gesloten');
    expect(sluiting?.gegevens).toEqual({ nummer: 1, shortlist: { oplossingen: [o1.id, o2.id, o3.id], wijze: 'regel' } });
    expect(await tijdlijn.verifieer(vraagstukId)).toEqual({ geldig: true, aantal: soorten.length });
  });

  it('serves rondes and oplossingen over HTTP through the gateway', async () => {
    const t = await tafel('Over HTTP');
    const base = `${await f.gateway()}/api/v1/vraagstukken/${t.v.id}`;
    const http = async (method: string, pad: string, als?: Actor, body?: unknown) => {
      const response = await fetch(`${base}${pad}`, {
        method,
        headers: { 'Samen-Gemeente': 'GM0637', ...(als ? { authorization: `Bearer ${als.token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    expect(await http('POST', '/rondes', t.bob)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await http('POST', '/rondes')).toMatchObject({ status: 401 });
    expect(await http('POST', '/rondes', t.vera)).toMatchObject({ status: 201, body: { nummer: 1, status: 'open', oplossingen: [] } });
    expect(await http('POST', '/rondes', t.vera)).toMatchObject({ status: 409 });
    const oplossing = await http('POST', '/rondes/1/oplossingen', t.bob, { titel: 'Drempels', omschrijving: 'Twee drempels.' });
    expect(oplossing).toMatchObject({ status: 201, body: { rondeNummer: 1, versies: [{ versie: 1, titel: 'Drempels' }] } });
    const id = oplossing.body.id as string;
    expect(await http('POST', '/rondes/1/oplossingen', t.wim, { titel: 'Waarnemer', omschrijving: 'Nee.' })).toMatchObject({ status: 403 });
    expect(await http('POST', '/rondes/x/oplossingen', t.bob, { titel: 'Drempels', omschrijving: 'Twee drempels.' })).toMatchObject({ status: 400 });
    expect(await http('POST', `/oplossingen/${id}/versies`, t.bob, { omschrijving: 'Drie drempels.', overgenomen: { bijdragen: [{ oplossingId: randomUUID(), versie: 1 }] } })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
    expect(await http('POST', `/oplossingen/${id}/versies`, t.bob, { omschrijving: 'Drie drempels.', overgenomen: { bijdragen: [{ oplossingId: id, versie: 1 }] } })).toMatchObject({
      status: 201,
      body: { versies: [{ versie: 1 }, { versie: 2, titel: 'Drempels', overgenomen: { reacties: [], bijdragen: [{ oplossingId: id, versie: 1 }] } }] },
    });
    expect(await http('PUT', `/oplossingen/${id}/versies/2/positie`, t.carla, { positie: 'bezwaar' })).toMatchObject({ status: 400 });
    expect(await http('PUT', `/oplossingen/${id}/versies/2/positie`, t.carla, { positie: 'bezwaar', toelichting: 'Te smal.' })).toMatchObject({
      status: 200,
      body: { versies: [{}, { telling: { steun: 0, instemming: 0, bezwaar: 1 }, posities: [{ positie: 'bezwaar', toelichting: 'Te smal.' }] }] },
    });
    // Replacing a bezwaar drops its reason with it.
    expect(await http('PUT', `/oplossingen/${id}/versies/2/positie`, t.carla, { positie: 'steun' })).toMatchObject({ status: 200, body: { versies: [{}, { telling: { steun: 1, instemming: 0, bezwaar: 0 } }] } });
    const gelezen = await http('GET', `/oplossingen/${id}`);
    expect(gelezen).toMatchObject({ status: 200, body: { id, versies: [{ versie: 1 }, { versie: 2, posities: [{ positie: 'steun' }] }] } });
    expect((gelezen.body.versies as { posities: object[] }[])[1]?.posities[0]).not.toHaveProperty('toelichting');
    expect(await http('GET', `/oplossingen/${randomUUID()}`)).toMatchObject({ status: 404 });
    expect(await http('POST', '/rondes/1/_sluit', t.anne, {})).toMatchObject({ status: 200, body: { status: 'gesloten', shortlist: { oplossingen: [id], wijze: 'regel' } } });
    expect(await http('GET', '/rondes')).toMatchObject({ status: 200, body: { rondes: [{ nummer: 1, status: 'gesloten', aantalOplossingen: 1 }] } });
    expect(await http('GET', '/rondes/1')).toMatchObject({ status: 200, body: { nummer: 1, oplossingen: [{ id, laatsteVersie: { versie: 2 }, tellingen: [{ versie: 1 }, { versie: 2, steun: 1 }] }] } });
    expect(await http('GET', '/rondes/9')).toMatchObject({ status: 404 });
  });
});
