// The bare baseline: one Fastify process reading the same row from the same PostgreSQL, with
// no NATS, no Nest and no ORM. The suite is measured against this, on the same machine, in the
// same run (bench/run.js).
const Fastify = require('fastify');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });

app.get('/gemeenten/:code', async (request, reply) => {
  const { rows } = await pool.query(
    'select code, naam, bouwstenen, aangemaakt_tijdstip from identity.gemeente where code = $1',
    [request.params.code],
  );
  if (rows.length === 0) return reply.code(404).send({ status: 404 });
  const row = rows[0];
  return { code: row.code, naam: row.naam, bouwstenen: row.bouwstenen, aangemaaktTijdstip: row.aangemaakt_tijdstip.toISOString() };
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => process.send?.('ready'));
process.on('SIGTERM', () => app.close().then(() => pool.end()).then(() => process.exit(0)));
