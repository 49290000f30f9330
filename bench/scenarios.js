// The scenarios of `npm run bench`, run in this order (BENCH_SCENARIOS=a,b picks some, in this order).
//
// EXTENSION POINT — one entry per scenario, of one of two kinds:
//
//   HTTP, suite vs baseline:
//     { name, prepare(ctx) → data, load(ctx, data) → autocannon options without url/connections/duration }
//     The same requests go to the gateway and to bench/baseline.js (same paths), so the baseline
//     needs a route doing the same SQL work as the suite for them. `load` is called before every
//     measurement (e.g. for a fresh token). Planned: `reactie-plaatsen`, `stem-uitbrengen`.
//
//   Not HTTP (a duration, printed with the rps and latency fields null):
//     { name, prepare(ctx) → data, meet(ctx, data) → milliseconds }
//     Planned: `telling-1m`: seed 1,000,000 ballots in SQL in prepare, time the tally in meet.
//
// `ctx` (bench/suite.js): { pool (superuser pg pool on the bench database), gemeente, andereGemeente,
// gemeenteHeader, gatewayUrl, token() → a fresh access token of the demo inwoner }.
const { randomBytes, randomUUID } = require('node:crypto');
const { join } = require('node:path');

const { hashVan, NUL_HASH } = require(join(__dirname, '..', 'dist/services/samenspreker/src/tijdlijn/tijdlijn-keten'));

/** Seeded rows carry this initiatiefnemer, so a re-seed finds (and can remove) exactly them. */
const ZAAI_ACCOUNT = '00000000-0000-4000-8000-00000000be0c';

/** What a list scenario asks for: the biggest gebied in its commonest phase (a full page at 1k and at 100k). */
const LIJST_FILTER = { gebied: 'wijk-01', fase: 'agendering' };

/**
 * Exactly `aantal` seeded vraagstukken in the gemeente (and a tenth of that in the other gemeente,
 * as noise the list must skip), inserted in one statement each with generate_series. Gebieden
 * wijk-01 … wijk-49 are sized roughly as 1/k (Zipf: wijk-01 holds ~18 %), phases as a gemeente's
 * would be (40 % agendering … 3 % afgewezen); both from low-discrepancy sequences, so the data is
 * the same on every run.
 */
async function zorgVoorVraagstukken(ctx, aantal) {
  const { rows } = await ctx.pool.query('select count(*)::int as n from samenspreker.vraagstuk where initiatiefnemer_account_id = $1 and gemeente = $2', [ZAAI_ACCOUNT, ctx.gemeente]);
  let al = rows[0].n;
  if (al > aantal) {
    await ctx.pool.query('delete from samenspreker.vraagstuk where initiatiefnemer_account_id = $1', [ZAAI_ACCOUNT]);
    al = 0;
  }
  const zaai = (gemeente, van, tot) =>
    ctx.pool.query(
      `insert into samenspreker.vraagstuk (id, gemeente, soort, titel, omschrijving, gebied_code, gebied_naam, themas,
         initiatiefnemer_account_id, initiatiefnemer_segment, fase, fase_sinds, aangemaakt_tijdstip, steundrempel, reactie_uiterlijk)
       select gen_random_uuid(), $1, case when n % 3 = 0 then 'kans' else 'probleem' end,
         'Bench-vraagstuk ' || n, repeat('Een omschrijving van het vraagstuk zoals een inwoner die schrijft. ', 4),
         'wijk-' || lpad(g::text, 2, '0'), 'Wijk ' || g, array['verkeer', 'groen'],
         $2, 'inwoner', f, now() - n * interval '1 minute', now() - n * interval '1 minute', 25, now() - n * interval '1 minute' + interval '20 days'
       from generate_series($3::int, $4::int) as n,
         lateral (select least(49, floor(power(50, (n * 0.6180339887) % 1)))::int as g) as gebied,
         lateral (select case
           when (n * 0.7548776662) % 1 < 0.40 then 'agendering' when (n * 0.7548776662) % 1 < 0.65 then 'oplossingen'
           when (n * 0.7548776662) % 1 < 0.78 then 'besluitvorming' when (n * 0.7548776662) % 1 < 0.88 then 'uitvoering'
           when (n * 0.7548776662) % 1 < 0.93 then 'evaluatie' when (n * 0.7548776662) % 1 < 0.97 then 'afgerond'
           else 'afgewezen' end as f) as fase`,
      [gemeente, ZAAI_ACCOUNT, van, tot],
    );
  if (aantal > al) {
    await zaai(ctx.gemeente, al + 1, aantal);
    await ctx.pool.query('delete from samenspreker.vraagstuk where initiatiefnemer_account_id = $1 and gemeente = $2', [ZAAI_ACCOUNT, ctx.andereGemeente]);
    await zaai(ctx.andereGemeente, 1, Math.ceil(aantal / 10));
  }
  await ctx.pool.query('analyze samenspreker.vraagstuk');
  const { rows: pagina } = await ctx.pool.query('select count(*)::int as n from samenspreker.vraagstuk where gemeente = $1 and gebied_code = $2 and fase = $3', [
    ctx.gemeente,
    LIJST_FILTER.gebied,
    LIJST_FILTER.fase,
  ]);
  return { treffers: pagina[0].n };
}

