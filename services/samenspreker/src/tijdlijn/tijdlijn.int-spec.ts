import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { TIJDLIJN_SUBJECTS, type TijdlijnList, type TijdlijnVerificatie } from '@samen/contracts';
import { dataOf, errorOf, request, withClient } from '@samen/testing';
import { SamenspraakFixture } from '../testing/samenspraak.fixture';
import { Tijdlijn } from './tijdlijn.service';

describe('samenspreker tijdlijn against PostgreSQL', () => {
  let f: SamenspraakFixture;
  let tijdlijn: Tijdlijn;

  /** One append in its own transaction, as an aggregate's command does it. */
  function voegToe(vraagstukId: string, stap: number) {
    return f.samenspreker
      .get(EntityManager)
      .fork()
      .transactional((em) =>
        tijdlijn.voegToe(em, {
          vraagstukId,
          gemeente: 'GM0637',
          soort: stap === 1 ? 'vraagstuk-aangemaakt' : 'fase-gewijzigd',
          actor: { pseudoniem: randomUUID().replace(/-/g, '').slice(0, 20), segment: 'inwoner' },
          gegevens: { stap, fase: 'agendering', tekst: `stap ${stap}` },
        }),
      );
  }

  beforeAll(async () => {
    f = await SamenspraakFixture.start();
    tijdlijn = f.samenspreker.get(Tijdlijn);
  });

  afterAll(async () => {
    await f?.stop();
  });

  it('appends a chain that verifies, and reads it page by page', async () => {
    const vraagstukId = randomUUID();
    for (let stap = 1; stap <= 5; stap++) await voegToe(vraagstukId, stap);

    expect(await tijdlijn.verifieer(vraagstukId)).toEqual({ geldig: true, aantal: 5 });
    const eerste = await tijdlijn.lees(vraagstukId, { limiet: 2 });
    expect(eerste.map((entry) => entry.volgnummer)).toEqual([1, 2]);
    const volgende = await tijdlijn.lees(vraagstukId, { na: 2, limiet: 10 });
    expect(volgende.map((entry) => entry.volgnummer)).toEqual([3, 4, 5]);
    expect(volgende[0]!.vorigeHash).toBe(eerste[1]!.hash);
  });

  it('gives 20 parallel appends to one vraagstuk volgnummers 1..20 and a valid chain', async () => {
    const vraagstukId = randomUUID();
    await Promise.all(Array.from({ length: 20 }, (_, index) => voegToe(vraagstukId, index + 1)));

    const entries = await tijdlijn.lees(vraagstukId, { limiet: 100 });
    expect(entries.map((entry) => entry.volgnummer)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await tijdlijn.verifieer(vraagstukId)).toEqual({ geldig: true, aantal: 20 });
  });

  it('names exactly the entry that was changed directly in PostgreSQL', async () => {
    const vraagstukId = randomUUID();
    for (let stap = 1; stap <= 5; stap++) await voegToe(vraagstukId, stap);
    const anderVraagstuk = randomUUID();
    for (let stap = 1; stap <= 3; stap++) await voegToe(anderVraagstuk, stap);

    // Someone with database access: the superuser disables the trigger, edits history, re-enables it.
    await withClient('admin', async (client) => {
      await client.query('begin');
      await client.query('alter table samenspreker.tijdlijn_entry disable trigger tijdlijn_onveranderlijk');
      const { rowCount } = await client.query(
        `update samenspreker.tijdlijn_entry set gegevens = jsonb_set(gegevens, '{tekst}', '"herschreven"') where vraagstuk_id = $1 and volgnummer = 3`,
        [vraagstukId],
      );
      expect(rowCount).toBe(1);
      await client.query('alter table samenspreker.tijdlijn_entry enable trigger tijdlijn_onveranderlijk');
      await client.query('commit');
    });

    expect(await tijdlijn.verifieer(vraagstukId)).toEqual({ geldig: false, aantal: 5, eersteFout: { volgnummer: 3, reden: 'hash' } });
    // Another vraagstuk's chain is untouched.
    expect(await tijdlijn.verifieer(anderVraagstuk)).toEqual({ geldig: true, aantal: 3 });
  });

  it('refuses UPDATE and DELETE by the service role', async () => {
    const vraagstukId = randomUUID();
    await voegToe(vraagstukId, 1);
    await withClient('samenspreker', async (client) => {
      await expect(client.query(`update samenspreker.tijdlijn_entry set soort = 'x' where vraagstuk_id = $1`, [vraagstukId])).rejects.toThrow(/append-only/);
      await expect(client.query(`delete from samenspreker.tijdlijn_entry where vraagstuk_id = $1`, [vraagstukId])).rejects.toThrow(/append-only/);
    });
    expect(await tijdlijn.verifieer(vraagstukId)).toEqual({ geldig: true, aantal: 1 });
  });

  it('answers list and verify over NATS without a token, page by page', async () => {
    const vraagstukId = randomUUID();
    for (let stap = 1; stap <= 3; stap++) await voegToe(vraagstukId, stap);

    const eerste = dataOf(await request<TijdlijnList>(TIJDLIJN_SUBJECTS.list, { vraagstukId, limiet: 2 }, {}, { nc: f.nc }));
    expect(eerste.items.map((item) => item.volgnummer)).toEqual([1, 2]);
    expect(eerste.volgende).toBe(2);
    const laatste = dataOf(await request<TijdlijnList>(TIJDLIJN_SUBJECTS.list, { vraagstukId, na: 2, limiet: 2 }, {}, { nc: f.nc }));
    expect(laatste.items.map((item) => item.volgnummer)).toEqual([3]);
    expect(laatste.volgende).toBeUndefined();
    expect(laatste.items[0]).toMatchObject({ vraagstukId, gemeente: 'GM0637', soort: 'fase-gewijzigd', vorigeHash: eerste.items[1]!.hash });

    expect(dataOf(await request<TijdlijnVerificatie>(TIJDLIJN_SUBJECTS.verify, { vraagstukId }, {}, { nc: f.nc }))).toEqual({ geldig: true, aantal: 3 });
    expect(errorOf(await request(TIJDLIJN_SUBJECTS.verify, { vraagstukId: 'geen-uuid' }, {}, { nc: f.nc }))).toMatchObject({ status: 400 });
  });

  it('is public over HTTP: GET …/tijdlijn pages with _links.next, …/_verifieer names the tampered entry', async () => {
    const vraagstukId = randomUUID();
    for (let stap = 1; stap <= 3; stap++) await voegToe(vraagstukId, stap);
    const base = await f.gateway();

    const eerste = await fetch(`${base}/api/v1/vraagstukken/${vraagstukId}/tijdlijn?limiet=2`);
    expect(eerste.status).toBe(200);
    const pagina = (await eerste.json()) as { regels: { volgnummer: number }[]; _links: { next?: { href: string } } };
    expect(pagina.regels.map((regel) => regel.volgnummer)).toEqual([1, 2]);
    expect(pagina._links.next?.href).toBe(`/api/v1/vraagstukken/${vraagstukId}/tijdlijn?na=2&limiet=2`);
    const tweede = (await (await fetch(`${base}${pagina._links.next!.href}`)).json()) as { regels: { volgnummer: number }[]; _links: { next?: unknown } };
    expect(tweede.regels.map((regel) => regel.volgnummer)).toEqual([3]);
    expect(tweede._links.next).toBeUndefined();

    expect(await (await fetch(`${base}/api/v1/vraagstukken/${vraagstukId}/tijdlijn/_verifieer`)).json()).toEqual({ geldig: true, aantal: 3 });
    await withClient('admin', async (client) => {
      await client.query('begin');
      await client.query('alter table samenspreker.tijdlijn_entry disable trigger tijdlijn_onveranderlijk');
      await client.query(`update samenspreker.tijdlijn_entry set soort = 'vraagstuk-afgewezen' where vraagstuk_id = $1 and volgnummer = 2`, [vraagstukId]);
      await client.query('alter table samenspreker.tijdlijn_entry enable trigger tijdlijn_onveranderlijk');
      await client.query('commit');
    });
    expect(await (await fetch(`${base}/api/v1/vraagstukken/${vraagstukId}/tijdlijn/_verifieer`)).json()).toEqual({ geldig: false, aantal: 3, eersteFout: { volgnummer: 2, reden: 'hash' } });
    expect((await fetch(`${base}/api/v1/vraagstukken/geen-uuid/tijdlijn`)).status).toBe(400);
  });
});
