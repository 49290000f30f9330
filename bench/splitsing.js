// The split baseline: the bare baseline cut in two like the suite is, with nothing else added. A bare
// Fastify front (this file) forwards every request as one NATS request to the baseline's app in a
// second process (bench/baseline.js with BASELINE_NATS_URL), which does the same SQL work and
// answers. No Nest, no ORM, no validation classes, no token check at the front: what it costs
// above the baseline is the cut itself (a second process, NATS and two more hops), so its ratio is
// the ceiling of any gateway → NATS → bouwsteen design on this machine. Started by bench/suite.js.
const SPLITSING_SUBJECT = 'bench.splitsing';
/** The request's method, URL and headers (JSON) travel in this NATS header, its body as the data, as is. */
const VERZOEK_HEADER = 'Bench-Verzoek';
/** The answer's status and content type travel in these; its body as the data, as is. */
const STATUS_HEADER = 'Bench-Status';
const TYPE_HEADER = 'Bench-Type';

module.exports = { SPLITSING_SUBJECT, VERZOEK_HEADER, STATUS_HEADER, TYPE_HEADER };

if (require.main === module) main();

async function main() {
  const Fastify = require('fastify');
  const { connect, headers: natsHeaders } = require('nats');
  const nc = await connect({ servers: process.env.BASELINE_NATS_URL, name: 'bench-splitsing-voor', noAsyncTraces: true });
  const app = Fastify({ logger: false });
  // The body goes on as it came: the back parses and checks it, as the baseline does.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.all('/*', async (request, reply) => {
    const h = natsHeaders();
    h.set(VERZOEK_HEADER, JSON.stringify({ method: request.method, url: request.url, headers: request.headers }));
    const antwoord = await nc.request(SPLITSING_SUBJECT, request.body ? Buffer.from(request.body) : new Uint8Array(0), { timeout: 10_000, headers: h });
    return reply.code(Number(antwoord.headers.get(STATUS_HEADER))).type(antwoord.headers.get(TYPE_HEADER) || 'application/json').send(Buffer.from(antwoord.data));
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.send?.('ready');
  process.on('SIGTERM', () => app.close().then(() => nc.drain()).then(() => process.exit(0)));
}
