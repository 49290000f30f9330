// The load generator, in a process of its own so that its CPU is not the measured process's:
// bench/run.js forks this for every measurement and sends the autocannon options over IPC; it
// answers with requests per second and latency, or with what went wrong.
const autocannon = require('autocannon');

/**
 * Runs a measurement with `options` in a child process; resolves `{ rps, p50, p99, requests }`.
 * As fast as the connections go (autocannon), or with `overallRate` at that fixed rate (openLoop).
 */
function measure(options) {
  const { fork } = require('node:child_process');
  return new Promise((resolve, reject) => {
    const child = fork(__filename, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', (message) => (message.error ? reject(new Error(message.error)) : resolve(message.result)));
    child.once('exit', (code) => code !== 0 && reject(new Error(`load.js: exit ${code}`)));
    child.send(options);
  });
}

module.exports = { measure };

/**
 * `perVerzoek` (per request): a list of `{ headers?, path? }`, each used for one request, in order
 * over all connections. One-off by default (a fresh voter's token and Idempotency-Key per cast):
 * the scenario sizes the list for the measurement, and running out fails the measurement instead
 * of reporting a figure. With `rondgaand` the list is walked round and round (requests spread over
 * several vraagstukken: every connection takes the next, so they do not move in step).
 */
function perVerzoekOpties({ perVerzoek, rondgaand, ...options }) {
  if (!perVerzoek) return { options, op: () => false };
  let volgende = 0;
  // autocannon cannot stop a run from inside setupRequest: the last set is sent again (and its
  // answer will be a refusal), and the run is reported as failed.
  const setupRequest = (request) => {
    const i = volgende++;
    const extra = perVerzoek[rondgaand ? i % perVerzoek.length : Math.min(i, perVerzoek.length - 1)];
    return { ...request, ...(extra.path ? { path: extra.path } : {}), headers: { ...request.headers, ...extra.headers } };
  };
  return {
    options: { ...options, requests: options.requests.map((request) => ({ ...request, setupRequest })) },
    op: () => !rondgaand && volgende > perVerzoek.length,
  };
}

/**
 * Open loop at a fixed rate: request i is due at start + i / rate, whether or not earlier answers
 * have come, over at most `connections` keep-alive sockets. Latency counts from when a request was
 * due, so a request that waited for a free socket is charged for the wait (no coordinated
 * omission). autocannon's own `overallRate` sends each connection's share for a second in one
 * burst at the start of that second, which measures bursts of 64, not a steady load.
 */
async function openLoop({ url, connections, duration, overallRate, headers = {}, requests, perVerzoek, rondgaand }) {
  const http = require('node:http');
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const base = new URL(url);
  const due = Math.floor(duration * overallRate);
  if (perVerzoek && !rondgaand && perVerzoek.length < due) throw new Error(`${url}: ${perVerzoek.length} eenmalige verzoeken voor / one-off requests for ${due}`);
  const latencies = [];
  let failed = 0;
  const send = (i, dueAt) =>
    new Promise((resolve) => {
      const request = requests[i % requests.length];
      const extra = perVerzoek ? perVerzoek[rondgaand ? i % perVerzoek.length : i] : {};
      const body = request.body;
      const req = http.request(
        { agent, host: base.hostname, port: base.port, method: request.method, path: extra.path ?? request.path, headers: { ...headers, ...request.headers, ...extra.headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } },
        (res) => {
          res.resume();
          res.once('end', () => {
            if (res.statusCode < 200 || res.statusCode > 299) failed++;
            latencies.push(performance.now() - dueAt);
            resolve();
          });
        },
      );
      req.once('error', () => {
        failed++;
        resolve();
      });
      req.end(body);
    });
  const start = performance.now();
  const inFlight = [];
  for (let i = 0; i < due; i++) {
    const dueAt = start + (i * 1000) / overallRate;
    const wait = dueAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(i, dueAt));
  }
  await Promise.all(inFlight);
  agent.destroy();
  if (failed) throw new Error(`${url}: ${failed} van / of ${due} verzoeken mislukt / requests failed`);
  latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  return { rps: due / duration, p50: at(0.5), p99: at(0.99), requests: due };
}

if (require.main === module) {
  process.once('message', (message) => {
    if (message.overallRate) {
      openLoop(message).then(
        (result) => process.send({ result }, () => process.exit(0)),
        (error) => process.send({ error: error.message }, () => process.exit(0)),
      );
      return;
    }
    const { options, op } = perVerzoekOpties(message);
    autocannon(options, (error, result) => {
      if (error) return process.send({ error: error.message }, () => process.exit(0));
      if (op()) return process.send({ error: `${options.url}: de ${message.perVerzoek.length} eenmalige verzoeken waren op / ran out of one-off requests` }, () => process.exit(0));
      // Any error or unexpected status makes the figure worthless: say so instead of reporting it.
      if (result.non2xx || result.errors || result.timeouts) {
        return process.send({ error: `${options.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts` }, () => process.exit(0));
      }
      process.send({ result: { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total } }, () => process.exit(0));
    });
  });
}
