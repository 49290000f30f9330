// The bare baseline: one Fastify process with `pg` that does the same SQL work as the suite does
// for each scenario, and nothing else: no NATS, no Nest, no ORM, no second process. Same paths as
// the gateway, so a scenario sends the very same requests to both. It checks input with Fastify's
// own JSON schemas and verifies access tokens (one EdDSA signature against identity's JWKS, as any
// API that accepts writes must), so what the ratio measures is the suite's architecture, not
// skipped work. Started by bench/suite.js; `process.send('ready')` once it listens.
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
`;

module.exports = { SCHEMA_SQL };

if (require.main === module) main();

function main() {
  const Fastify = require('fastify');
  const { Pool } = require('pg');
  const { createLocalJWKSet, jwtVerify } = require('jose');
  require('reflect-metadata');
  const dist = join(__dirname, '..', 'dist');
  const { TOKEN_AUDIENCE, TOKEN_ISSUER, VRAAGSTUK_EVENTS, eventSource, eventType } = require(join(dist, 'libs/contracts/src'));
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
  app.post('/api/v1/vraagstukken', { schema: { body: nieuw } }, async (request, reply) => {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const claims = await jwtVerify(token ?? '', keys, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, typ: 'at+jwt' }).then((r) => r.payload, () => undefined);
    if (!claims) return reply.code(401).send({ status: 401 });
    const gemeente = gemeenteVan(request) ?? claims.gemeente;
    if (claims.gemeente !== gemeente) return reply.code(403).send({ status: 403 });
    const body = request.body;
    const nu = new Date();
    const id = randomUUID();
    const themas = [...new Set((body.themas ?? []).map((t) => t.trim()).filter(Boolean))];
    // The timeline shows the vraagstuk's pseudonym, never the account id.
    const actor = { pseudoniem: pseudoniem(id, claims.sub), segment: claims.segment, ...(claims.organisatie ? { organisatie: claims.organisatie } : {}) };
    // The suite asks identity for the gemeente's settings (steundrempel, reactietermijn) before its
    // transaction; identity reads its row: the same read here, straight from identity's table.
    const instellingen = (await pool.query('select instellingen from identity.gemeente where code = $1', [gemeente])).rows[0]?.instellingen;
    if (!instellingen) return reply.code(404).send({ status: 404 });
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query(
        `insert into bench_baseline.vraagstuk (id, gemeente, soort, titel, omschrijving, gebied_code, gebied_naam, themas, initiatiefnemer_account_id, initiatiefnemer_segment, initiatiefnemer_organisatie, fase, fase_sinds, aangemaakt_tijdstip, steundrempel, steun_aantal, reactie_uiterlijk)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'agendering', $12, $12, $13, 0, $14) returning *`,
        [id, gemeente, body.soort, body.titel.trim(), body.omschrijving, body.gebied.code, body.gebied.naam, themas, claims.sub, claims.segment, claims.organisatie ?? null, nu, instellingen.steundrempel, new Date(nu.getTime() + instellingen.reactietermijnDagen * 86_400_000)],
      );
      await client.query(
        `insert into bench_baseline.deelnemer (id, vraagstuk_id, gemeente, account_id, rol, segment, organisatie, status, sinds) values ($1, $2, $3, $4, 'initiatiefnemer', $5, $6, 'actief', $7)`,
        [randomUUID(), id, gemeente, claims.sub, claims.segment, claims.organisatie ?? null, nu],
      );
      await client.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`samenspreker.tijdlijn:${id}`]);
      const kop = (await client.query('select volgnummer, hash from bench_baseline.tijdlijn_entry where vraagstuk_id = $1 order by volgnummer desc limit 1', [id])).rows[0];
      const volgnummer = kop ? kop.volgnummer + 1 : 1;
      const vorigeHash = kop ? kop.hash : NUL_HASH;
      const tijdstip = new Date();
      const gegevens = JSON.parse(JSON.stringify({ soort: body.soort, titel: body.titel.trim(), omschrijving: body.omschrijving, gebied: body.gebied, themas }));
      const hash = hashVan({ vraagstukId: id, volgnummer, tijdstip: tijdstip.toISOString(), soort: 'vraagstuk-aangemaakt', actor, gegevens, vorigeHash });
      await client.query(
        `insert into bench_baseline.tijdlijn_entry (id, vraagstuk_id, volgnummer, gemeente, tijdstip, soort, actor, gegevens, vorige_hash, hash) values ($1, $2, $3, $4, $5, 'vraagstuk-aangemaakt', $6::jsonb, $7::jsonb, $8, $9)`,
        [randomUUID(), id, volgnummer, gemeente, tijdstip, JSON.stringify(actor), JSON.stringify(gegevens), vorigeHash, hash],
      );
      const eventId = randomUUID();
      const event = {
        specversion: '1.0',
        id: eventId,
        source: eventSource('samenspreker'),
        type: eventType('samenspreker', 'vraagstuk', 'aangemaakt'),
        time: nu.toISOString(),
        subject: id,
        datacontenttype: 'application/json',
        gemeente,
        correlationid: request.id,
        data: { id, gemeente, soort: body.soort, titel: body.titel.trim(), gebied: body.gebied, themas, initiatiefnemer: { segment: claims.segment, ...(claims.organisatie ? { organisatie: claims.organisatie } : {}) }, fase: 'agendering' },
      };
      await client.query('insert into bench_baseline.outbox (id, subject, event, occurred_at, attempts) values ($1, $2, $3::jsonb, $4, 0)', [eventId, VRAAGSTUK_EVENTS.aangemaakt, JSON.stringify(event), nu]);
      await client.query('commit');
      reply.code(201);
      return view(rows[0], claims.sub);
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });

  app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => process.send?.('ready'));
  process.on('SIGTERM', () => app.close().then(() => pool.end()).then(() => process.exit(0)));
}
