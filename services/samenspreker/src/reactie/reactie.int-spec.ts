import { randomUUID } from 'node:crypto';
import {
  OPLOSSING_SUBJECTS,
  type OplossingView,
  REACTIE_EVENTS,
  REACTIE_SUBJECTS,
  type ReactieList,
  type ReactieView,
  RONDE_SUBJECTS,
  type Rol,
  type Segment,
  VRAAGSTUK_SUBJECTS,
  type VraagstukView,
} from '@samen/contracts';
import { dataOf, errorOf, pollUntil, streamEvents, streamLastSeq, truncate, withClient } from '@samen/testing';
import { Pseudoniemen } from '../gedeeld/pseudoniem';
import { type Actor, SamenspraakFixture } from '../testing/samenspraak.fixture';
import { Tijdlijn } from '../tijdlijn/tijdlijn.service';

describe('samenspreker over NATS (reacties en moderatie)', () => {
  let f: SamenspraakFixture;

  const actor = (rollen: Rol[] = ['inwoner'], segment: Segment = 'inwoner', gemeente = 'GM0637') => f.actor({ rollen, segment, gemeente });
  const ask = <T>(...args: Parameters<SamenspraakFixture['ask']>) => f.ask<T>(...args);

  /** A reactie as anyone but its author reads it: without the `eigen` mark of the author's own answer. */
  const publiek = ({ auteur, ...r }: ReactieView): ReactieView => {
    if (!auteur) return r;
    const { eigen: _eigen, ...zonder } = auteur;
    return { ...r, auteur: zonder };
  };
  const pseudoniem = (vraagstukId: string, wie: Actor) => f.samenspreker.get(Pseudoniemen).van(vraagstukId, wie.accountId);

  const reageer = (vraagstukId: string, tekst: string, als?: Actor, extra: { oplossingId?: string; antwoordOp?: string } = {}) =>
    ask<ReactieView>(REACTIE_SUBJECTS.create, { vraagstukId, tekst, ...extra }, als);

  /** A vraagstuk in the phase oplossingen with one oplossing, so both kinds of discussion exist. */
  async function metOplossing(titel: string) {
    const [anne, ambtenaar] = await Promise.all([actor(), actor(['ambtenaar'], 'gemeente')]);
    const v = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, { soort: 'kans', titel, omschrijving: 'Een lege plek.', gebied: { code: 'BU2', naam: 'Centrum' } }, anne));
    dataOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v.id, naar: 'oplossingen', motivatie: 'Aan de slag.' }, ambtenaar));
    dataOf(await ask(RONDE_SUBJECTS.open, { vraagstukId: v.id }, anne));
    const oplossing = dataOf(await ask<OplossingView>(OPLOSSING_SUBJECTS.create, { vraagstukId: v.id, nummer: 1, titel: 'Een moestuin', omschrijving: 'Met de school.' }, anne));
    return { v, oplossing, anne, ambtenaar };
  }

  beforeAll(async () => {
    await truncate('samenspreker', ['vraagstuk', 'outbox', 'inbox']);
    f = await SamenspraakFixture.start();
  });

  afterAll(async () => {
    await f?.stop();
  });

  it('takes threaded reacties from any account of the gemeente, each within its own discussion, and pages them oldest first', async () => {
    const { v, oplossing } = await metOplossing('Braakliggend terrein');
    const [olaf, petra] = await Promise.all([actor(), actor(['inwoner'], 'maatschappelijk')]);

    expect(errorOf(await reageer(v.id, 'Anoniem'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await reageer(v.id, 'Van elders', await actor(['inwoner'], 'inwoner', 'GM0518')))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await reageer(v.id, '', olaf))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await reageer(v.id, '   ', olaf))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await reageer(v.id, 'x'.repeat(5001), olaf))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await reageer(randomUUID(), 'Nergens', olaf))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await reageer(v.id, 'Geen oplossing', olaf, { oplossingId: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });

    const since = await streamLastSeq(f.nc);
    // Not at the table, and still part of the public discussion.
    const r1 = dataOf(await reageer(v.id, 'x'.repeat(5000), olaf));
    expect(r1).toEqual({ id: expect.any(String), vraagstukId: v.id, tijdstip: expect.any(String), auteur: { pseudoniem: pseudoniem(v.id, olaf), segment: 'inwoner', eigen: true }, tekst: 'x'.repeat(5000) });
    const r2 = dataOf(await reageer(v.id, 'Eens!', petra, { antwoordOp: r1.id }));
    expect(r2).toMatchObject({ antwoordOp: r1.id, auteur: { segment: 'maatschappelijk' } });
    const r3 = dataOf(await reageer(v.id, 'Nog iets', olaf));
    const o1 = dataOf(await reageer(v.id, 'Over de moestuin', petra, { oplossingId: oplossing.id }));
    const o2 = dataOf(await reageer(v.id, 'Antwoord', olaf, { oplossingId: oplossing.id, antwoordOp: o1.id }));
    expect(o2).toMatchObject({ oplossingId: oplossing.id, antwoordOp: o1.id });

    // A thread stays in its discussion; the parent must exist there.
    for (const fout of [
      await reageer(v.id, 'Kruislings', olaf, { oplossingId: oplossing.id, antwoordOp: r1.id }),
      await reageer(v.id, 'Kruislings', olaf, { antwoordOp: o1.id }),
      await reageer(v.id, 'Niets', olaf, { antwoordOp: randomUUID() }),
    ]) {
      expect(errorOf(fout)).toMatchObject({ code: 'VALIDATION_FAILED', invalidParams: [{ name: 'antwoordOp', code: 'onbekend', reason: expect.any(String) }] });
    }

    const eerste = dataOf(await ask<ReactieList>(REACTIE_SUBJECTS.list, { vraagstukId: v.id, limiet: 2 }));
    expect(eerste.items.map((r) => r.id)).toEqual([r1.id, r2.id]);
    const tweede = dataOf(await ask<ReactieList>(REACTIE_SUBJECTS.list, { vraagstukId: v.id, limiet: 2, na: eerste.volgende }));
    expect(tweede).toEqual({ items: [publiek(r3)] });
    expect(dataOf(await ask<ReactieList>(REACTIE_SUBJECTS.list, { vraagstukId: v.id, oplossingId: oplossing.id })).items).toEqual([o1, o2].map(publiek));
    expect(errorOf(await ask(REACTIE_SUBJECTS.list, { vraagstukId: v.id, na: 'bm9n' }))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await ask(REACTIE_SUBJECTS.list, { vraagstukId: v.id }, undefined, 'GM0518'))).toMatchObject({ code: 'NOT_FOUND' });

    // Neither the event nor the permanent timeline holds what was said.
    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(f.nc, since)).filter((e) => e.subject === REACTIE_EVENTS.geplaatst && (e.event?.data as { vraagstukId: string }).vraagstukId === v.id);
        return found.length >= 5 ? found : undefined;
      },
      { what: 'reactie-geplaatst events' },
    );
    expect(events[1]?.event?.data).toEqual({ id: r2.id, vraagstukId: v.id, gemeente: 'GM0637', antwoordOp: r1.id, segment: 'maatschappelijk' });
    const regels = (await f.samenspreker.get(Tijdlijn).lees(v.id, { limiet: 100 })).filter((e) => e.soort === 'reactie-geplaatst');
    expect(regels.map((e) => e.gegevens)).toEqual([
      { reactieId: r1.id },
      { reactieId: r2.id, antwoordOp: r1.id },
      { reactieId: r3.id },
      { reactieId: o1.id, oplossingId: oplossing.id },
      { reactieId: o2.id, oplossingId: oplossing.id, antwoordOp: o1.id },
    ]);
  });

  it('lets a moderator of the gemeente hide a reactie once, keeping the thread, with the reason on the timeline and not the text', async () => {
    const { v, oplossing, ambtenaar } = await metOplossing('Oude school');
    const olaf = await actor();
    const r1 = dataOf(await reageer(v.id, 'Iets kwetsends', olaf));
    const r2 = dataOf(await reageer(v.id, 'Dat vind ik niet netjes', olaf, { antwoordOp: r1.id }));
    const o1 = dataOf(await reageer(v.id, 'Ook kwetsend', olaf, { oplossingId: oplossing.id }));
    const verberg = (reactieId: string, als?: Actor, reden = 'Beledigend.') => ask<ReactieView>(REACTIE_SUBJECTS.verberg, { vraagstukId: v.id, reactieId, reden }, als);

    expect(errorOf(await verberg(r1.id))).toMatchObject({ code: 'UNAUTHENTICATED' });
    for (const niet of [olaf, ambtenaar, await actor(['gemeentebeheerder'], 'gemeente'), await actor(['moderator'], 'gemeente', 'GM0518')]) {
      expect(errorOf(await verberg(r1.id, niet))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    }
    const moderator = await actor(['moderator'], 'gemeente');
    expect(errorOf(await verberg(r1.id, moderator, ' '))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(await verberg(randomUUID(), moderator))).toMatchObject({ code: 'NOT_FOUND' });

    const since = await streamLastSeq(f.nc);
    const verborgen = dataOf(await verberg(r1.id, moderator));
    expect(verborgen).toEqual({ id: r1.id, vraagstukId: v.id, tijdstip: r1.tijdstip, verborgen: true, reden: 'Beledigend.' });
    expect(errorOf(await verberg(r1.id, moderator))).toMatchObject({ code: 'CONFLICT', status: 409 });
    // Reacties on an oplossing are moderated by the same route.
    expect(dataOf(await verberg(o1.id, moderator, 'Persoonlijke aanval.'))).toMatchObject({ oplossingId: oplossing.id, verborgen: true });

    expect(dataOf(await ask<ReactieList>(REACTIE_SUBJECTS.list, { vraagstukId: v.id })).items).toEqual([verborgen, publiek(r2)]);
    const tijdlijn = (await f.samenspreker.get(Tijdlijn).lees(v.id, { limiet: 100 })).filter((e) => e.soort === 'reactie-verborgen');
    const moderatorPseudoniem = f.samenspreker.get(Pseudoniemen).van(v.id, moderator.accountId);
    expect(tijdlijn.map((e) => [e.gegevens, e.actor?.pseudoniem])).toEqual([
      [{ reactieId: r1.id, reden: 'Beledigend.' }, moderatorPseudoniem],
      [{ reactieId: o1.id, reden: 'Persoonlijke aanval.' }, moderatorPseudoniem],
    ]);
    expect(JSON.stringify(await f.samenspreker.get(Tijdlijn).lees(v.id, { limiet: 100 }))).not.toContain('kwetsend');
    const event = await pollUntil(
      async () => (await streamEvents(f.nc, since)).find((e) => e.subject === REACTIE_EVENTS.verborgen && e.event?.subject === r1.id),
      { what: 'reactie-verborgen' },
    );
    expect(event.event?.data).toEqual({ id: r1.id, vraagstukId: v.id, gemeente: 'GM0637', reden: 'Beledigend.' });

    // In the database only hiding, once, is possible: the text cannot be rewritten.
    await withClient('samenspreker', async (client) => {
      await expect(client.query(`update samenspreker.reactie set tekst = 'anders' where id = $1`, [r2.id])).rejects.toThrow(/onveranderlijk/);
      await expect(client.query(`update samenspreker.reactie set verborgen_reden = 'anders' where id = $1`, [r1.id])).rejects.toThrow(/onveranderlijk/);
      await expect(client.query(`delete from samenspreker.reactie where id = $1`, [r2.id])).rejects.toThrow(/onveranderlijk/);
    });
  });

  it('closes the discussion of a vraagstuk that is turned down', async () => {
    const [anne, ambtenaar, moderator] = await Promise.all([actor(), actor(['ambtenaar'], 'gemeente'), actor(['moderator'], 'gemeente')]);
    const v = dataOf(await ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, { soort: 'probleem', titel: 'Geen zaak van de gemeente', omschrijving: 'Burenruzie.', gebied: { code: 'BU3', naam: 'Noord' } }, anne));
    // In agendering the discussion is open already.
    const r = dataOf(await reageer(v.id, 'Hoe zit het?', anne));
    dataOf(await ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v.id, naar: 'afgewezen', motivatie: 'Privaatrechtelijk.' }, ambtenaar));
    expect(errorOf(await reageer(v.id, 'Jammer', anne))).toMatchObject({ code: 'CONFLICT', status: 409, message: expect.stringContaining('afgewezen') });
    expect(errorOf(await reageer(v.id, 'Jammer', anne, { antwoordOp: r.id }))).toMatchObject({ code: 'CONFLICT' });
    // Reading and moderating stay possible.
    expect(dataOf(await ask<ReactieList>(REACTIE_SUBJECTS.list, { vraagstukId: v.id })).items).toEqual([publiek(r)]);
    expect(dataOf(await ask<ReactieView>(REACTIE_SUBJECTS.verberg, { vraagstukId: v.id, reactieId: r.id, reden: 'Privé.' }, moderator))).toMatchObject({ verborgen: true });
  });

  it('serves reacties and their moderation over HTTP through the gateway, with _links.next', async () => {
    const { v, oplossing } = await metOplossing('Over HTTP');
    const [olaf, moderator] = await Promise.all([actor(), actor(['moderator'], 'gemeente')]);
    const url = await f.gateway();
    const base = `/api/v1/vraagstukken/${v.id}`;
    const http = async (method: string, pad: string, als?: Actor, body?: unknown) => {
      const response = await fetch(`${url}${pad}`, {
        method,
        headers: { 'Samen-Gemeente': 'GM0637', ...(als ? { authorization: `Bearer ${als.token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    expect(await http('POST', `${base}/reacties`, undefined, { tekst: 'Anoniem' })).toMatchObject({ status: 401 });
    const r1 = await http('POST', `${base}/reacties`, olaf, { tekst: 'Eerste' });
    expect(r1).toMatchObject({ status: 201, body: { tekst: 'Eerste', auteur: { pseudoniem: pseudoniem(v.id, olaf), eigen: true } } });
    const r2 = await http('POST', `${base}/reacties`, olaf, { tekst: 'Tweede', antwoordOp: r1.body.id });
    expect(r2).toMatchObject({ status: 201, body: { antwoordOp: r1.body.id } });
    expect(await http('POST', `${base}/reacties`, olaf, { tekst: 'Fout', antwoordOp: randomUUID() })).toMatchObject({ status: 400 });
    expect(await http('POST', `${base}/oplossingen/${oplossing.id}/reacties`, olaf, { tekst: 'Over de oplossing' })).toMatchObject({ status: 201, body: { oplossingId: oplossing.id } });

    const pagina = await http('GET', `${base}/reacties?limiet=1`);
    expect(pagina).toMatchObject({ status: 200, body: { reacties: [{ id: r1.body.id }], _links: { self: { href: `${base}/reacties?limiet=1` }, next: { href: expect.stringMatching(/\?na=.+&limiet=1$/) } } } });
    const next = (pagina.body._links as { next: { href: string } }).next.href;
    expect(await http('GET', next)).toMatchObject({ status: 200, body: { reacties: [{ id: r2.body.id }] } });
    expect(await http('GET', `${base}/oplossingen/${oplossing.id}/reacties`)).toMatchObject({ status: 200, body: { reacties: [{ tekst: 'Over de oplossing' }] } });

    expect(await http('POST', `${base}/reacties/${r1.body.id as string}/_verberg`, olaf, { reden: 'Nee' })).toMatchObject({ status: 403 });
    expect(await http('POST', `${base}/reacties/${r1.body.id as string}/_verberg`, moderator, { reden: 'Beledigend.' })).toMatchObject({ status: 200, body: { verborgen: true, reden: 'Beledigend.' } });
    const na = await http('GET', `${base}/reacties`);
    expect((na.body.reacties as object[])[0]).toEqual({ id: r1.body.id, vraagstukId: v.id, tijdstip: expect.any(String), verborgen: true, reden: 'Beledigend.' });
    expect(await http('POST', `${base}/reacties/${r1.body.id as string}/_verberg`, moderator, { reden: 'Nogmaals.' })).toMatchObject({ status: 409 });
  });
});
