// The split baseline: the bare baseline cut in two like the suite is, with nothing else added. A bare
// Fastify front (this file) forwards every request as one NATS request to the baseline's app in a
// second process (bench/baseline.js with BASELINE_NATS_URL), which does the same SQL work and
// answers. No Nest, no ORM, no validation classes, no token check at the front: what it costs
// above the baseline is the cut itself (a second process, NATS and two more hops), so its ratio is
// the ceiling of any gateway → NATS → bouwsteen design on this machine. Started by bench/suite.js.
const SPLITSING_SUBJECT = 'bench.splitsing';

module.exports = { SPLITSING_SUBJECT };

if (require.main === module) main();

async function main() {
  const Fastify = require('fastify');
  const { connect } = require('nats');
  const nc = await connect({ servers: process.env.BASELINE_NATS_URL, name: 'bench-splitsing-voor', noAsyncTraces: true });
  const app = Fastify({ logger: false });
  // The body goes on as it came: the back parses and checks it, as the baseline does.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const decoder = new TextDecoder();
  app.all('/*', async (request, reply) => {
    const vraag = { method: request.method, url: request.url, headers: request.headers, body: request.body };
    const antwoord = JSON.parse(decoder.decode((await nc.request(SPLITSING_SUBJECT, Buffer.from(JSON.stringify(vraag)), { timeout: 10_000 })).data));
    return reply.code(antwoord.status).type(antwoord.type ?? 'application/json').send(antwoord.body);
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.send?.('ready');
  process.on('SIGTERM', () => app.close().then(() => nc.drain()).then(() => process.exit(0)));
}
