import { randomUUID } from 'node:crypto';
import {
  type DeelnemerView,
  type Rol,
  type Segment,
  TAFEL_EVENTS,
  TAFEL_SUBJECTS,
  type TafelView,
  VRAAGSTUK_SUBJECTS,
  type VraagstukView,
} from '@samen/contracts';
import { dataOf, errorOf, pollUntil, streamEvents, streamLastSeq, truncate } from '@samen/testing';
import { TokenIssuer } from '../../../identity/src/sleutels/token-issuer';
import { Pseudoniemen, VERWIJDERD_ACCOUNT } from '../gedeeld/pseudoniem';
import { type Actor, SamenspraakFixture } from '../testing/samenspraak.fixture';
import { Tijdlijn } from '../tijdlijn/tijdlijn.service';

describe('samenspreker over NATS (de Samenspraaktafel)', () => {
  let f: SamenspraakFixture;

  const actor = (rollen: Rol[], segment: Segment = 'inwoner', organisatie?: string, gemeente = 'GM0637') => f.actor({ rollen, segment, organisatie, gemeente });

  /** The same account, acting for another organisation or as itself (as identity issues it after a new login). */
  async function als(wie: Actor, segment: Segment, organisatie?: string): Promise<Actor> {
    const { accessToken } = await f.identity
      .get(TokenIssuer)
      .issueAccessToken({ accountId: wie.accountId, rollen: ['inwoner'], segment, gemeente: 'GM0637', amr: ['pwd'], ...(organisatie ? { organisatie } : {}) });
    return { accountId: wie.accountId, token: accessToken };
  }

  const ask = <T>(...args: Parameters<SamenspraakFixture['ask']>) => f.ask<T>(...args);

  const nieuw = (titel: string) => ({ soort: 'probleem', titel, omschrijving: 'Te weinig groen in de wijk.', gebied: { code: 'BU06370101', naam: 'Dorp' } });
  const tafel = async (id: string, as?: Actor) => dataOf(await ask<TafelView>(TAFEL_SUBJECTS.get, { id }, as));
  const fase = (id: string, naar: string, as: Actor) => ask<VraagstukView>(VRAAGSTUK_SUBJECTS.faseWijzigen, { id, naar, motivatie: 'Zo besloten aan tafel.' }, as);

  beforeAll(async () => {
    await truncate('samenspreker', ['vraagstuk', 'deelnemer', 'outbox', 'inbox']);
    f = await SamenspraakFixture.start();
  });

  afterAll(async () => {
    await f?.stop();
  });

  it('invites, joins, leaves and changes roles, each step on the timeline and the stream without account ids; the public sees who is represented', async () => {
    const since = await streamLastSeq(f.nc);
    const org1 = randomUUID();
    const org2 = randomUUID();
    const anne = await actor(['inwoner']);
    const ambtenaar = await actor(['ambtenaar']);
    const vera = await actor(['inwoner']);
    const bob = await actor(['inwoner']);
    const carla = await actor(['inwoner']);
    const dirk = await actor(['inwoner'], 'maatschappelijk', org2);
    const buiten = await actor(['inwoner']);
    const moderator = await actor(['moderator']);
    const v = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, nieuw('Meer groen in de wijk'), anne));

    // Only the initiatiefnemer sits at the new table; the public sees the seat, not the account.
    const begin = await tafel(v.id);
    expect(begin).toEqual({
      vraagstukId: v.id,
      deelnemers: [
        { id: expect.any(String), vraagstukId: v.id, pseudoniem: f.samenspreker.get(Pseudoniemen).van(v.id, anne.accountId), rol: 'initiatiefnemer', segment: 'inwoner', status: 'actief', sinds: expect.any(String) },
      ],
      vertegenwoordiging: { aantallen: { gemeente: 0, bedrijfsleven: 0, maatschappelijk: 0, burgers: 0, inwoner: 1 }, ontbrekend: ['gemeente', 'bedrijfsleven', 'maatschappelijk', 'burgers'] },
    });

    // Inviting: gemeente staff any role; the initiatiefnemer not the steering roles; others not at all.
    const uitnodiging = (accountId: string, rol: string, segment: Segment, organisatie?: string) => ({ id: v.id, accountId, rol, segment, ...(organisatie ? { organisatie } : {}) });
    const veraUitgenodigd = dataOf(await ask<DeelnemerView>(TAFEL_SUBJECTS.uitnodigen, uitnodiging(vera.accountId, 'voorzitter', 'gemeente'), ambtenaar));
    expect(veraUitgenodigd).toMatchObject({ accountId: vera.accountId, rol: 'voorzitter', segment: 'gemeente', status: 'uitgenodigd' });
    expect(errorOf(await ask(TAFEL_SUBJECTS.uitnodigen, uitnodiging(vera.accountId, 'deelnemer', 'inwoner'), ambtenaar))).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      message: 'Dit account is al uitgenodigd voor deze tafel.',
    });
    expect(errorOf(await ask(TAFEL_SUBJECTS.uitnodigen, uitnodiging(anne.accountId, 'deelnemer', 'inwoner'), ambtenaar))).toMatchObject({ code: 'CONFLICT', message: 'Dit account zit al aan deze tafel.' });
    expect(errorOf(await ask(TAFEL_SUBJECTS.uitnodigen, uitnodiging(bob.accountId, 'besluitvormer', 'bedrijfsleven', org1), anne))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('De rol besluitvormer geeft alleen de voorzitter'),
    });
    for (const wie of [buiten, moderator]) {
      expect(errorOf(await ask(TAFEL_SUBJECTS.uitnodigen, uitnodiging(bob.accountId, 'deelnemer', 'bedrijfsleven'), wie))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    }
    expect(errorOf(await ask(TAFEL_SUBJECTS.uitnodigen, uitnodiging(bob.accountId, 'deelnemer', 'bedrijfsleven')))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await ask(TAFEL_SUBJECTS.uitnodigen, uitnodiging(bob.accountId, 'initiatiefnemer', 'inwoner'), ambtenaar))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await ask(TAFEL_SUBJECTS.uitnodigen, uitnodiging(bob.accountId, 'deelnemer', 'inwoner', org1), ambtenaar))).toMatchObject({ code: 'VALIDATION_FAILED' });
    // The erasure tombstone is nobody; any other unknown id is invited, and simply never accepted.
    expect(errorOf(await ask(TAFEL_SUBJECTS.uitnodigen, uitnodiging(VERWIJDERD_ACCOUNT, 'deelnemer', 'inwoner'), ambtenaar))).toMatchObject({ code: 'NOT_FOUND', message: 'Dit account bestaat niet.' });
    expect(errorOf(await ask(TAFEL_SUBJECTS.uitnodigen, { ...uitnodiging(bob.accountId, 'deelnemer', 'inwoner'), id: randomUUID() }, ambtenaar))).toMatchObject({ code: 'NOT_FOUND' });
    const bobUitgenodigd = dataOf(await ask<DeelnemerView>(TAFEL_SUBJECTS.uitnodigen, uitnodiging(bob.accountId, 'deelnemer', 'bedrijfsleven', org1), anne));

    // Account ids: for those at the table and gemeente staff, not for the public or an outsider.
    for (const wie of [undefined, buiten, moderator]) expect((await tafel(v.id, wie)).deelnemers.every((d) => d.accountId === undefined)).toBe(true);
    for (const wie of [anne, ambtenaar]) {
      expect((await tafel(v.id, wie)).deelnemers.map((d) => [d.accountId, d.status])).toEqual([
        [anne.accountId, 'actief'],
        [vera.accountId, 'uitgenodigd'],
        [bob.accountId, 'uitgenodigd'],
      ]);
    }
    // Staff of another gemeente see this public table as the public does.
    const ambtenaarB = await actor(['ambtenaar'], 'inwoner', undefined, 'GM0518');
    expect((await tafel(v.id, ambtenaarB)).deelnemers.every((d) => d.accountId === undefined)).toBe(true);
    expect(errorOf(await ask(TAFEL_SUBJECTS.get, { id: v.id }, undefined, 'GM0518'))).toMatchObject({ code: 'NOT_FOUND' });

    // Joining with an invitation: its role; for an organisation only while acting for it.
    expect(errorOf(await ask(TAFEL_SUBJECTS.toetreden, {}, vera))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(dataOf(await ask<DeelnemerView>(TAFEL_SUBJECTS.toetreden, { id: v.id }, vera))).toMatchObject({ id: veraUitgenodigd.id, rol: 'voorzitter', segment: 'gemeente', status: 'actief', sinds: veraUitgenodigd.sinds });
    expect(errorOf(await ask(TAFEL_SUBJECTS.toetreden, { id: v.id }, vera))).toMatchObject({ code: 'CONFLICT', message: 'U zit al aan deze tafel.' });
    expect(errorOf(await ask(TAFEL_SUBJECTS.toetreden, { id: v.id }, bob))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(errorOf(await ask(TAFEL_SUBJECTS.toetreden, { id: v.id }, await als(bob, 'bedrijfsleven', randomUUID())))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await ask(TAFEL_SUBJECTS.toetreden, { id: v.id, namens: 'mijzelf' }, await als(bob, 'bedrijfsleven', org1)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(dataOf(await ask<DeelnemerView>(TAFEL_SUBJECTS.toetreden, { id: v.id, namens: 'organisatie' }, await als(bob, 'bedrijfsleven', org1)))).toMatchObject({
      id: bobUitgenodigd.id,
      rol: 'deelnemer',
      segment: 'bedrijfsleven',
      organisatie: org1,
      status: 'actief',
    });

    // Joining the open table: as deelnemer, for oneself or for the organisation of the token.
    expect(errorOf(await ask(TAFEL_SUBJECTS.toetreden, { id: v.id, namens: 'organisatie' }, carla))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await ask(TAFEL_SUBJECTS.toetreden, { id: v.id, namens: 'iedereen' }, carla))).toMatchObject({ code: 'VALIDATION_FAILED' });
    const carlaZetel = dataOf(await ask<DeelnemerView>(TAFEL_SUBJECTS.toetreden, { id: v.id, namens: 'mijzelf' }, carla));
    expect(carlaZetel).toMatchObject({ accountId: carla.accountId, rol: 'deelnemer', segment: 'inwoner', status: 'actief' });
    expect(carlaZetel.organisatie).toBeUndefined();
    expect(dataOf(await ask<DeelnemerView>(TAFEL_SUBJECTS.toetreden, { id: v.id }, dirk))).toMatchObject({ rol: 'deelnemer', segment: 'maatschappelijk', organisatie: org2 });

    const vol = await tafel(v.id);
    expect(vol.deelnemers.map((d) => [d.rol, d.segment, d.status])).toEqual([
      ['initiatiefnemer', 'inwoner', 'actief'],
      ['voorzitter', 'gemeente', 'actief'],
      ['deelnemer', 'bedrijfsleven', 'actief'],
      ['deelnemer', 'inwoner', 'actief'],
      ['deelnemer', 'maatschappelijk', 'actief'],
    ]);
    expect(vol.vertegenwoordiging).toEqual({ aantallen: { gemeente: 1, bedrijfsleven: 1, maatschappelijk: 1, burgers: 0, inwoner: 2 }, ontbrekend: ['burgers'] });

    // Roles: only the voorzitter and gemeente staff change them.
    const rol = (deelnemerId: string, nieuweRol: string, as?: Actor) => ask<DeelnemerView>(TAFEL_SUBJECTS.rolWijzigen, { id: v.id, deelnemerId, rol: nieuweRol }, as);
    for (const wie of [carla, anne, buiten]) expect(errorOf(await rol(carlaZetel.id, 'besluitvormer', wie))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await rol(randomUUID(), 'besluitvormer', vera))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await rol(carlaZetel.id, 'initiatiefnemer', vera))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(dataOf(await rol(carlaZetel.id, 'besluitvormer', vera))).toMatchObject({ id: carlaZetel.id, rol: 'besluitvormer' });
    // The same role again records nothing (checked on the timeline below).
    expect(dataOf(await rol(carlaZetel.id, 'besluitvormer', ambtenaar))).toMatchObject({ rol: 'besluitvormer' });

    // Leaving: the seat is kept as vertrokken but no longer shown; a second time there is nothing to leave.
    const weg = dataOf(await ask<DeelnemerView>(TAFEL_SUBJECTS.verlaten, { id: v.id }, dirk));
    expect(weg).toMatchObject({ status: 'vertrokken', segment: 'maatschappelijk' });
    expect(errorOf(await ask(TAFEL_SUBJECTS.verlaten, { id: v.id }, dirk))).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(errorOf(await rol(weg.id, 'deelnemer', vera))).toMatchObject({ code: 'CONFLICT' });
    const na = await tafel(v.id);
    expect(na.deelnemers.map((d) => d.id)).not.toContain(weg.id);
    expect(na.vertegenwoordiging.ontbrekend).toEqual(['maatschappelijk', 'burgers']);
    // Coming back is a new seat; the old one stays for the record.
    const terug = dataOf(await ask<DeelnemerView>(TAFEL_SUBJECTS.toetreden, { id: v.id }, dirk));
    expect(terug.id).not.toBe(weg.id);

    const soorten = (await f.samenspreker.get(Tijdlijn).lees(v.id, { limiet: 50 })).map((e) => e.soort);
    expect(soorten).toEqual([
      'vraagstuk-aangemaakt',
      'deelnemer-uitgenodigd',
      'deelnemer-uitgenodigd',
      'deelnemer-toegetreden',
      'deelnemer-toegetreden',
      'deelnemer-toegetreden',
      'deelnemer-toegetreden',
      'deelnemer-rol-gewijzigd',
      'deelnemer-vertrokken',
      'deelnemer-toegetreden',
    ]);
    expect(await f.samenspreker.get(Tijdlijn).verifieer(v.id)).toEqual({ geldig: true, aantal: 10 });

    const tafelEvents = new Set<string>(Object.values(TAFEL_EVENTS));
    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(f.nc, since)).filter((e) => tafelEvents.has(e.subject) && (e.event?.data as { vraagstukId?: string } | undefined)?.vraagstukId === v.id);
        return found.length >= 9 ? found : undefined;
      },
      { what: 'nine deelnemer events' },
    );
    expect(events.map((e) => e.event?.type)).toEqual([
      'nl.samen.samenspreker.deelnemer.uitgenodigd.v1',
      'nl.samen.samenspreker.deelnemer.uitgenodigd.v1',
      'nl.samen.samenspreker.deelnemer.toegetreden.v1',
      'nl.samen.samenspreker.deelnemer.toegetreden.v1',
      'nl.samen.samenspreker.deelnemer.toegetreden.v1',
      'nl.samen.samenspreker.deelnemer.toegetreden.v1',
      'nl.samen.samenspreker.deelnemer.rol-gewijzigd.v1',
      'nl.samen.samenspreker.deelnemer.vertrokken.v1',
      'nl.samen.samenspreker.deelnemer.toegetreden.v1',
    ]);
    expect(events[1]?.event).toMatchObject({
      subject: bobUitgenodigd.id,
      gemeente: 'GM0637',
      data: { id: bobUitgenodigd.id, vraagstukId: v.id, gemeente: 'GM0637', rol: 'deelnemer', segment: 'bedrijfsleven', organisatie: org1, tijdstip: expect.any(String) },
    });
    expect(events[2]?.event?.data).toMatchObject({ id: veraUitgenodigd.id, rol: 'voorzitter', uitgenodigd: true });
    expect(events[4]?.event?.data).toMatchObject({ id: carlaZetel.id, uitgenodigd: false });
    expect(events[6]?.event?.data).toMatchObject({ id: carlaZetel.id, rol: 'besluitvormer', vorigeRol: 'deelnemer' });
    expect(events[7]?.event?.data).toMatchObject({ id: weg.id, vorigeStatus: 'actief' });
    // No account id of anyone in any event (AVG: monitoring needs segments and roles, not people).
    const tekst = JSON.stringify(events.map((e) => e.event));
    for (const wie of [anne, ambtenaar, vera, bob, carla, dirk]) expect(tekst).not.toContain(wie.accountId);
  });

  it('lets the table steer the phases once the gemeente has taken the vraagstuk up; a plain deelnemer cannot', async () => {
    const anne = await actor(['inwoner']);
    const ambtenaar = await actor(['ambtenaar']);
    const vera = await actor(['inwoner']);
    const carla = await actor(['inwoner']);
    const v = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, nieuw('Een pleintje zonder bankjes'), anne));
    dataOf(await ask(TAFEL_SUBJECTS.uitnodigen, { id: v.id, accountId: vera.accountId, rol: 'voorzitter', segment: 'inwoner' }, ambtenaar));
    // Invited is not seated: no table role yet.
    expect(errorOf(await fase(v.id, 'oplossingen', vera))).toMatchObject({ code: 'FORBIDDEN' });
    dataOf(await ask(TAFEL_SUBJECTS.toetreden, { id: v.id }, vera));
    dataOf(await ask(TAFEL_SUBJECTS.toetreden, { id: v.id }, carla));

    // Taking it up is the gemeente's call, not the voorzitter's.
    expect(errorOf(await fase(v.id, 'oplossingen', vera))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('gemeentebeheerder of ambtenaar') });
    expect(dataOf(await fase(v.id, 'oplossingen', ambtenaar)).fase).toBe('oplossingen');
    for (const wie of [carla, anne]) {
      expect(errorOf(await fase(v.id, 'besluitvorming', wie))).toMatchObject({ code: 'FORBIDDEN', status: 403, message: expect.stringContaining('de voorzitter van de tafel') });
    }
    expect(dataOf(await fase(v.id, 'besluitvorming', vera)).fase).toBe('besluitvorming');
    // A besluitvormer may reopen it; a voorzitter who left is no longer at the table.
    const carlaZetel = (await tafel(v.id, vera)).deelnemers.find((d) => d.accountId === carla.accountId);
    dataOf(await ask(TAFEL_SUBJECTS.rolWijzigen, { id: v.id, deelnemerId: carlaZetel?.id, rol: 'besluitvormer' }, vera));
    expect(dataOf(await fase(v.id, 'oplossingen', carla)).fase).toBe('oplossingen');
    dataOf(await ask(TAFEL_SUBJECTS.verlaten, { id: v.id }, vera));
    expect(errorOf(await fase(v.id, 'besluitvorming', vera))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('closes the table of a rejected vraagstuk: no invitations, joining, leaving or role changes (409)', async () => {
    const anne = await actor(['inwoner']);
    const ambtenaar = await actor(['ambtenaar']);
    const carla = await actor(['inwoner']);
    const v = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, nieuw('Een vijver op het dak'), anne));
    dataOf(await fase(v.id, 'afgewezen', ambtenaar));
    const zetel = (await tafel(v.id)).deelnemers[0];
    expect(errorOf(await ask(TAFEL_SUBJECTS.toetreden, { id: v.id }, carla))).toMatchObject({ code: 'CONFLICT', status: 409, message: expect.stringContaining('afgewezen') });
    expect(errorOf(await ask(TAFEL_SUBJECTS.uitnodigen, { id: v.id, accountId: carla.accountId, rol: 'deelnemer', segment: 'inwoner' }, ambtenaar))).toMatchObject({ code: 'CONFLICT' });
    expect(errorOf(await ask(TAFEL_SUBJECTS.verlaten, { id: v.id }, anne))).toMatchObject({ code: 'CONFLICT' });
    expect(errorOf(await ask(TAFEL_SUBJECTS.rolWijzigen, { id: v.id, deelnemerId: zetel?.id, rol: 'waarnemer' }, ambtenaar))).toMatchObject({ code: 'CONFLICT' });
    expect((await tafel(v.id)).deelnemers).toEqual([zetel]);
  });

  it('serves the table over HTTP through the gateway: read publicly, invite, join, change a role, leave', async () => {
    const base = `${await f.gateway()}/api/v1`;
    const http = (method: string, path: string, as?: Actor, body?: unknown) =>
      fetch(`${base}${path}`, {
        method,
        headers: {
          'Samen-Gemeente': 'GM0637',
          ...(as ? { authorization: `Bearer ${as.token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });

    const anne = await actor(['inwoner']);
    const ambtenaar = await actor(['ambtenaar']);
    const vera = await actor(['inwoner']);
    const v = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, nieuw('Losliggende stoeptegels'), anne));

    const uitnodiging = await http('POST', `/vraagstukken/${v.id}/tafel/uitnodigingen`, ambtenaar, { accountId: vera.accountId, rol: 'voorzitter', segment: 'burgers' });
    expect(uitnodiging.status).toBe(201);
    const veraZetel = (await uitnodiging.json()) as DeelnemerView;
    expect(veraZetel).toMatchObject({ accountId: vera.accountId, rol: 'voorzitter', segment: 'burgers', status: 'uitgenodigd' });
    expect((await http('POST', `/vraagstukken/${v.id}/tafel/uitnodigingen`, ambtenaar, { accountId: vera.accountId, rol: 'voorzitter', segment: 'burgers' })).status).toBe(409);
    expect((await http('POST', `/vraagstukken/${v.id}/tafel/uitnodigingen`, undefined, { accountId: vera.accountId, rol: 'voorzitter', segment: 'burgers' })).status).toBe(401);
    const fout = await http('POST', `/vraagstukken/${v.id}/tafel/uitnodigingen`, ambtenaar, { accountId: 'niemand', rol: 'koning', segment: 'burgers' });
    expect(fout.status).toBe(400);
    expect(fout.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    const toetreden = await http('POST', `/vraagstukken/${v.id}/tafel/deelnemers`, vera, {});
    expect(toetreden.status).toBe(201);
    expect(await toetreden.json()).toMatchObject({ id: veraZetel.id, status: 'actief' });
    const anneZetel = ((await (await http('GET', `/vraagstukken/${v.id}/tafel`, vera)).json()) as TafelView).deelnemers.find((d) => d.accountId === anne.accountId);
    const rol = await http('PUT', `/vraagstukken/${v.id}/tafel/deelnemers/${anneZetel?.id}/rol`, vera, { rol: 'uitvoerder' });
    expect(rol.status).toBe(200);
    expect(await rol.json()).toMatchObject({ id: anneZetel?.id, rol: 'uitvoerder' });
    expect((await http('PUT', `/vraagstukken/${v.id}/tafel/deelnemers/${anneZetel?.id}/rol`, anne, { rol: 'voorzitter' })).status).toBe(403);

    const publiek = await http('GET', `/vraagstukken/${v.id}/tafel`);
    expect(publiek.status).toBe(200);
    expect(await publiek.json()).toEqual({
      vraagstukId: v.id,
      deelnemers: [
        { id: anneZetel?.id, vraagstukId: v.id, pseudoniem: anneZetel?.pseudoniem, rol: 'uitvoerder', segment: 'inwoner', status: 'actief', sinds: expect.any(String) },
        { id: veraZetel.id, vraagstukId: v.id, pseudoniem: veraZetel.pseudoniem, rol: 'voorzitter', segment: 'burgers', status: 'actief', sinds: veraZetel.sinds },
      ],
      vertegenwoordiging: { aantallen: { gemeente: 0, bedrijfsleven: 0, maatschappelijk: 0, burgers: 1, inwoner: 1 }, ontbrekend: ['gemeente', 'bedrijfsleven', 'maatschappelijk'] },
    });

    const verlaat = await http('POST', `/vraagstukken/${v.id}/tafel/_verlaat`, vera, {});
    expect(verlaat.status).toBe(200);
    expect(await verlaat.json()).toMatchObject({ id: veraZetel.id, status: 'vertrokken' });
    expect((await http('POST', `/vraagstukken/${v.id}/tafel/_verlaat`, vera, {})).status).toBe(409);
    expect((await http('GET', `/vraagstukken/${randomUUID()}/tafel`)).status).toBe(404);
    expect((await http('GET', `/vraagstukken/geen-uuid/tafel`)).status).toBe(400);
  });
});
