import { randomUUID } from 'node:crypto';
import {
  ACTIE_EVENTS,
  ACTIE_SUBJECTS,
  type ActieList,
  type ActieView,
  BESLUIT_EVENTS,
  BESLUIT_SUBJECTS,
  type BesluitList,
  type BesluitView,
  EVALUATIE_EVENTS,
  EVALUATIE_SUBJECTS,
  type EvaluatieOverzicht,
  type EvaluatieView,
  type Rol,
  type Segment,
  type TafelRol,
  VRAAGSTUK_SUBJECTS,
  type VraagstukFase,
  type VraagstukView,
} from '@samen/contracts';
import { nederlandseDatum } from '@samen/platform';
import { dataOf, errorOf, pollUntil, streamEvents, streamLastSeq, truncate, withClient } from '@samen/testing';
import { type Actor, SamenspraakFixture } from '../testing/samenspraak.fixture';
import { Tijdlijn } from '../tijdlijn/tijdlijn.service';

const DAG = 24 * 3600 * 1000;
const OVERMORGEN = nederlandseDatum(new Date(Date.now() + 2 * DAG));
const EERGISTEREN = nederlandseDatum(new Date(Date.now() - 2 * DAG));
const VANDAAG = nederlandseDatum(new Date());

describe('samenspreker over NATS (besluit, uitvoering, evaluatie en de fasen die erop wachten)', () => {
  let f: SamenspraakFixture;
  let ambtenaar: Actor;

  const actor = (rollen: Rol[], segment: Segment = 'inwoner', organisatie?: string) => f.actor({ rollen, segment, organisatie });
  const ask = <T>(...args: Parameters<SamenspraakFixture['ask']>) => f.ask<T>(...args);
  const zet = (vraagstukId: string, wie: Actor, rol: TafelRol, organisatie?: string, segment: Segment = 'inwoner') => f.seat(vraagstukId, wie, rol, { segment, organisatie });

  /** An oplossing with versions 1..n in a round of the vraagstuk, written directly: the rondes have their own tests. */
  async function oplossingMetVersies(vraagstukId: string, versies: number): Promise<string> {
    const rondeId = randomUUID();
    const oplossingId = randomUUID();
    await withClient('samenspreker', async (c) => {
      await c.query(`insert into samenspreker.ronde (id, vraagstuk_id, gemeente, nummer, status, geopend_op) values ($1, $2, 'GM0637', 1, 'open', now())`, [rondeId, vraagstukId]);
      await c.query(`insert into samenspreker.oplossing (id, vraagstuk_id, gemeente, ronde_id, auteur_account_id, auteur_segment, ingediend_op) values ($1, $2, 'GM0637', $3, $4, 'inwoner', now())`, [
        oplossingId,
        vraagstukId,
        rondeId,
        randomUUID(),
      ]);
      for (let versie = 1; versie <= versies; versie++) {
        await c.query(
          `insert into samenspreker.oplossing_versie (id, oplossing_id, versie, titel, omschrijving, overgenomen, auteur_account_id, auteur_segment, tijdstip)
           values ($1, $2, $3, 'Drempels', 'Drie drempels.', '{"reacties": [], "bijdragen": []}', $4, 'inwoner', now())`,
          [randomUUID(), oplossingId, versie, randomUUID()],
        );
      }
    });
    return oplossingId;
  }

  /** A stemming of the vraagstuk, written directly (the stemmingen have their own tests): closed with a proces-verbaal, still open, or withdrawn. */
  async function stemmingVan(vraagstukId: string, status: 'gepubliceerd' | 'gesloten' | 'ingetrokken'): Promise<string> {
    const id = randomUUID();
    const gesloten = status === 'gesloten';
    const ingetrokken = status === 'ingetrokken';
    await withClient('samenspreker', (c) =>
      c.query(
        `insert into samenspreker.stemming (id, vraagstuk_id, gemeente, regels, regels_hash, sluiting_tijdstip, status, proces_verbaal, proces_verbaal_hash, aangemaakt_tijdstip, gesloten_tijdstip,
                                            intrekking_motivatie, ingetrokken_tijdstip)
         values ($1, $2, 'GM0637', '{}', repeat('a', 64), now(), $3, $4, $5, now(), $6, $7, $8)`,
        [id, vraagstukId, status, gesloten ? '{}' : null, gesloten ? 'b'.repeat(64) : null, gesloten ? new Date() : null, ingetrokken ? 'Vergissing.' : null, ingetrokken ? new Date() : null],
      ),
    );
    return id;
  }

  async function naar(id: string, fase: VraagstukFase): Promise<VraagstukView> {
    return dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.faseWijzigen, { id, naar: fase, motivatie: `Naar ${fase}.` }, ambtenaar));
  }

  function naarWeigering(id: string, fase: VraagstukFase) {
    return ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id, naar: fase, motivatie: `Naar ${fase}.` }, ambtenaar).then(errorOf);
  }

  async function vraagstuk(titel: string): Promise<VraagstukView> {
    const indiener = await actor(['inwoner']);
    return dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, { soort: 'probleem', titel, omschrijving: 'Het speelt al lang.', gebied: { code: 'BU06370101', naam: 'Dorp' } }, indiener));
  }

  async function inBesluitvorming(titel: string): Promise<VraagstukView> {
    const v = await vraagstuk(titel);
    await naar(v.id, 'oplossingen');
    return naar(v.id, 'besluitvorming');
  }

  const besluit = (vraagstukId: string, extra: Record<string, unknown> = {}) => ({
    vraagstukId,
    orgaan: 'college',
    tekst: 'Er komen drie drempels.',
    motivatie: 'De tafel koos deze oplossing.',
    oplossingVersies: [],
    stemmingen: [],
    datum: VANDAAG,
    ...extra,
  });

  const actie = (vraagstukId: string, eigenaarOrganisatie: string, extra: Record<string, unknown> = {}) => ({
    vraagstukId,
    titel: 'Drempels plaatsen',
    omschrijving: 'Drie drempels tussen nummer 1 en 40.',
    eigenaarOrganisatie,
    deadline: OVERMORGEN,
    ...extra,
  });

  /** Every event of the vraagstuk after `since`, once at least `aantal` arrived. */
  async function eventsVan(vraagstukId: string, since: number, aantal: number) {
    return pollUntil(
      async () => {
        const found = (await streamEvents(f.nc, since)).filter((e) => (e.event?.data as { vraagstukId?: string } | undefined)?.vraagstukId === vraagstukId);
        return found.length >= aantal ? found : undefined;
      },
      { what: `${aantal} events of ${vraagstukId}` },
    );
  }

  beforeAll(async () => {
    await truncate('samenspreker', ['vraagstuk', 'outbox', 'inbox']);
    f = await SamenspraakFixture.start();
    ambtenaar = await actor(['ambtenaar'], 'gemeente');
  });

  afterAll(async () => {
    await f?.stop();
  });

  describe('besluiten', () => {
    it('are published by a besluitvormer or staff, only in besluitvorming; bad input changes nothing', async () => {
      const v = await vraagstuk('Drukte bij de school');
      const besluitvormer = await actor(['inwoner'], 'maatschappelijk');
      const deelnemer = await actor(['inwoner']);
      await zet(v.id, besluitvormer, 'besluitvormer');
      await zet(v.id, deelnemer, 'deelnemer');

      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id), besluitvormer))).toMatchObject({ code: 'CONFLICT', status: 409, message: expect.stringContaining('besluitvorming') });
      await naar(v.id, 'oplossingen');
      await naar(v.id, 'besluitvorming');

      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id)))).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id), deelnemer))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id), await actor(['inwoner'])))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id, { orgaan: 'organisatie' }), besluitvormer))).toMatchObject({
        code: 'VALIDATION_FAILED',
        invalidParams: [expect.objectContaining({ name: 'organisatie' })],
      });
      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id, { orgaan: 'raad', organisatie: randomUUID() }), besluitvormer))).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id, { datum: OVERMORGEN }), besluitvormer))).toMatchObject({
        code: 'VALIDATION_FAILED',
        invalidParams: [expect.objectContaining({ name: 'datum' })],
      });
      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id, { datum: '2026-02-30' }), besluitvormer))).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id, { orgaan: 'wethouder' }), besluitvormer))).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id, { stemmingen: ['geen-uuid'] }), besluitvormer))).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id, { oplossingVersies: [{ oplossingId: randomUUID(), versie: 0 }] }), besluitvormer))).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect(dataOf(await ask<BesluitList>(BESLUIT_SUBJECTS.list, { vraagstukId: v.id })).items).toEqual([]);

      const since = await streamLastSeq(f.nc);
      const organisatie = randomUUID();
      const oplossingId = await oplossingMetVersies(v.id, 2);
      // Only versions of this vraagstuk's oplossingen can be chosen.
      for (const onbekend of [{ oplossingId, versie: 3 }, { oplossingId: randomUUID(), versie: 1 }]) {
        expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id, { oplossingVersies: [{ oplossingId, versie: 1 }, onbekend] }), besluitvormer))).toMatchObject({
          code: 'VALIDATION_FAILED',
          invalidParams: [expect.objectContaining({ name: 'oplossingVersies[1]' })],
        });
      }
      const oplossingVersies = [{ oplossingId, versie: 2 }];
      const stemming = await stemmingVan(v.id, 'gesloten');
      // Only closed stemmingen of this vraagstuk: their result is on the timeline. A withdrawn one never has a result.
      const weigeringen = [
        [await stemmingVan(v.id, 'gepubliceerd'), 'gesloten'],
        [await stemmingVan(v.id, 'ingetrokken'), 'ingetrokken'],
        [randomUUID(), 'bestaat'],
      ] as const;
      for (const [ander, code] of weigeringen) {
        expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id, { stemmingen: [stemming, ander] }), besluitvormer))).toMatchObject({
          code: 'VALIDATION_FAILED',
          invalidParams: [expect.objectContaining({ name: 'stemmingen[1]', code })],
        });
      }
      const b = dataOf(
        await ask<BesluitView>(BESLUIT_SUBJECTS.create, besluit(v.id, { orgaan: 'organisatie', organisatie, oplossingVersies, stemmingen: [stemming, stemming], datum: EERGISTEREN }), besluitvormer),
      );
      expect(b).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        vraagstukId: v.id,
        orgaan: 'organisatie',
        organisatie,
        tekst: 'Er komen drie drempels.',
        motivatie: 'De tafel koos deze oplossing.',
        oplossingVersies,
        stemmingen: [stemming],
        datum: EERGISTEREN,
        gepubliceerdTijdstip: expect.any(String),
      });
      // Public, within the gemeente only.
      expect(dataOf(await ask<BesluitView>(BESLUIT_SUBJECTS.get, { vraagstukId: v.id, besluitId: b.id }))).toEqual(b);
      expect(errorOf(await ask(BESLUIT_SUBJECTS.get, { vraagstukId: v.id, besluitId: b.id }, undefined, 'GM0518'))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await ask(BESLUIT_SUBJECTS.get, { vraagstukId: v.id, besluitId: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });
      // Staff may publish too.
      dataOf(await ask<BesluitView>(BESLUIT_SUBJECTS.create, besluit(v.id, { orgaan: 'raad' }), ambtenaar));

      const [event] = await eventsVan(v.id, since, 1);
      expect(event?.subject).toBe(BESLUIT_EVENTS.gepubliceerd);
      expect(event?.event).toMatchObject({ type: 'nl.samen.samenspreker.besluit.gepubliceerd.v1', subject: b.id });
      expect(event?.event?.data).toEqual({
        id: b.id,
        vraagstukId: v.id,
        gemeente: 'GM0637',
        orgaan: 'organisatie',
        organisatie,
        oplossingVersies,
        stemmingen: [stemming],
        datum: EERGISTEREN,
        gepubliceerdTijdstip: b.gepubliceerdTijdstip,
      });
      expect(JSON.stringify(event?.event?.data)).not.toContain(besluitvormer.accountId);
      const tijdlijn = f.samenspreker.get(Tijdlijn);
      expect((await tijdlijn.lees(v.id, { limiet: 20 })).map((e) => e.soort)).toEqual([
        'vraagstuk-aangemaakt',
        'fase-gewijzigd',
        'fase-gewijzigd',
        'besluit-gepubliceerd',
        'besluit-gepubliceerd',
      ]);
    });

    it('are corrected by a new besluit, once each; the old one shows who corrected it; the database refuses edits', async () => {
      const v = await inBesluitvorming('Losliggende stoeptegels');
      const ander = await inBesluitvorming('Zwerfvuil');
      const b1 = dataOf(await ask<BesluitView>(BESLUIT_SUBJECTS.create, besluit(v.id), ambtenaar));
      const elders = dataOf(await ask<BesluitView>(BESLUIT_SUBJECTS.create, besluit(ander.id), ambtenaar));

      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id, { corrigeert: randomUUID() }), ambtenaar))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id, { corrigeert: elders.id }), ambtenaar))).toMatchObject({
        code: 'VALIDATION_FAILED',
        invalidParams: [expect.objectContaining({ name: 'corrigeert' })],
      });
      const b2 = dataOf(await ask<BesluitView>(BESLUIT_SUBJECTS.create, besluit(v.id, { tekst: 'Er komen twee drempels.', corrigeert: b1.id }), ambtenaar));
      expect(b2.corrigeert).toBe(b1.id);
      expect(errorOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id, { corrigeert: b1.id }), ambtenaar))).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(b2.id),
      });
      // Correcting the correction is fine.
      const b3 = dataOf(await ask<BesluitView>(BESLUIT_SUBJECTS.create, besluit(v.id, { corrigeert: b2.id }), ambtenaar));

      expect(dataOf(await ask<BesluitView>(BESLUIT_SUBJECTS.get, { vraagstukId: v.id, besluitId: b1.id }))).toEqual({ ...b1, gecorrigeerdDoor: b2.id });
      const lijst = dataOf(await ask<BesluitList>(BESLUIT_SUBJECTS.list, { vraagstukId: v.id }));
      expect(lijst.items.map((b) => [b.id, b.corrigeert, b.gecorrigeerdDoor])).toEqual([
        [b1.id, undefined, b2.id],
        [b2.id, b1.id, b3.id],
        [b3.id, b2.id, undefined],
      ]);
      expect(lijst.items[0]?.tekst).toBe('Er komen drie drempels.');

      await withClient('samenspreker', async (c) => {
        await expect(c.query(`update samenspreker.besluit set tekst = 'anders' where id = $1`, [b1.id])).rejects.toThrow(/gepubliceerd/);
        await expect(c.query(`delete from samenspreker.besluit where id = $1`, [b1.id])).rejects.toThrow(/gepubliceerd/);
      });
    });
  });

  describe('acties', () => {
    it('are made by besluitvormer, voorzitter or staff in uitvoering; progress by the owning uitvoerder; closing by voorzitter or staff', async () => {
      const v = await inBesluitvorming('Donkere fietstunnel');
      const gemeentewerken = randomUUID();
      const voorzitter = await actor(['inwoner']);
      const besluitvormer = await actor(['inwoner']);
      const uitvoerder = await actor(['inwoner'], 'bedrijfsleven', gemeentewerken);
      const andereUitvoerder = await actor(['inwoner'], 'bedrijfsleven', randomUUID());
      const nietAanTafel = await actor(['inwoner'], 'bedrijfsleven', gemeentewerken);
      await zet(v.id, voorzitter, 'voorzitter');
      await zet(v.id, besluitvormer, 'besluitvormer');
      await zet(v.id, uitvoerder, 'uitvoerder', gemeentewerken, 'bedrijfsleven');
      await zet(v.id, andereUitvoerder, 'uitvoerder', undefined, 'bedrijfsleven');

      expect(errorOf(await ask(ACTIE_SUBJECTS.create, actie(v.id, gemeentewerken), voorzitter))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('uitvoering') });
      dataOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id), besluitvormer));
      await naar(v.id, 'uitvoering');

      const since = await streamLastSeq(f.nc);
      expect(errorOf(await ask(ACTIE_SUBJECTS.create, actie(v.id, gemeentewerken), uitvoerder))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await ask(ACTIE_SUBJECTS.create, actie(v.id, gemeentewerken, { deadline: '2026-02-30' }), voorzitter))).toMatchObject({ code: 'VALIDATION_FAILED' });
      const a = dataOf(await ask<ActieView>(ACTIE_SUBJECTS.create, actie(v.id, gemeentewerken), voorzitter));
      expect(a).toEqual({
        id: expect.any(String),
        vraagstukId: v.id,
        titel: 'Drempels plaatsen',
        omschrijving: 'Drie drempels tussen nummer 1 en 40.',
        eigenaarOrganisatie: gemeentewerken,
        deadline: OVERMORGEN,
        status: 'gepland',
        percentage: 0,
        teLaat: false,
        voortgang: [],
        aangemaaktTijdstip: expect.any(String),
      });
      const laat = dataOf(await ask<ActieView>(ACTIE_SUBJECTS.create, actie(v.id, gemeentewerken, { titel: 'Verlichting', deadline: EERGISTEREN }), besluitvormer));
      expect(laat.teLaat).toBe(true);
      const derde = dataOf(await ask<ActieView>(ACTIE_SUBJECTS.create, actie(v.id, randomUUID(), { titel: 'Schilderen' }), ambtenaar));

      const meld = (wie: Actor, actieId: string, body: Record<string, unknown>) => ask<ActieView>(ACTIE_SUBJECTS.voortgang, { vraagstukId: v.id, actieId, toelichting: 'Gaat goed.', ...body }, wie);
      expect(errorOf(await meld(andereUitvoerder, a.id, { percentage: 10 }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await meld(nietAanTafel, a.id, { percentage: 10 }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await meld(voorzitter, a.id, { percentage: 10 }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await meld(uitvoerder, randomUUID(), { percentage: 10 }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await meld(uitvoerder, a.id, { percentage: 101 }))).toMatchObject({ code: 'VALIDATION_FAILED' });
      const bezig = dataOf(await meld(uitvoerder, a.id, { percentage: 30 }));
      expect(bezig).toMatchObject({ status: 'bezig', percentage: 30, voortgang: [{ percentage: 30, toelichting: 'Gaat goed.', status: 'bezig', tijdstip: expect.any(String) }] });
      expect(errorOf(await meld(uitvoerder, a.id, { percentage: 20 }))).toMatchObject({ code: 'RULE_VIOLATED', status: 422 });
      expect(errorOf(await meld(uitvoerder, a.id, { percentage: 90, status: 'afgerond' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
      dataOf(await meld(ambtenaar, a.id, { percentage: 60 }));
      const af = dataOf(await meld(uitvoerder, a.id, { percentage: 100, status: 'afgerond', toelichting: 'Klaar.' }));
      expect(af).toMatchObject({ status: 'afgerond', percentage: 100, teLaat: false });
      expect(af.voortgang.map((m) => [m.percentage, m.status])).toEqual([
        [30, 'bezig'],
        [60, 'bezig'],
        [100, 'afgerond'],
      ]);
      expect(errorOf(await meld(uitvoerder, a.id, { percentage: 100 }))).toMatchObject({ code: 'CONFLICT' });

      const sluit = (wie: Actor, actieId: string) => ask<ActieView>(ACTIE_SUBJECTS.sluit, { vraagstukId: v.id, actieId, reden: 'De provincie doet het.' }, wie);
      expect(errorOf(await sluit(besluitvormer, laat.id))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await sluit(voorzitter, a.id))).toMatchObject({ code: 'CONFLICT' });
      // Open acties hold the vraagstuk in uitvoering.
      expect(await naarWeigering(v.id, 'evaluatie')).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('nog 2 acties') });
      const gesloten = dataOf(await sluit(voorzitter, laat.id));
      expect(gesloten).toMatchObject({ status: 'gesloten', geslotenReden: 'De provincie doet het.', teLaat: false });
      expect(errorOf(await sluit(voorzitter, laat.id))).toMatchObject({ code: 'CONFLICT' });
      expect(await naarWeigering(v.id, 'evaluatie')).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('nog 1 actie') });
      dataOf(await sluit(ambtenaar, derde.id));

      const lijst = dataOf(await ask<ActieList>(ACTIE_SUBJECTS.list, { vraagstukId: v.id }));
      expect(lijst.items.map((x) => [x.titel, x.status, x.teLaat, x.voortgang.length])).toEqual([
        ['Drempels plaatsen', 'afgerond', false, 3],
        ['Verlichting', 'gesloten', false, 0],
        ['Schilderen', 'gesloten', false, 0],
      ]);
      expect(errorOf(await ask(ACTIE_SUBJECTS.list, { vraagstukId: v.id }, undefined, 'GM0518'))).toMatchObject({ code: 'NOT_FOUND' });

      await naar(v.id, 'evaluatie');
      expect(errorOf(await ask(ACTIE_SUBJECTS.create, actie(v.id, gemeentewerken), voorzitter))).toMatchObject({ code: 'CONFLICT' });

      const events = await eventsVan(v.id, since, 8);
      expect(events.map((e) => e.subject)).toEqual([
        ACTIE_EVENTS.aangemaakt,
        ACTIE_EVENTS.aangemaakt,
        ACTIE_EVENTS.aangemaakt,
        ACTIE_EVENTS.voortgang,
        ACTIE_EVENTS.voortgang,
        ACTIE_EVENTS.voortgang,
        ACTIE_EVENTS.gesloten,
        ACTIE_EVENTS.gesloten,
      ]);
      expect(events[5]?.event?.data).toMatchObject({ id: a.id, eigenaarOrganisatie: gemeentewerken, percentage: 100, status: 'afgerond' });
      const payloads = JSON.stringify(events.map((e) => e.event?.data));
      for (const wie of [voorzitter, besluitvormer, uitvoerder, ambtenaar]) expect(payloads).not.toContain(wie.accountId);

      await withClient('samenspreker', async (c) => {
        await expect(c.query(`update samenspreker.actie_voortgang set percentage = 0 where actie_id = $1`, [a.id])).rejects.toThrow(/append-only/);
      });
    });
  });

  describe('evaluatie', () => {
    it('takes one evaluation per deelnemer per pass, shows them without accounts, and a summary once per pass', async () => {
      const v = await inBesluitvorming('Te weinig bankjes');
      const voorzitter = await actor(['inwoner']);
      const anne = await actor(['inwoner']);
      const bert = await actor(['inwoner'], 'burgers');
      await zet(v.id, voorzitter, 'voorzitter');
      await zet(v.id, anne, 'deelnemer');
      await zet(v.id, bert, 'waarnemer', undefined, 'burgers');
      const geef = (wie: Actor, body: Record<string, unknown>) => ask<EvaluatieView>(EVALUATIE_SUBJECTS.geef, { vraagstukId: v.id, toelichting: '', ...body }, wie);

      expect(errorOf(await geef(anne, { proces: 4, uitkomst: 4 }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('evaluatie') });
      dataOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id), ambtenaar));
      await naar(v.id, 'uitvoering');
      await naar(v.id, 'evaluatie');

      const since = await streamLastSeq(f.nc);
      expect(errorOf(await geef(await actor(['inwoner']), { proces: 4, uitkomst: 4 }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await geef(ambtenaar, { proces: 4, uitkomst: 4 }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await geef(anne, { proces: 6, uitkomst: 4 }))).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(dataOf(await geef(anne, { proces: 2, uitkomst: 2, toelichting: 'Eerste indruk.' }))).toEqual({ proces: 2, uitkomst: 2, toelichting: 'Eerste indruk.' });
      dataOf(await geef(anne, { proces: 5, uitkomst: 4, toelichting: 'Goed geluisterd.' }));
      dataOf(await geef(bert, { proces: 4, uitkomst: 1, toelichting: 'Nog steeds te weinig.' }));

      const overzicht = dataOf(await ask<EvaluatieOverzicht>(EVALUATIE_SUBJECTS.get, { vraagstukId: v.id }));
      expect(overzicht).toMatchObject({ vraagstukId: v.id, evaluatieSinds: expect.any(String), aantal: 2, gemiddelde: { proces: 4.5, uitkomst: 2.5 } });
      expect(overzicht.evaluaties).toEqual(
        expect.arrayContaining([
          { proces: 5, uitkomst: 4, toelichting: 'Goed geluisterd.' },
          { proces: 4, uitkomst: 1, toelichting: 'Nog steeds te weinig.' },
        ]),
      );
      expect(overzicht.samenvatting).toBeUndefined();
      expect(JSON.stringify(overzicht)).not.toContain(anne.accountId);

      const vat = (wie: Actor) => ask<EvaluatieOverzicht>(EVALUATIE_SUBJECTS.samenvatten, { vraagstukId: v.id, samenvatting: 'Meer bankjes, tevreden buurt.', lessen: ['Vraag de ouderen eerder.', ' '], uitkomst: 'deels' }, wie);
      expect(errorOf(await vat(anne))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await ask(EVALUATIE_SUBJECTS.samenvatten, { vraagstukId: v.id, samenvatting: 'x', lessen: [], uitkomst: 'misschien' }, voorzitter))).toMatchObject({ code: 'VALIDATION_FAILED' });
      const samengevat = dataOf(await vat(voorzitter));
      expect(samengevat.samenvatting).toEqual({ samenvatting: 'Meer bankjes, tevreden buurt.', lessen: ['Vraag de ouderen eerder.'], uitkomst: 'deels', tijdstip: expect.any(String) });
      expect(errorOf(await vat(ambtenaar))).toMatchObject({ code: 'CONFLICT' });
      expect(dataOf(await ask<EvaluatieOverzicht>(EVALUATIE_SUBJECTS.get, { vraagstukId: v.id }))).toEqual(samengevat);

      const events = await eventsVan(v.id, since, 4);
      expect(events.map((e) => e.subject)).toEqual([EVALUATIE_EVENTS.gegeven, EVALUATIE_EVENTS.gegeven, EVALUATIE_EVENTS.gegeven, EVALUATIE_EVENTS.samengevat]);
      expect(events[0]?.event?.data).toMatchObject({ segment: 'inwoner', proces: 2, uitkomst: 2, vervangt: false });
      expect(events[1]?.event?.data).toMatchObject({ id: (events[0]?.event?.data as { id: string }).id, proces: 5, vervangt: true });
      expect(events[3]?.event?.data).toEqual({
        vraagstukId: v.id,
        gemeente: 'GM0637',
        evaluatieSinds: overzicht.evaluatieSinds,
        uitkomst: 'deels',
        lessen: ['Vraag de ouderen eerder.'],
        aantal: 2,
        gemiddelde: { proces: 4.5, uitkomst: 2.5 },
      });
      const payloads = JSON.stringify(events.map((e) => e.event?.data));
      for (const wie of [voorzitter, anne, bert]) expect(payloads).not.toContain(wie.accountId);
      // The timeline keeps evaluations as anonymous as the overview.
      const regels = await f.samenspreker.get(Tijdlijn).lees(v.id, { limiet: 50 });
      expect(regels.filter((r) => r.soort === 'evaluatie-gegeven').map((r) => r.actor)).toEqual([null, null, null]);
    });
  });

  it('goes besluitvorming → besluit → uitvoering → acties done → evaluatie → summary → afgerond, each step held until its precondition of this pass is met', async () => {
    const v = await inBesluitvorming('Parkeeroverlast bij het station');
    const organisatie = randomUUID();
    const besluitvormer = await actor(['inwoner']);
    await zet(v.id, besluitvormer, 'besluitvormer');

    expect(await naarWeigering(v.id, 'uitvoering')).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('gepubliceerd besluit') });
    dataOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id), besluitvormer));
    await naar(v.id, 'uitvoering');
    const a = dataOf(await ask<ActieView>(ACTIE_SUBJECTS.create, actie(v.id, organisatie), besluitvormer));
    expect(await naarWeigering(v.id, 'evaluatie')).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('nog 1 actie') });
    dataOf(await ask(ACTIE_SUBJECTS.voortgang, { vraagstukId: v.id, actieId: a.id, percentage: 100, status: 'afgerond', toelichting: 'Klaar.' }, ambtenaar));
    await naar(v.id, 'evaluatie');
    expect(await naarWeigering(v.id, 'afgerond')).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('samenvatting') });
    const eerste = dataOf(await ask<EvaluatieOverzicht>(EVALUATIE_SUBJECTS.samenvatten, { vraagstukId: v.id, samenvatting: 'Nog niet opgelost.', lessen: [], uitkomst: 'niet' }, ambtenaar));

    // Reopened: the next pass must decide and evaluate again; what the last pass left does not count.
    await naar(v.id, 'oplossingen');
    await naar(v.id, 'besluitvorming');
    expect(await naarWeigering(v.id, 'uitvoering')).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('gepubliceerd besluit') });
    expect(dataOf(await ask<EvaluatieOverzicht>(EVALUATIE_SUBJECTS.get, { vraagstukId: v.id }))).toEqual(eerste);
    dataOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id, { tekst: 'Een blauwe zone.' }), besluitvormer));
    await naar(v.id, 'uitvoering');
    await naar(v.id, 'evaluatie');
    const leeg = dataOf(await ask<EvaluatieOverzicht>(EVALUATIE_SUBJECTS.get, { vraagstukId: v.id }));
    expect(leeg).toEqual({ vraagstukId: v.id, evaluatieSinds: expect.any(String), aantal: 0, gemiddelde: { proces: null, uitkomst: null }, evaluaties: [] });
    expect(leeg.evaluatieSinds).not.toBe(eerste.evaluatieSinds);
    expect(await naarWeigering(v.id, 'afgerond')).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('samenvatting') });
    dataOf(await ask(EVALUATIE_SUBJECTS.samenvatten, { vraagstukId: v.id, samenvatting: 'Opgelost met een blauwe zone.', lessen: ['Begin klein.'], uitkomst: 'opgelost' }, ambtenaar));
    expect((await naar(v.id, 'afgerond')).fase).toBe('afgerond');
    expect(dataOf(await ask<EvaluatieOverzicht>(EVALUATIE_SUBJECTS.get, { vraagstukId: v.id })).samenvatting?.uitkomst).toBe('opgelost');
    expect(await f.samenspreker.get(Tijdlijn).verifieer(v.id)).toMatchObject({ geldig: true });
  });

  describe('over HTTP through the gateway', () => {
    let base: string;

    beforeAll(async () => {
      base = await f.gateway();
    });

    function http(method: string, path: string, body?: unknown, as?: Actor): Promise<Response> {
      return fetch(`${base}/api/v1/vraagstukken/${path}`, {
        method,
        headers: {
          'Samen-Gemeente': 'GM0637',
          ...(as ? { authorization: `Bearer ${as.token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    }

    it('besluiten: POST 201, GET list and one publicly, 409 as problem+json outside besluitvorming', async () => {
      const v = await inBesluitvorming('Geluidsoverlast');
      const { vraagstukId: _, ...body } = besluit(v.id);
      expect((await http('POST', `${v.id}/besluiten`, body)).status).toBe(401);
      expect((await http('POST', `${v.id}/besluiten`, { ...body, extra: 1 }, ambtenaar)).status).toBe(400);
      const res = await http('POST', `${v.id}/besluiten`, body, ambtenaar);
      expect(res.status).toBe(201);
      const b = (await res.json()) as BesluitView;
      expect(b).toMatchObject({ vraagstukId: v.id, orgaan: 'college', datum: VANDAAG });
      expect(await (await http('GET', `${v.id}/besluiten`)).json()).toEqual({ besluiten: [b] });
      expect(await (await http('GET', `${v.id}/besluiten/${b.id}`)).json()).toEqual(b);
      expect((await http('GET', `${v.id}/besluiten/${randomUUID()}`)).status).toBe(404);
      expect((await http('GET', `${v.id}/besluiten/geen-uuid`)).status).toBe(400);
      await naar(v.id, 'uitvoering');
      const weigering = await http('POST', `${v.id}/besluiten`, body, ambtenaar);
      expect(weigering.status).toBe(409);
      expect(weigering.headers.get('content-type')).toContain('application/problem+json');
    });

    it('acties: POST 201, voortgang 201 (422 backwards), _sluit 200, GET with teLaat', async () => {
      const v = await inBesluitvorming('Kapotte lantaarnpalen');
      dataOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id), ambtenaar));
      await naar(v.id, 'uitvoering');
      const { vraagstukId: _, ...body } = actie(v.id, randomUUID(), { deadline: EERGISTEREN });
      const res = await http('POST', `${v.id}/acties`, body, ambtenaar);
      expect(res.status).toBe(201);
      const a = (await res.json()) as ActieView;
      expect(a).toMatchObject({ status: 'gepland', teLaat: true });
      expect((await http('POST', `${v.id}/acties/${a.id}/voortgang`, { percentage: 50, toelichting: 'Half.' }, ambtenaar)).status).toBe(201);
      expect((await http('POST', `${v.id}/acties/${a.id}/voortgang`, { percentage: 40, toelichting: 'Terug.' }, ambtenaar)).status).toBe(422);
      const gesloten = await http('POST', `${v.id}/acties/${a.id}/_sluit`, { reden: 'Vervangen door nieuwe palen.' }, ambtenaar);
      expect(gesloten.status).toBe(200);
      const lijst = (await (await http('GET', `${v.id}/acties`)).json()) as { acties: ActieView[] };
      expect(lijst.acties).toEqual([expect.objectContaining({ id: a.id, status: 'gesloten', teLaat: false, percentage: 50, geslotenReden: 'Vervangen door nieuwe palen.' })]);
      expect(lijst.acties[0]?.voortgang).toEqual([{ percentage: 50, toelichting: 'Half.', status: 'bezig', tijdstip: expect.any(String) }]);
    });

    it('evaluatie: PUT …/evaluaties/mijn 200, POST …/evaluatie/samenvatting 201, GET …/evaluatie publicly', async () => {
      const v = await inBesluitvorming('Onveilige oversteek');
      const anne = await actor(['inwoner']);
      await zet(v.id, anne, 'deelnemer');
      dataOf(await ask(BESLUIT_SUBJECTS.create, besluit(v.id), ambtenaar));
      await naar(v.id, 'uitvoering');
      await naar(v.id, 'evaluatie');
      const mijn = await http('PUT', `${v.id}/evaluaties/mijn`, { proces: 3, uitkomst: 5, toelichting: 'Fijn.' }, anne);
      expect(mijn.status).toBe(200);
      expect(await mijn.json()).toEqual({ proces: 3, uitkomst: 5, toelichting: 'Fijn.' });
      expect((await http('PUT', `${v.id}/evaluaties/mijn`, { proces: 3, uitkomst: 5, toelichting: 'Fijn.' }, ambtenaar)).status).toBe(403);
      const samen = await http('POST', `${v.id}/evaluatie/samenvatting`, { samenvatting: 'Veilig nu.', lessen: ['Meet eerst.'], uitkomst: 'opgelost' }, ambtenaar);
      expect(samen.status).toBe(201);
      const overzicht = (await (await http('GET', `${v.id}/evaluatie`)).json()) as EvaluatieOverzicht;
      expect(overzicht).toMatchObject({ aantal: 1, gemiddelde: { proces: 3, uitkomst: 5 }, evaluaties: [{ proces: 3, uitkomst: 5, toelichting: 'Fijn.' }], samenvatting: { lessen: ['Meet eerst.'], uitkomst: 'opgelost' } });
    });
  });
});
