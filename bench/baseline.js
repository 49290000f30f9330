// The bare baseline: one Fastify process with `pg` that does the same SQL work as the suite does
// for each scenario, and nothing else: no NATS, no Nest, no ORM, no second process. Same paths as
// the gateway, so a scenario sends the very same requests to both. It checks input with Fastify's
// own JSON schemas and verifies access tokens (one EdDSA signature against identity's JWKS, as any
// API that accepts writes must), so what the ratio measures is the suite's architecture, not
// skipped work. Started by bench/suite.js; `process.send('ready')` once it listens. With
// BASELINE_NATS_URL it is the back half of the split baseline instead (see bench/splitsing.js).
const { createHmac, randomUUID } = require('node:crypto');
const { join } = require('node:path');

/** Where the baseline writes: copies of samenspreker's tables (same columns, checks and indexes). */
const SCHEMA_SQL = `
  drop schema if exists bench_baseline cascade;
  create schema bench_baseline;
  create table bench_baseline.vraagstuk (like samenspreker.vraagstuk including all);
  create table bench_baseline.deelnemer (like samenspreker.deelnemer including all,
    foreign key ("vraagstuk_id") references bench_baseline.vraagstuk ("id"));
  create table bench_baseline.tijdlijn_entry (like samenspreker.tijdlijn_entry including all);
  create table bench_baseline.outbox (like samenspreker.outbox including all);
  create table bench_baseline.reactie (like samenspreker.reactie including all,
    foreign key ("vraagstuk_id") references samenspreker.vraagstuk ("id"),
    foreign key ("oplossing_id") references samenspreker.oplossing ("id"),
    foreign key ("antwoord_op") references bench_baseline.reactie ("id"));
  create table bench_baseline.stemregister (like samenspreker.stemregister including all,
    foreign key ("stemming_id") references samenspreker.stemming ("id"));
  create table bench_baseline.stem_idempotentie (like samenspreker.stem_idempotentie including all);
  create table bench_baseline.stembiljet (like samenspreker.stembiljet including all,
    foreign key ("stemming_id") references samenspreker.stemming ("id"));
  create table bench_baseline.bonnetje (like samenspreker.bonnetje including all,
    foreign key ("stemming_id") references samenspreker.stemming ("id"));
`;

module.exports = { SCHEMA_SQL };

if (require.main === module) main();

