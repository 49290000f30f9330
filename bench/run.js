#!/usr/bin/env node
// Measures the suite against a bare baseline on this machine, in one run, and reports ratios.
//   node bench/run.js [rounds=3] [seconds=10] [connections=50]
// Needs `npm run build`, PostgreSQL (DATABASE_ADMIN_URL, default the local server) and NATS
// (NATS_URL, default the local server). Uses its own database `samen_bench`.
require('reflect-metadata');
const { fork, spawn } = require('node:child_process');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { connect, headers } = require('nats');

const root = join(__dirname, '..');
const platform = require(join(root, 'dist/libs/platform/src'));
const [rounds = 3, seconds = 10, connections = 50] = process.argv.slice(2).map(Number);
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/samen_bench';
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const identityUrl = platform.serviceDatabaseUrl(adminUrl, 'identity');
const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };

// BENCH_CPU_PROF=<dir> writes a CPU profile of the gateway and the service on exit.
const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

function start(script, env) {
  return spawn(process.execPath, [...profile, join(root, script)], { ...quiet, env: { ...process.env, LOG_LEVEL: 'warn', NATS_URL: natsUrl, ...env } });
}

async function waitFor(url) {
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

function load(url) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx || result.errors) return reject(new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      resolve({ rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 });
    });
  });
}

async function main() {
  await platform.recreateDatabase(adminUrl);
  await platform.provisionDatabase({ adminUrl, bouwstenen: ['identity'] });
  const migrate = spawn(process.execPath, [join(root, 'dist/services/identity/src/main.js'), 'migrate'], { ...quiet, env: { ...process.env, DATABASE_URL: identityUrl } });
  await new Promise((r) => migrate.once('exit', r));

  const identity = start('dist/services/identity/src/main.js', { DATABASE_URL: identityUrl, HEALTH_PORT: '0' });
  const gateway = start('dist/gateway/src/main.js', { PORT: '3900', HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '1000000' });
  const baseline = fork(join(__dirname, 'baseline.js'), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env, DATABASE_URL: identityUrl, PORT: '3901' } });
  try {
    await waitFor('http://127.0.0.1:3901/gemeenten/GM9999').catch(() => undefined);
    const nc = await connect({ servers: natsUrl });
    for (let i = 0; i < 100; i++) {
      const m = await nc.request('identity.v1.gemeenten.upsert', Buffer.from(JSON.stringify({ code: 'GM0637', naam: 'Zoetermeer', bouwstenen: ['identity'] })), { timeout: 2000, headers: headers() }).catch(() => undefined);
      if (m) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await nc.close();
    await waitFor('http://127.0.0.1:3900/api/v1/gemeenten/GM0637');
    await waitFor('http://127.0.0.1:3901/gemeenten/GM0637');

    const rows = [];
    for (let round = 1; round <= rounds; round++) {
      const base = await load('http://127.0.0.1:3901/gemeenten/GM0637');
      const stack = await load('http://127.0.0.1:3900/api/v1/gemeenten/GM0637');
      rows.push({ round, base, stack, ratio: stack.rps / base.rps });
      console.log(`round ${round}: baseline ${base.rps} req/s (p50 ${base.p50} ms, p99 ${base.p99} ms) | suite ${stack.rps} req/s (p50 ${stack.p50} ms, p99 ${stack.p99} ms) | ratio ${(stack.rps / base.rps).toFixed(2)}`);
    }
    const ratios = rows.map((r) => r.ratio).sort();
    console.log(`GET gemeente, c=${connections}, ${seconds}s x ${rounds}: suite/baseline median ratio ${ratios[Math.floor(ratios.length / 2)].toFixed(2)} (min ${ratios[0].toFixed(2)}, max ${ratios[ratios.length - 1].toFixed(2)})`);
  } finally {
    for (const child of [identity, gateway, baseline]) child.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
