import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { STEMMING_SUBJECTS, type StemmingUitslag, type StemmingView, VRAAGSTUK_SUBJECTS, type VraagstukView } from '@samen/contracts';
import { dataOf, testEnv, withClient } from '@samen/testing';
import { Klok } from '../services/samenspreker/src/stemming/klok';
import { SamenspraakFixture } from '../services/samenspreker/src/testing/samenspraak.fixture';

/**
 * How long closing a large stemming blocks others (docs/stemmingen-dienst.md, "Closing"). Seeds
 * SLUITSLOT_AANTAL votes (default 200,000) in SQL, closes the stemming over NATS and meanwhile
 * probes, every 20 ms on their own connections:
 *   - a cast in this stemming: `select … for key share` of its row (what every cast takes first);
 *   - a read of another stemming's ballot box (what its export and its closing read);
 *   - a cast in another, open stemming: an insert into the ballot box, rolled back.
 * Reported per probe: the longest wait (ms). Run: `npx jest -c bench/sluitslot.jest.config.js`.
 */
const AANTAL = Number(process.env.SLUITSLOT_AANTAL || 200_000);
const UUR = 3_600_000;

interface Peiling {
  langste: number;
  aantal: number;
}

function peil(client: Client, sql: string, params: unknown[], stop: { klaar: boolean }): Promise<Peiling> {
  const uitkomst: Peiling = { langste: 0, aantal: 0 };
  return (async () => {
    while (!stop.klaar) {
      const start = performance.now();
      await client.query('begin');
      await client.query(sql, params);
      await client.query('rollback');
      uitkomst.langste = Math.max(uitkomst.langste, performance.now() - start);
      uitkomst.aantal++;
      await new Promise((r) => setTimeout(r, 20));
    }
    return uitkomst;
  })();
}

describe('meting: the locks of closing a large stemming', () => {
  let f: SamenspraakFixture;
  let vooruit = 0;

  beforeAll(async () => {
    f = await SamenspraakFixture.start();
    jest.spyOn(f.samenspreker.get(Klok), 'nu').mockImplementation(() => new Date(Date.now() + vooruit));
  });
  afterAll(() => f?.stop());

  it(`closes ${AANTAL} votes`, async () => {
    const ambtenaar = await f.actor({ rollen: ['ambtenaar'], segment: 'gemeente' });
    const inwoner = await f.actor();
    const v = dataOf(await f.ask<VraagstukView>(VRAAGSTUK_SUBJECTS.create, { soort: 'probleem', titel: 'Meting', omschrijving: 'x', gebied: { code: 'WK063701', naam: 'Dorp' } }, inwoner));
    for (const naar of ['oplossingen', 'besluitvorming']) dataOf(await f.ask(VRAAGSTUK_SUBJECTS.faseWijzigen, { id: v.id, naar, motivatie: 'Verder.' }, ambtenaar));
    const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
    const regels = {
      vraagstukId: v.id,
      titel: 'Meting',
      soort: 'advies',
      kiesgerechtigden: { soort: 'inwoners-gebied', gebied: 'WK063701' },
      vragen: [
        { id: 'a', tekst: 'A?', opties: [{ id: 'ja', tekst: 'Ja' }, { id: 'nee', tekst: 'Nee' }] },
        { id: 'b', tekst: 'B?', opties: [{ id: 'nu', tekst: 'Nu' }, { id: 'later', tekst: 'Later' }, { id: 'nooit', tekst: 'Nooit' }] },
      ],
      openingTijdstip: iso(UUR),
      sluitingTijdstip: iso(2 * UUR),
      kanalen: ['digitaal'],
      aantalKiesgerechtigden: 10_000_000,
    };
    const groot = dataOf(await f.ask<StemmingView>(STEMMING_SUBJECTS.create, regels, ambtenaar));
    // Another stemming, open for days after the big one closes: its casts and reads must not wait long.
    const ander = dataOf(await f.ask<StemmingView>(STEMMING_SUBJECTS.create, { ...regels, sluitingTijdstip: iso(100 * UUR) }, ambtenaar));

    const zaaien = performance.now();
    await withClient('admin', async (c) => {
      for (const [id, aantal] of [[groot.id, AANTAL], [ander.id, 1000]] as const) {
        await c.query(`insert into samenspreker.stemregister (stemming_id, account_id, kanaal) select $1, gen_random_uuid(), 'digitaal' from generate_series(1, $2::int)`, [id, aantal]);
        await c.query(
          `insert into samenspreker.stembiljet (stemming_id, biljet)
           select $1, jsonb_build_array((array['ja','nee','blanco'])[1 + n % 3], (array['nu','later','nooit','ongeldig'])[1 + (n * 7) % 4]) from generate_series(1, $2::int) as n`,
          [id, aantal],
        );
        await c.query(`insert into samenspreker.bonnetje (code, stemming_id) select 'M-' || left($1::text, 8) || '-' || lpad(n::text, 9, '0'), $1::uuid from generate_series(1, $2::int) as n`, [id, aantal]);
      }
      await c.query('vacuum analyze samenspreker.stembiljet');
      await c.query('vacuum analyze samenspreker.bonnetje');
      await c.query('vacuum analyze samenspreker.stemregister');
    });
    process.stdout.write(`zaaien / seeding ${AANTAL}: ${Math.round(performance.now() - zaaien)} ms\n`);

    const clients = await Promise.all(
      [0, 1, 2].map(async () => {
        const c = new Client({ connectionString: testEnv().databaseAdminUrl });
        await c.connect();
        return c;
      }),
    );
    const stop = { klaar: false };
    vooruit = 2.5 * UUR;
    const peilingen = [
      peil(clients[0]!, `select id from samenspreker.stemming where id = $1 for key share`, [groot.id], stop),
      peil(clients[1]!, `select count(*) from samenspreker.stembiljet where stemming_id = $1`, [ander.id], stop),
      peil(clients[2]!, `insert into samenspreker.stembiljet (stemming_id, biljet) values ($1, '["ja","nu"]')`, [ander.id], stop),
    ];
    await new Promise((r) => setTimeout(r, 200));
    const start = performance.now();
    const uitslag = dataOf(await f.ask<StemmingUitslag>(STEMMING_SUBJECTS.sluiten, { stemmingId: groot.id }, ambtenaar, undefined, 600_000));
    const sluiten = performance.now() - start;
    await new Promise((r) => setTimeout(r, 200));
    stop.klaar = true;
    const [rij, lezen, stemmen] = await Promise.all(peilingen);
    await Promise.all(clients.map((c) => c.end()));
    expect(uitslag.procesVerbaal.aantalKiezers).toBe(AANTAL);
    const ms = (n: number) => `${Math.round(n)} ms`;
    process.stdout.write(
      [
        `sluiten / closing ${AANTAL} (request to reply): ${ms(sluiten)}`,
        `langste wacht / longest wait, cast in this stemming (row for key share): ${ms(rij.langste)} (${rij.aantal} probes)`,
        `langste wacht / longest wait, read of another stemming's ballot box: ${ms(lezen.langste)} (${lezen.aantal} probes)`,
        `langste wacht / longest wait, cast in another stemming (insert into the box): ${ms(stemmen.langste)} (${stemmen.aantal} probes)`,
      ].join('\n') + '\n',
    );
  });
});