function main() {
  const Fastify = require('fastify');
  const { Pool } = require('pg');
  const { createLocalJWKSet, jwtVerify } = require('jose');
  require('reflect-metadata');
  const dist = join(__dirname, '..', 'dist');
  const { IDEMPOTENCY_KEY_PATTERN, REACTIE_EVENTS, TOKEN_AUDIENCE, TOKEN_ISSUER, VRAAGSTUK_EVENTS, eventSource, eventType } = require(join(dist, 'libs/contracts/src'));
  // The stemming's own rules, so the baseline judges eligibility and ballots, and makes and seals receipts, as the suite does.
  const stemming = (module) => require(join(dist, 'services/samenspreker/src/stemming', module));
  const { isGesloten, isOpen } = stemming('stemming-regels');
  const { magStemmen } = stemming('kiesgerechtigdheid');
  const { beoordeelStembiljet } = stemming('stembiljet');
  const { nieuwBonnetje } = stemming('bonnetje');
  const { versleutelBonnetje } = stemming('idempotentie');
  // The timeline's own hash rule, so the baseline hashes the same bytes the same way.
  const { hashVan, NUL_HASH } = require(join(dist, 'services/samenspreker/src/tijdlijn/tijdlijn-keten'));

  // The suite's services default to a pool of 10 (DATABASE_POOL_MAX): the same here.
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const keys = createLocalJWKSet(JSON.parse(process.env.BENCH_JWKS));
  const app = Fastify({ logger: false });
  const FASEN = ['agendering', 'oplossingen', 'besluitvorming', 'uitvoering', 'evaluatie', 'afgerond', 'afgewezen'];
  const uuid = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' };
  const gemeenteVan = (request) => request.headers['samen-gemeente'];

  // The suite's pseudonym rule (gedeeld/pseudoniem.ts) under the same key: bench/suite.js gives
  // samenspreker and this process the same SAMENSPREKER_PSEUDONIEM_SLEUTEL.
  const sleutel = process.env.SAMENSPREKER_PSEUDONIEM_SLEUTEL;
  const pseudoniem = (vraagstukId, accountId) => createHmac('sha256', sleutel).update(`${vraagstukId}:${accountId}`, 'utf8').digest('hex').slice(0, 20);
  /** Who someone is in one vraagstuk, as the public sees it; `eigen` for the caller themself. */
  const persoon = (vraagstukId, wie, kijker) => ({
    pseudoniem: pseudoniem(vraagstukId, wie.accountId),
    segment: wie.segment,
    ...(wie.organisatie ? { organisatie: wie.organisatie } : {}),
    ...(kijker === wie.accountId ? { eigen: true } : {}),
  });

  const view = (r, kijker) => ({
    id: r.id,
    gemeente: r.gemeente,
    soort: r.soort,
    titel: r.titel,
    omschrijving: r.omschrijving,
    gebied: { code: r.gebied_code, naam: r.gebied_naam },
    themas: r.themas,
    initiatiefnemer: persoon(r.id, { accountId: r.initiatiefnemer_account_id, segment: r.initiatiefnemer_segment, organisatie: r.initiatiefnemer_organisatie }, kijker),
    fase: r.fase,
    faseSinds: r.fase_sinds.toISOString(),
    aangemaaktTijdstip: r.aangemaakt_tijdstip.toISOString(),
    steun: { aantal: r.steun_aantal, drempel: r.steundrempel },
    reactietermijn: { uiterlijk: r.reactie_uiterlijk.toISOString(), verstreken: r.fase === 'agendering' && Date.now() > r.reactie_uiterlijk.getTime() },
  });

  // vraagstuk-lezen (1/2): the suite's `findOne(Vraagstuk, { id, gemeente })`.
  app.get('/api/v1/vraagstukken/:id', { schema: { params: { type: 'object', properties: { id: uuid }, required: ['id'] } } }, async (request, reply) => {
    const { rows } = await pool.query('select * from samenspreker.vraagstuk where id = $1 and gemeente = $2 limit 1', [request.params.id, gemeenteVan(request)]);
    if (rows.length === 0) return reply.code(404).send({ status: 404 });
    return view(rows[0]);
  });

  // vraagstuk-lezen (2/2): the suite's page of the timeline (limit 50, one more to look ahead).
  app.get('/api/v1/vraagstukken/:id/tijdlijn', { schema: { params: { type: 'object', properties: { id: uuid }, required: ['id'] } } }, async (request) => {
    const { rows } = await pool.query('select * from samenspreker.tijdlijn_entry where vraagstuk_id = $1 and volgnummer > $2 order by volgnummer asc limit $3', [request.params.id, 0, 51]);
    const regels = rows.slice(0, 50).map((r) => ({
      vraagstukId: r.vraagstuk_id,
      volgnummer: r.volgnummer,
      gemeente: r.gemeente,
      tijdstip: r.tijdstip.toISOString(),
      soort: r.soort,
      actor: r.actor,
      gegevens: r.gegevens,
      vorigeHash: r.vorige_hash,
      hash: r.hash,
    }));
    const self = `/api/v1/vraagstukken/${request.params.id}/tijdlijn`;
    return { regels, _links: { self: { href: self }, ...(rows.length > 50 ? { next: { href: `${self}?na=${regels[49].volgnummer}` } } : {}) } };
  });

  // vraagstukken-lijst-*: the suite's keyset page, newest first, filtered on gebied and fase.
  const lijstQuery = { type: 'object', properties: { fase: { enum: FASEN }, gebied: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,40}$' } } };
  app.get('/api/v1/vraagstukken', { schema: { querystring: lijstQuery } }, async (request) => {
    const { fase, gebied } = request.query;
    const { rows } = await pool.query(
      'select * from samenspreker.vraagstuk where gemeente = $1 and fase = $2 and gebied_code = $3 order by aangemaakt_tijdstip desc, id desc limit $4',
      [gemeenteVan(request), fase, gebied, 51],
    );
    const page = rows.slice(0, 50);
    const filters = new URLSearchParams({ fase, gebied }).toString();
    const laatste = page[page.length - 1];
    return {
      vraagstukken: page.map((r) => view(r)),
      _links: {
        self: { href: `/api/v1/vraagstukken?${filters}` },
        ...(rows.length > 50 ? { next: { href: `/api/v1/vraagstukken?${filters}&na=${Buffer.from(JSON.stringify([laatste.aangemaakt_tijdstip.toISOString(), laatste.id])).toString('base64url')}` } } : {}),
      },
    };
  });

  /** The access token's claims (one EdDSA verification), or an answer: 401 without a valid token, 403 in another gemeente. */
  async function ingelogd(request, reply) {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const claims = await jwtVerify(token ?? '', keys, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, typ: 'at+jwt' }).then((r) => r.payload, () => undefined);
    if (!claims) return void reply.code(401).send({ status: 401 });
    if (gemeenteVan(request) && claims.gemeente !== gemeenteVan(request)) return void reply.code(403).send({ status: 403 });
    return claims;
  }

  /** One transaction on one pooled connection, as `em.transactional` does. */
  async function transactie(werk) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const uitkomst = await werk(client);
      await client.query('commit');
      return uitkomst;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Vastlegging.leg: the timeline entry (per-vraagstuk advisory lock, chain head, hash; the actor
   * by the vraagstuk's pseudonym) and the outbox row, in the caller's transaction.
   */
  async function legVast(client, { vraagstukId, gemeente, soort, claims, gegevens, event, correlationId }) {
    const actor = { pseudoniem: pseudoniem(vraagstukId, claims.sub), segment: claims.segment, ...(claims.organisatie ? { organisatie: claims.organisatie } : {}) };
    await client.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`samenspreker.tijdlijn:${vraagstukId}`]);
    const kop = (await client.query('select volgnummer, hash from bench_baseline.tijdlijn_entry where vraagstuk_id = $1 order by volgnummer desc limit 1', [vraagstukId])).rows[0];
    const volgnummer = kop ? kop.volgnummer + 1 : 1;
    const vorigeHash = kop ? kop.hash : NUL_HASH;
    const tijdstip = new Date();
    const inhoud = JSON.parse(JSON.stringify(gegevens));
    const hash = hashVan({ vraagstukId, volgnummer, tijdstip: tijdstip.toISOString(), soort, actor, gegevens: inhoud, vorigeHash });
    await client.query(
      `insert into bench_baseline.tijdlijn_entry (id, vraagstuk_id, volgnummer, gemeente, tijdstip, soort, actor, gegevens, vorige_hash, hash) values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
      [randomUUID(), vraagstukId, volgnummer, gemeente, tijdstip, soort, JSON.stringify(actor), JSON.stringify(inhoud), vorigeHash, hash],
    );
    const nu = new Date();
    const cloudEvent = {
      specversion: '1.0',
      id: randomUUID(),
      source: eventSource('samenspreker'),
      type: eventType('samenspreker', event.resource, event.event),
      time: nu.toISOString(),
      subject: event.about,
      datacontenttype: 'application/json',
      gemeente,
      correlationid: correlationId,
      data: event.data,
    };
    await client.query('insert into bench_baseline.outbox (id, subject, event, occurred_at, attempts) values ($1, $2, $3::jsonb, $4, 0)', [cloudEvent.id, event.subject, JSON.stringify(cloudEvent), nu]);
  }

  // vraagstuk-indienen: the suite's transaction (vraagstuk, initiatiefnemer's seat, timeline entry
  // under the per-vraagstuk advisory lock, outbox row), in bench_baseline's copies of the tables.
  const nieuw = {
    type: 'object',
    required: ['soort', 'titel', 'omschrijving', 'gebied'],
    properties: {
      soort: { enum: ['probleem', 'kans'] },
      titel: { type: 'string', minLength: 3, maxLength: 200 },
      omschrijving: { type: 'string', minLength: 1, maxLength: 10000 },
      gebied: { type: 'object', required: ['code', 'naam'], properties: { code: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,40}$' }, naam: { type: 'string', minLength: 1, maxLength: 200 } } },
      themas: { type: 'array', maxItems: 10, items: { type: 'string', minLength: 1, maxLength: 60 } },
    },
  };
  const bewaard = new Map();
  const gemeenteInstellingen = async (gemeente) => {
    const eerder = bewaard.get(gemeente);
    if (eerder && eerder.tot > Date.now()) return eerder.instellingen;
    const instellingen = (await pool.query('select instellingen from identity.gemeente where code = $1', [gemeente])).rows[0]?.instellingen;
    if (instellingen) bewaard.set(gemeente, { instellingen, tot: Date.now() + 10_000 });
    return instellingen;
  };

  app.post('/api/v1/vraagstukken', { schema: { body: nieuw } }, async (request, reply) => {
    const claims = await ingelogd(request, reply);
    if (!claims) return reply;
    const gemeente = gemeenteVan(request) ?? claims.gemeente;
    const body = request.body;
    const nu = new Date();
    const id = randomUUID();
    const titel = body.titel.trim();
    const themas = [...new Set((body.themas ?? []).map((t) => t.trim()).filter(Boolean))];
    const organisatie = claims.organisatie ? { organisatie: claims.organisatie } : {};
    // The suite reuses the gemeente's settings (steundrempel, reactietermijn) from identity for 10 s
    // (GEMEENTE_INSTELLINGEN_BEWAARTIJD_MS): the same here, read straight from identity's table.
    const instellingen = await gemeenteInstellingen(gemeente);
    if (!instellingen) return reply.code(404).send({ status: 404 });
    const rij = await transactie(async (client) => {
      const { rows } = await client.query(
        `insert into bench_baseline.vraagstuk (id, gemeente, soort, titel, omschrijving, gebied_code, gebied_naam, themas, initiatiefnemer_account_id, initiatiefnemer_segment, initiatiefnemer_organisatie, fase, fase_sinds, aangemaakt_tijdstip, steundrempel, steun_aantal, reactie_uiterlijk)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'agendering', $12, $12, $13, 0, $14) returning *`,
        [id, gemeente, body.soort, titel, body.omschrijving, body.gebied.code, body.gebied.naam, themas, claims.sub, claims.segment, claims.organisatie ?? null, nu, instellingen.steundrempel, new Date(nu.getTime() + instellingen.reactietermijnDagen * 86_400_000)],
      );
      await client.query(
        `insert into bench_baseline.deelnemer (id, vraagstuk_id, gemeente, account_id, rol, segment, organisatie, status, sinds) values ($1, $2, $3, $4, 'initiatiefnemer', $5, $6, 'actief', $7)`,
        [randomUUID(), id, gemeente, claims.sub, claims.segment, claims.organisatie ?? null, nu],
      );
      const gebied = { code: body.gebied.code, naam: body.gebied.naam };
      await legVast(client, {
        vraagstukId: id,
        gemeente,
        soort: 'vraagstuk-aangemaakt',
        claims,
        gegevens: { soort: body.soort, titel, omschrijving: body.omschrijving, gebied, themas },
        event: {
          subject: VRAAGSTUK_EVENTS.aangemaakt,
          resource: 'vraagstuk',
          event: 'aangemaakt',
          about: id,
          data: { id, gemeente, soort: body.soort, titel, gebied, themas, initiatiefnemer: { segment: claims.segment, ...organisatie }, fase: 'agendering' },
        },
        correlationId: request.id,
      });
      return rows[0];
    });
    reply.code(201);
    return view(rij, claims.sub);
  });

  // reactie-plaatsen: the suite's transaction: the vraagstuk's row locked (FOR UPDATE, as every
  // phase-dependent write takes it), its phase checked, the reactie, its timeline entry and event.
  const reactieBody = { type: 'object', required: ['tekst'], properties: { tekst: { type: 'string', minLength: 1, maxLength: 5000, pattern: '\\S' }, antwoordOp: uuid } };
  app.post('/api/v1/vraagstukken/:id/reacties', { schema: { params: { type: 'object', properties: { id: uuid }, required: ['id'] }, body: reactieBody } }, async (request, reply) => {
    const claims = await ingelogd(request, reply);
    if (!claims) return reply;
    const gemeente = gemeenteVan(request) ?? claims.gemeente;
    const { tekst } = request.body;
    const uitkomst = await transactie(async (client) => {
      const vraagstuk = (await client.query('select * from samenspreker.vraagstuk where id = $1 and gemeente = $2 limit 1 for update', [request.params.id, gemeente])).rows[0];
      if (!vraagstuk) return { status: 404 };
      if (vraagstuk.fase === 'afgerond' || vraagstuk.fase === 'afgewezen') return { status: 409 };
      const id = randomUUID();
      const { rows } = await client.query(
        `insert into bench_baseline.reactie (id, vraagstuk_id, gemeente, account_id, segment, organisatie, tekst, tijdstip) values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
        [id, vraagstuk.id, gemeente, claims.sub, claims.segment, claims.organisatie ?? null, tekst, new Date()],
      );
      await legVast(client, {
        vraagstukId: vraagstuk.id,
        gemeente,
        soort: 'reactie-geplaatst',
        claims,
        gegevens: { reactieId: id },
        event: { subject: REACTIE_EVENTS.geplaatst, resource: 'reactie', event: 'geplaatst', about: id, data: { id, vraagstukId: vraagstuk.id, gemeente, segment: claims.segment } },
        correlationId: request.id,
      });
      return { rij: rows[0] };
    });
    if (uitkomst.status) return reply.code(uitkomst.status).send({ status: uitkomst.status });
    const r = uitkomst.rij;
    reply.code(201);
    return {
      id: r.id,
      vraagstukId: r.vraagstuk_id,
      tijdstip: r.tijdstip.toISOString(),
      auteur: persoon(r.vraagstuk_id, { accountId: r.account_id, segment: r.segment, organisatie: r.organisatie }, claims.sub),
      tekst: r.tekst,
    };
  });

  // stem-uitbrengen: the suite's cast in one transaction: the stemming read under FOR KEY SHARE, open
  // and digital, the voter's eligibility, the ballot judged, the register (its key refuses a second
  // vote), ballot and receipt apart, the encrypted retry record. The domain rules are the suite's own.
  const stembiljetBody = { type: 'object', required: ['antwoorden'], properties: { antwoorden: { type: 'object', additionalProperties: { type: ['string', 'null'] } } } };
  app.post('/api/v1/stemmingen/:stemmingId/stemmen', { schema: { params: { type: 'object', properties: { stemmingId: uuid }, required: ['stemmingId'] }, body: stembiljetBody } }, async (request, reply) => {
    const claims = await ingelogd(request, reply);
    if (!claims) return reply;
    const sleutel = request.headers['idempotency-key'];
    if (typeof sleutel !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(sleutel)) return reply.code(400).send({ status: 400 });
    const gemeente = gemeenteVan(request) ?? claims.gemeente;
    const uitkomst = await transactie(async (client) => {
      const stemming = (await client.query('select id, vraagstuk_id, gemeente, regels, status from samenspreker.stemming where id = $1 for key share', [request.params.stemmingId])).rows[0];
      if (!stemming) return { status: 404 };
      const nu = new Date();
      if (stemming.status === 'gesloten' || isGesloten(stemming.regels, nu) || !isOpen(stemming.regels, nu) || !stemming.regels.kanalen.includes('digitaal')) return { status: 409 };
      if (stemming.regels.kiesgerechtigden.soort === 'tafel') return { status: 501 };
      const recht = magStemmen(stemming.regels, { gemeente, ...(claims.geverifieerdGebied ? { geverifieerdGebied: claims.geverifieerdGebied } : {}), tafelDeelnemer: false });
      if (!recht.mag) return { status: 403 };
      const { biljet, fouten } = beoordeelStembiljet(stemming.regels, { antwoorden: request.body.antwoorden });
      if (fouten.length > 0) return { status: 400 };
      const nieuw = await client.query(
        `insert into bench_baseline.stemregister (stemming_id, account_id, kanaal) select $1, a, 'digitaal' from unnest($2::uuid[]) as a order by a on conflict do nothing returning account_id`,
        [stemming.id, [claims.sub]],
      );
      if (nieuw.rows.length === 0) return { status: 409 };
      const bonnetje = nieuwBonnetje();
      await client.query('insert into bench_baseline.stembiljet (stemming_id, biljet) select $1, b from jsonb_array_elements($2::jsonb) as b', [stemming.id, JSON.stringify([biljet])]);
      await client.query('insert into bench_baseline.bonnetje (code, stemming_id) select c, $1 from unnest($2::varchar[]) as c', [stemming.id, [bonnetje]]);
      await client.query('insert into bench_baseline.stem_idempotentie (stemming_id, account_id, bonnetje_versleuteld) values ($1, $2, $3)', [
        stemming.id,
        claims.sub,
        versleutelBonnetje(bonnetje, sleutel, stemming.id, claims.sub),
      ]);
      return { bonnetje };
    });
    if (uitkomst.status) return reply.code(uitkomst.status).send({ status: uitkomst.status });
    reply.code(201);
    return { bonnetje: uitkomst.bonnetje };
  });

  if (process.env.BASELINE_NATS_URL) achterNats(app, pool, process.env.BASELINE_NATS_URL);
  else {
    app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => process.send?.('ready'));
    process.on('SIGTERM', () => app.close().then(() => pool.end()).then(() => process.exit(0)));
  }
}