/** A new vraagstuk as a client sends it. */
const NIEUW_VRAAGSTUK = {
  soort: 'probleem',
  titel: 'Gevaarlijke oversteek bij de school',
  omschrijving: 'Bij de basisschool steken elke ochtend veel kinderen over, terwijl auto’s daar hard rijden.',
  gebied: { code: 'wijk-bench', naam: 'Benchwijk' },
  themas: ['verkeer', 'veiligheid'],
};

/** A vraagstuk raised through the gateway (so its row, seat and first timeline entry are the suite's own), with `extra` more timeline entries chained in SQL. */
async function vraagstukMetTijdlijn(ctx, extra) {
  const response = await fetch(`${ctx.gatewayUrl}/api/v1/vraagstukken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await ctx.token()}`, [ctx.gemeenteHeader]: ctx.gemeente },
    body: JSON.stringify(NIEUW_VRAAGSTUK),
  });
  if (response.status !== 201) throw new Error(`vraagstuk indienen / raising a vraagstuk: ${response.status} ${await response.text()}`);
  const { id } = await response.json();
  const kop = (await ctx.pool.query('select volgnummer, hash from samenspreker.tijdlijn_entry where vraagstuk_id = $1 order by volgnummer desc limit 1', [id])).rows[0];
  let vorigeHash = kop?.hash ?? NUL_HASH;
  for (let volgnummer = (kop?.volgnummer ?? 0) + 1; volgnummer <= (kop?.volgnummer ?? 0) + extra; volgnummer++) {
    const tijdstip = new Date();
    // As Vastlegging records it: the vraagstuk's pseudonym of someone, never an account id.
    const actor = { pseudoniem: randomBytes(10).toString('hex'), segment: 'inwoner' };
    const gegevens = { tekst: `Bijdrage ${volgnummer} aan het gesprek over dit vraagstuk.` };
    const hash = hashVan({ vraagstukId: id, volgnummer, tijdstip: tijdstip.toISOString(), soort: 'bijdrage-geplaatst', actor, gegevens, vorigeHash });
    await ctx.pool.query(
      `insert into samenspreker.tijdlijn_entry (id, vraagstuk_id, volgnummer, gemeente, tijdstip, soort, actor, gegevens, vorige_hash, hash)
       values ($1, $2, $3, $4, $5, 'bijdrage-geplaatst', $6, $7, $8, $9)`,
      [randomUUID(), id, volgnummer, ctx.gemeente, tijdstip, actor, gegevens, vorigeHash, hash],
    );
    vorigeHash = hash;
  }
  return { id };
}

function lijst(aantal) {
  return {
    name: `vraagstukken-lijst-${aantal >= 1000 ? `${aantal / 1000}k` : aantal}`,
    prepare: (ctx) => zorgVoorVraagstukken(ctx, aantal),
    load: (ctx) => ({
      headers: { [ctx.gemeenteHeader]: ctx.gemeente },
      requests: [{ method: 'GET', path: `/api/v1/vraagstukken?${new URLSearchParams(LIJST_FILTER)}` }],
    }),
  };
}

const SCENARIOS = [
  {
    // One iteration is two requests, as a page showing a vraagstuk makes them: the vraagstuk and
    // its timeline (20 entries). Rates count requests, not pairs; latency is over both kinds.
    name: 'vraagstuk-lezen',
    prepare: (ctx) => vraagstukMetTijdlijn(ctx, 19),
    load: (ctx, { id }) => ({
      headers: { [ctx.gemeenteHeader]: ctx.gemeente },
      requests: [
        { method: 'GET', path: `/api/v1/vraagstukken/${id}` },
        { method: 'GET', path: `/api/v1/vraagstukken/${id}/tijdlijn` },
      ],
    }),
  },
  lijst(1_000),
  lijst(100_000),
  {
    // Last: every request adds a vraagstuk (the suite's in samenspreker's tables, the baseline's in its copies).
    name: 'vraagstuk-indienen',
    prepare: () => ({}),
    load: async (ctx) => ({
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await ctx.token()}`, [ctx.gemeenteHeader]: ctx.gemeente },
      requests: [{ method: 'POST', path: '/api/v1/vraagstukken', body: JSON.stringify(NIEUW_VRAAGSTUK) }],
    }),
  },
  // Add `reactie-plaatsen`, `stem-uitbrengen` (HTTP) and `telling-1m` (meet) here.
];

module.exports = { SCENARIOS };
