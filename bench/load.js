// The load generator, in a process of its own so that its CPU is not the measured process's:
// bench/run.js forks this for every measurement and sends the autocannon options over IPC; it
// answers with requests per second and latency, or with what went wrong.
const autocannon = require('autocannon');

/** Runs autocannon with `options` in a child process; resolves `{ rps, p50, p99, requests }`. */
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

if (require.main === module) {
  process.once('message', (message) => {
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