/**
 * The back half of the split baseline (bench/splitsing.js is the front): the same app, its
 * requests coming over NATS instead of HTTP, answered through Fastify's inject (routing, schemas
 * and serialisation as for a socket, without the socket).
 */
async function achterNats(app, pool, natsUrl) {
  const { connect, headers: natsHeaders } = require('nats');
  const { SPLITSING_SUBJECT, VERZOEK_HEADER, STATUS_HEADER, TYPE_HEADER } = require('./splitsing');
  const nc = await connect({ servers: natsUrl, name: 'bench-splitsing-achter', noAsyncTraces: true });
  const sub = nc.subscribe(SPLITSING_SUBJECT, { queue: 'bench-splitsing' });
  await nc.flush();
  process.send?.('ready');
  process.on('SIGTERM', () => nc.drain().then(() => pool.end()).then(() => process.exit(0)));
  const antwoord = (msg, status, type, body) => {
    const h = natsHeaders();
    h.set(STATUS_HEADER, String(status));
    h.set(TYPE_HEADER, type ?? 'application/json');
    msg.respond(body, { headers: h });
  };
  for await (const msg of sub) {
    const { method, url, headers } = JSON.parse(msg.headers.get(VERZOEK_HEADER));
    app.inject({ method, url, headers, ...(msg.data.length ? { payload: Buffer.from(msg.data) } : {}) }).then(
      (response) => antwoord(msg, response.statusCode, response.headers['content-type'], response.rawPayload),
      () => antwoord(msg, 500, 'application/json', Buffer.from('{}')),
    );
  }
}
