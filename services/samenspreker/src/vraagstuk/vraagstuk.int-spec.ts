import { randomUUID } from 'node:crypto';
import {
  type Rol,
  type Segment,
  VRAAGSTUK_EVENTS,
  VRAAGSTUK_SUBJECTS,
  TAFEL_SUBJECTS,
  type TafelView,
  type VraagstukList,
  type VraagstukView,
} from '@samen/contracts';
import { dataOf, errorOf, pollUntil, streamEvents, streamLastSeq, truncate } from '@samen/testing';
import { Pseudoniemen } from '../gedeeld/pseudoniem';
import { SamenspraakFixture } from '../testing/samenspraak.fixture';
import { NUL_HASH } from '../tijdlijn/tijdlijn-keten';
import { Tijdlijn } from '../tijdlijn/tijdlijn.service';

describe('samenspreker over NATS (vraagstukken en hun fasen)', () => {
  let f: SamenspraakFixture;

  const actor = (rollen: Rol[], segment: Segment = 'inwoner', gemeente = 'GM0637', organisatie?: string) =>
    f.actor({ rollen, segment, gemeente, ...(organisatie ? { organisatie } : {}) });
  const ask = <T>(...args: Parameters<SamenspraakFixture['ask']>) => f.ask<T>(...args);

  const nieuw = (titel: string, gebied = 'BU07370101', soort: 'probleem' | 'kans' = 'probleem') => ({
    soort,
    titel,
    omschrijving: 'Te hard gereden in de straat.',
    gebied: { code: gebied, naam: 'Dorp' },
    themas: ['verkeer', 'verkeer', 'veiligheid'],
  });

  beforeAll(async () => {
    await truncate('samenspreker', ['vraagstuk', 'outbox', 'inbox']);
    f = await SamenspraakFixture.start();
  });

  afterAll(async () => {
    await f?.stop();
  });

  it('creates with a login, reads and lists publicly, filtered and a page at a time', async () => {
    const since = await streamLastSeq(f.nc);
    const anne = await actor(['inwoner'], 'bedrijfsleven');
    expect(errorOf(await ask(VRAAGSTUK_SUBJECTS.create, nieuw('Anoniem')))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(errorOf(await ask(VRAAGSTUK_SUBJECTS.create, { ...nieuw('x'), soort: 'klacht' }, anne))).toMatchObject({ code: 'VALIDATION_FAILED' });

    const v = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, nieuw('Hardrijders in de Dorpsstraat'), anne));
    // By pseudonym, never the account id; the answer to anne marks it as hers.
    const initiatiefnemer = { pseudoniem: f.samenspreker.get(Pseudoniemen).van(v.id, anne.accountId), segment: 'bedrijfsleven' };
    expect(v).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      gemeente: 'GM0637',
      soort: 'probleem',
      titel: 'Hardrijders in de Dorpsstraat',
      omschrijving: 'Te hard gereden in de straat.',
      gebied: { code: 'BU07370101', naam: 'Dorp' },
      themas: ['verkeer', 'veiligheid'],
      initiatiefnemer: { ...initiatiefnemer, eigen: true },
      fase: 'agendering',
      faseSinds: expect.any(String),
      aangemaaktTijdstip: expect.any(String),
      steun: { aantal: 0, drempel: expect.any(Number) },
      reactietermijn: { uiterlijk: expect.any(String), verstreken: false },
    });
    // Public: anonymous reads; another gemeente does not see it.
    expect(dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: v.id }))).toEqual({ ...v, initiatiefnemer });
    expect(dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: v.id }, anne))).toEqual(v);
    expect(errorOf(await ask(VRAAGSTUK_SUBJECTS.get, { id: v.id }, undefined, 'GM0518'))).toMatchObject({ code: 'NOT_FOUND', status: 404 });

    const k1 = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, nieuw('Een buurttuin', 'BU07370102', 'kans'), anne));
    const k2 = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, nieuw('Een speelplek', 'BU07370102', 'kans'), anne));
    const kansen = dataOf(await ask<VraagstukList>(VRAAGSTUK_SUBJECTS.list, { soort: 'kans', limiet: 1 }));
    expect(kansen.items.map((i) => i.id)).toEqual([k2.id]);
    expect(kansen.volgende).toEqual(expect.any(String));
    const rest = dataOf(await ask<VraagstukList>(VRAAGSTUK_SUBJECTS.list, { soort: 'kans', limiet: 1, na: kansen.volgende }));
    expect(rest.items.map((i) => i.id)).toEqual([k1.id]);
    expect(dataOf(await ask<VraagstukList>(VRAAGSTUK_SUBJECTS.list, { gebied: 'BU07370101', fase: 'agendering' })).items.map((i) => i.id)).toEqual([v.id]);
    expect(dataOf(await ask<VraagstukList>(VRAAGSTUK_SUBJECTS.list, { fase: 'oplossingen' })).items).toEqual([]);
    expect(dataOf(await ask<VraagstukList>(VRAAGSTUK_SUBJECTS.list, {}, undefined, 'GM0518')).items).toEqual([]);
    expect(errorOf(await ask(VRAAGSTUK_SUBJECTS.list, { na: 'bm9n' }))).toMatchObject({ code: 'VALIDATION_FAILED' });

    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(f.nc, since)).filter((e) => e.subject === VRAAGSTUK_EVENTS.aangemaakt && e.event?.subject === v.id);
        return found.length ? found : undefined;
      },
      { what: 'vraagstuk-aangemaakt' },
    );
    expect(events[0]?.event).toMatchObject({ type: 'nl.samen.samenspreker.vraagstuk.aangemaakt.v1', gemeente: 'GM0637' });
    expect(events[0]?.event?.data).toEqual({
      id: v.id,
      gemeente: 'GM0637',
      soort: 'probleem',
      titel: 'Hardrijders in de Dorpsstraat',
      gebied: { code: 'BU07370101', naam: 'Dorp' },
      themas: ['verkeer', 'veiligheid'],
      initiatiefnemer: { segment: 'bedrijfsleven' },
      fase: 'agendering',
    });
  });

  it('refuses a forbidden transition with 409 naming the allowed ones; an ambtenaar moves it on, on the stream and the timeline', async () => {
    const anne = await actor(['inwoner']);
    const ambtenaar = await actor(['ambtenaar'], 'gemeente');
    const v = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, nieuw('Gladde fietspaden'), anne));

    expect(errorOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v.id, naar: 'uitvoering', motivatie: 'snel' }, ambtenaar))).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      message: expect.stringContaining('Nu toegestaan: oplossingen, afgewezen.'),
      toegestaan: ['oplossingen', 'afgewezen'],
    });
    expect(errorOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v.id, naar: 'oplossingen', motivatie: 'ik wil' }, anne))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(errorOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v.id, naar: 'oplossingen', motivatie: 'x' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v.id, naar: 'oplossingen', motivatie: '' }, ambtenaar))).toMatchObject({ code: 'VALIDATION_FAILED' });

    const since = await streamLastSeq(f.nc);
    const na = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v.id, naar: 'oplossingen', motivatie: 'Op de agenda gezet.' }, ambtenaar));
    expect(na.fase).toBe('oplossingen');
    expect(Date.parse(na.faseSinds)).toBeGreaterThan(Date.parse(v.faseSinds));
    // Without a published besluit, besluitvorming cannot move on to uitvoering.
    dataOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v.id, naar: 'besluitvorming', motivatie: 'Genoeg opties.' }, ambtenaar));
    expect(errorOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v.id, naar: 'uitvoering', motivatie: 'x' }, ambtenaar))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('gepubliceerd besluit'),
      toegestaan: ['oplossingen'],
    });

    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(f.nc, since)).filter((e) => e.subject === VRAAGSTUK_EVENTS.faseGewijzigd && e.event?.subject === v.id);
        return found.length >= 2 ? found : undefined;
      },
      { what: 'two vraagstuk-fase-gewijzigd events' },
    );
    expect(events[0]?.event).toMatchObject({
      type: 'nl.samen.samenspreker.vraagstuk.fase-gewijzigd.v1',
      gemeente: 'GM0637',
      data: { id: v.id, gemeente: 'GM0637', van: 'agendering', naar: 'oplossingen', motivatie: 'Op de agenda gezet.' },
    });
    expect(events[1]?.event?.data).toMatchObject({ van: 'oplossingen', naar: 'besluitvorming' });

    const tijdlijn = f.samenspreker.get(Tijdlijn);
    expect((await tijdlijn.lees(v.id, { limiet: 10 })).map((e) => e.soort)).toEqual(['vraagstuk-aangemaakt', 'fase-gewijzigd', 'fase-gewijzigd']);
    expect(await tijdlijn.verifieer(v.id)).toEqual({ geldig: true, aantal: 3 });
  });

  // The public reads are raw SQL mapped to the view and a create skips the chain lock: both must give what the ORM path gave.
  it("reads an organisation's vraagstuk exactly as its create answered; the create seats the initiatiefnemer and starts the chain at 1", async () => {
    const organisatie = randomUUID();
    const bea = await actor(['inwoner'], 'bedrijfsleven', 'GM0637', organisatie);
    const v = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, nieuw('Laden en lossen in de Kerkstraat', 'BU07370199'), bea));
    expect(v.initiatiefnemer).toEqual({ pseudoniem: expect.any(String), segment: 'bedrijfsleven', organisatie, eigen: true });
    const publiek = { ...v, initiatiefnemer: { pseudoniem: v.initiatiefnemer.pseudoniem, segment: 'bedrijfsleven', organisatie } };
    expect(dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id: v.id }))).toEqual(publiek);
    expect(dataOf(await ask<VraagstukList>(VRAAGSTUK_SUBJECTS.list, { gebied: 'BU07370199' }))).toEqual({ items: [publiek] });
    expect(dataOf(await ask<VraagstukList>(VRAAGSTUK_SUBJECTS.list, { gebied: 'BU07370199', thema: 'veiligheid', q: 'lossen' }, bea))).toEqual({ items: [v] });

    const tafel = dataOf(await ask<TafelView>(TAFEL_SUBJECTS.get, { id: v.id }));
    expect(tafel.deelnemers).toEqual([expect.objectContaining({ rol: 'initiatiefnemer', segment: 'bedrijfsleven', organisatie })]);
    const [eerste] = await f.samenspreker.get(Tijdlijn).lees(v.id);
    expect(eerste).toMatchObject({ volgnummer: 1, vorigeHash: NUL_HASH, soort: 'vraagstuk-aangemaakt', tijdstip: expect.any(Date) });
    expect(await f.samenspreker.get(Tijdlijn).verifieer(v.id)).toEqual({ geldig: true, aantal: 1 });
  });
});
