// The scenarios of `npm run bench`, run in this order (BENCH_SCENARIOS=a,b picks some, in this order).
//
// EXTENSION POINT — one entry per scenario, of one of two kinds:
//
//   HTTP, suite vs baseline:
//     { name, prepare(ctx) → data, load(ctx, data, { seconds }) → autocannon options without url/connections/duration }
//     The same requests go to the gateway and to bench/baseline.js (same paths), so the baseline
//     needs a route doing the same SQL work as the suite for them. `load` is called before every
//     measurement of `seconds` (0 for the parity check), e.g. for a fresh token. Requests that differ
//     one by one (a vote: its voter's token) take headers or path from `perVerzoek` (bench/load.js).
//
//   Not HTTP (a duration, printed with the rps and latency fields null):
//     { name, prepare(ctx) → data, meet(ctx, data) → milliseconds, or { durationMs, ...more figures } }
//
// `ctx` (bench/suite.js): { pool (superuser pg pool on the bench database), gemeente, andereGemeente,
// gemeenteHeader, gatewayUrl, token() → a fresh access token of the demo inwoner, tokenVoor(claims)
// → { accountId, token } of a made-up account, vraag(subject, payload, { token, timeoutMs }) over NATS }.
require('reflect-metadata');
const { randomBytes, randomUUID } = require('node:crypto');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

const dist = join(__dirname, '..', 'dist');
const { hashVan, NUL_HASH } = require(join(dist, 'services/samenspreker/src/tijdlijn/tijdlijn-keten'));
const { proefRegels } = require(join(dist, 'services/samenspreker/src/stemming/proefstemming'));
const { telGroepen } = require(join(dist, 'services/samenspreker/src/stemming/telling'));
const { BLANCO, ONGELDIG, STEMMING_SUBJECTS } = require(join(dist, 'libs/contracts/src'));

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

/** A POST through the gateway as `token`; its JSON answer, or an error naming what failed. */
async function post(ctx, path, token, body, verwacht = 201) {
  const response = await fetch(`${ctx.gatewayUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [ctx.gemeenteHeader]: ctx.gemeente },
    body: JSON.stringify(body),
  });
  if (response.status !== verwacht) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A vraagstuk raised through the gateway (so its row, seat and first timeline entry are the suite's own), with `extra` more timeline entries chained in SQL. */
async function vraagstukMetTijdlijn(ctx, extra) {
  const { id } = await post(ctx, '/api/v1/vraagstukken', await ctx.token(), NIEUW_VRAAGSTUK);
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

/** What a resident reacts. */
const NIEUWE_REACTIE = { tekst: 'Goed dat dit op de agenda komt: mijn kinderen steken daar elke ochtend over en het is echt gevaarlijk.' };
const REACTIE_GESPREKKEN = 32;

/** The stemming's wijk, and the buurt in it where the voters are verified residents (a buurt lies in its wijk). */
const STEM_WIJK = 'WK063701';
const STEM_BUURT = 'BU06370101';
/** Voters issued per second of measurement: above what either side casts on this machine (a run that uses them up fails). */
const STEMMEN_PER_S_MAX = 1500;
const STEMBILJET = { plein: 'ja', tempo: 'volgend-jaar', bomen: 'ja' };

/** The proef stemming's questions (services/samenspreker/src/stemming/proefstemming.ts), as a client publishes them. */
function proefVragen() {
  return proefRegels().vragen;
}

/**
 * A stemming open for digital votes, made as a gemeente would: a vraagstuk raised by a resident and
 * moved to besluitvorming by an ambtenaar, the rules published by the ambtenaar (opening a few
 * seconds ahead, as rules must be public before opening), and then waited for until it opens.
 */
async function openStemming(ctx, sluitingNaMs = 7 * 86_400_000) {
  const { token: ambtenaar } = await ctx.tokenVoor({ rollen: ['ambtenaar'], segment: 'gemeente' });
  const { id } = await post(ctx, '/api/v1/vraagstukken', await ctx.token(), NIEUW_VRAAGSTUK);
  for (const naar of ['oplossingen', 'besluitvorming']) await post(ctx, `/api/v1/vraagstukken/${id}/fase-overgangen`, ambtenaar, { naar, motivatie: 'Klaar voor de volgende fase.' });
  const opening = new Date(Date.now() + 3000);
  const sluiting = new Date(Date.now() + sluitingNaMs);
  const stemming = await post(ctx, `/api/v1/vraagstukken/${id}/stemmingen`, ambtenaar, {
    titel: 'Het Stadhuisplein',
    soort: 'bindend',
    kiesgerechtigden: { soort: 'inwoners-gebied', gebied: STEM_WIJK },
    aantalKiesgerechtigden: 2_000_000,
    vragen: proefVragen(),
    openingTijdstip: opening.toISOString(),
    sluitingTijdstip: sluiting.toISOString(),
    kanalen: ['digitaal', 'papier'],
  });
  await sleep(opening.getTime() + 500 - Date.now());
  return { stemmingId: stemming.id, regels: stemming.regels, sluiting, ambtenaar };
}

/** How long the closing of telling-1m is after publication: time to seed a million votes first (BENCH_TELLING_SLUITING_S). */
const TELLING_SLUITING_S = Number(process.env.BENCH_TELLING_SLUITING_S || 150);

/**
 * An open stemming with `aantal` votes, seeded in SQL as casts would leave them: a register row, a
 * canonical ballot (answers spread over every option, blank and invalid by fixed sequences) and a
 * receipt per voter. Its closing time is TELLING_SLUITING_S after publication, after the seeding.
 */
async function stemmingMetBiljetten(ctx, aantal) {
  const stemming = await openStemming(ctx, TELLING_SLUITING_S * 1000);
  const antwoorden = stemming.regels.vragen.map((vraag) => [...vraag.opties.map((o) => o.id), BLANCO, ONGELDIG]);
  const start = Date.now();
  await ctx.pool.query(`insert into samenspreker.stemregister (stemming_id, account_id, kanaal) select $1, gen_random_uuid(), 'digitaal' from generate_series(1, $2::int)`, [stemming.stemmingId, aantal]);
  await ctx.pool.query(
    `insert into samenspreker.stembiljet (stemming_id, biljet)
     select $1, jsonb_build_array(($3::text[])[1 + (n * 7919) % array_length($3::text[], 1)],
                                  ($4::text[])[1 + (n * 104729 + n / 7) % array_length($4::text[], 1)],
                                  ($5::text[])[1 + (n * 1299709 + n / 3) % array_length($5::text[], 1)])
     from generate_series(1::bigint, $2::bigint) as n`,
    [stemming.stemmingId, aantal, ...antwoorden],
  );
  await ctx.pool.query(`insert into samenspreker.bonnetje (code, stemming_id) select 'BENCH-' || lpad(n::text, 12, '0'), $1 from generate_series(1, $2::int) as n`, [stemming.stemmingId, aantal]);
  if (Date.now() >= stemming.sluiting.getTime()) throw new Error(`telling-1m: zaaien duurde ${Date.now() - start} ms, langer dan de stemming open was; verhoog / raise BENCH_TELLING_SLUITING_S`);
  return { ...stemming, aantal };
}

/**
 * durationMs: the count as closing does it (stembus.biljetGroepen: the box grouped by PostgreSQL,
 * each distinct ballot with its number, then `telGroepen`), timed here in one process with the
 * suite's own code; telMs is `telGroepen` alone. Then the
 * suite closes the stemming itself once its closing time has passed (over NATS: the gateway's
 * request timeout is shorter): sluitenMs is that whole closing (lock, count, hashes, proces-verbaal,
 * shuffling the ballot box, timeline, and the CLUSTER rewrite after commit), and its result must
 * equal the count made here.
 */
async function sluitEnTel(ctx, { stemmingId, regels, sluiting, ambtenaar, aantal }) {
  const start = process.hrtime.bigint();
  const { rows } = await ctx.pool.query('select biljet, count(*)::int as aantal from samenspreker.stembiljet where stemming_id = $1 group by biljet', [stemmingId]);
  const gelezen = process.hrtime.bigint();
  const telling = telGroepen(regels, rows);
  const klaar = process.hrtime.bigint();
  if (telling.aantalBiljetten !== aantal) throw new Error(`telling-1m: ${telling.aantalBiljetten} van ${aantal} stembiljetten geteld`);
  const ms = (van, tot) => Number(tot - van) / 1e6;

  await sleep(sluiting.getTime() + 50 - Date.now());
  const sluitStart = process.hrtime.bigint();
  const uitslag = await ctx.vraag(STEMMING_SUBJECTS.sluiten, { stemmingId }, { token: ambtenaar, timeoutMs: 600_000 });
  const sluitenMs = ms(sluitStart, process.hrtime.bigint());
  const vanDeSuite = uitslag.procesVerbaal.vragen.map(({ vraagId, opties, blanco, ongeldig }) => ({ vraagId, opties, blanco, ongeldig }));
  if (JSON.stringify(vanDeSuite) !== JSON.stringify(telling.vragen.map(({ vraagId, opties, blanco, ongeldig }) => ({ vraagId, opties, blanco, ongeldig })))) {
    throw new Error(`telling-1m: de uitslag van de suite wijkt af van de telling / the suite's result differs from the count: ${JSON.stringify(vanDeSuite)}`);
  }
  return { durationMs: ms(start, klaar), leesMs: Math.round(ms(start, gelezen)), telMs: Math.round(ms(gelezen, klaar)), sluitenMs: Math.round(sluitenMs), biljetten: aantal };
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
  {
    // A busy evening: residents react in REACTIE_GESPREKKEN discussions at once (each request the
    // next vraagstuk, over all connections). Every reactie locks its vraagstuk's row, so all of
    // them in one discussion would measure that lock's queue rather than the work.
    name: 'reactie-plaatsen',
    prepare: async (ctx) => {
      const token = await ctx.token();
      const ids = [];
      for (let i = 0; i < REACTIE_GESPREKKEN; i++) ids.push((await post(ctx, '/api/v1/vraagstukken', token, NIEUW_VRAAGSTUK)).id);
      return { ids };
    },
    load: async (ctx, { ids }) => ({
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await ctx.token()}`, [ctx.gemeenteHeader]: ctx.gemeente },
      requests: [{ method: 'POST', path: `/api/v1/vraagstukken/${ids[0]}/reacties`, body: JSON.stringify(NIEUWE_REACTIE) }],
      perVerzoek: ids.map((id) => ({ path: `/api/v1/vraagstukken/${id}/reacties` })),
      rondgaand: true,
    }),
  },
  {
    // Every request is another verified resident of the stemming's wijk casting their one vote,
    // with their own Idempotency-Key: eligibility, register, ballot, receipt, retry record.
    name: 'stem-uitbrengen',
    prepare: openStemming,
    load: async (ctx, { stemmingId }, { seconds }) => {
      // Enough voters for the fastest side at STEMMEN_PER_S_MAX; the parity check needs one.
      const aantal = Math.max(1, Math.ceil(seconds * STEMMEN_PER_S_MAX));
      const perVerzoek = [];
      for (let i = 0; i < aantal; i++) {
        const { token } = await ctx.tokenVoor({ rollen: ['inwoner'], segment: 'inwoner', geverifieerdGebied: STEM_BUURT });
        perVerzoek.push({ headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() } });
      }
      return {
        headers: { 'content-type': 'application/json', [ctx.gemeenteHeader]: ctx.gemeente },
        requests: [{ method: 'POST', path: `/api/v1/stemmingen/${stemmingId}/stemmen`, body: JSON.stringify({ antwoorden: STEMBILJET }) }],
        perVerzoek,
      };
    },
  },
  {
    // Not HTTP: the closing count of a stemming with a million ballots (issue 5: ≤ 2 s).
    name: 'telling-1m',
    prepare: (ctx) => stemmingMetBiljetten(ctx, 1_000_000),
    meet: sluitEnTel,
  },
];

module.exports = { SCENARIOS };
