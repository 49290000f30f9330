// Starts what a bench run measures: a private nats-server, its own database (recreated, provisioned
// and migrated with the services' own migrations), identity, samenspreker and the gateway from
// dist/ as separate processes (as `npm run up` and production run them), and the bare baseline.
const { fork, spawn } = require('node:child_process');
const { createPrivateKey, randomBytes, randomUUID } = require('node:crypto');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

const root = join(__dirname, '..');
require('reflect-metadata');
const contracts = require(join(root, 'dist/libs/contracts/src'));
const platform = require(join(root, 'dist/libs/platform/src'));
const { spawnNatsServer, freePort } = require(join(root, 'dist/libs/testing/src/nats'));

const BOUWSTENEN = ['identity', 'samenspreker'];
const GEMEENTE = { code: 'GM0637', naam: 'Zoetermeer' };
/** Only there as noise in the lists: its rows must never show up in GM0637's. */
const ANDERE_GEMEENTE = { code: 'GM0518', naam: "'s-Gravenhage" };

// BENCH_CPU_PROF=<dir>: the gateway, samenspreker and identity write a CPU profile there on exit.
const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

function startProcess(name, script, env) {
  const child = spawn(process.execPath, [...profile, join(root, script)], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.once('exit', (code, signal) => {
    if (!child.stopping) process.stderr.write(`bench: ${name} stopte / stopped (${code ?? signal})\n${stderr}\n`);
  });
  return child;
}

function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  child.stopping = true;
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function run(script, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, script), ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} ${args.join(' ')}: exit ${code}`))));
  });
}

/** One request over NATS through a bouwsteen's own contract, as up.js sends it (and the gateway: `extra` for its context headers). */
async function ask(nc, subject, payload, extra = {}, timeout = 10_000) {
  const headers = require('nats').headers();
  headers.set(contracts.CONTEXT_HEADERS.correlationId, randomUUID());
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  const msg = await nc.request(subject, JSON.stringify(payload), { timeout, headers });
  const reply = JSON.parse(new TextDecoder().decode(msg.data));
  if (reply.error) throw new Error(`${subject}: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}

async function until(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what}: niet klaar na / not ready after ${timeoutMs / 1000} s`);
}

/**
 * Everything up and ready; returns the context the scenarios get: URLs, a pg pool on the bench
 * database (superuser, for seeding), `token()` for a fresh access token of the demo inwoner,
 * `tokenVoor(claims)` for tokens of made-up accounts and `vraag(...)` for a request over NATS.
 */
async function startSuite({ adminUrl }) {
  const started = [];
  const nats = await spawnNatsServer();
  const stopAll = async () => {
    for (const child of started.reverse()) await stopProcess(child);
    await nats.stop();
  };
  try {
    await platform.recreateDatabase(adminUrl);
    await platform.provisionDatabase({ adminUrl, bouwstenen: BOUWSTENEN });
    const dbUrl = (b) => platform.serviceDatabaseUrl(adminUrl, b, process.env[`${b.toUpperCase()}_DB_PASSWORD`] || undefined);
    await Promise.all(BOUWSTENEN.map((b) => run(`dist/services/${b}/src/main.js`, ['migrate'], { DATABASE_URL: dbUrl(b), NATS_URL: nats.url })));

    const gatewayPort = await freePort();
    const baselinePort = await freePort();
    const pids = {};
    // samenspreker and the baseline compute the same pseudonyms (HMAC) under this one key.
    const pseudoniemSleutel = randomBytes(32).toString('hex');
    // identity seals its signing key with this secret; the harness unseals it to sign many voters' tokens (see tokenVoor).
    const identityGeheim = randomBytes(32).toString('hex');
    for (const b of BOUWSTENEN) {
      const eigen = b === 'samenspreker' ? { SAMENSPREKER_PSEUDONIEM_SLEUTEL: pseudoniemSleutel } : { IDENTITY_KEY_SECRET: identityGeheim };
      const child = startProcess(b, `dist/services/${b}/src/main.js`, { DATABASE_URL: dbUrl(b), NATS_URL: nats.url, HEALTH_PORT: '0', ...eigen });
      started.push(child);
      pids[b] = child.pid;
    }
    // The rate limit stays on (it is part of the request path) but high enough for one loopback client.
    const gateway = startProcess('gateway', 'dist/gateway/src/main.js', { NATS_URL: nats.url, PORT: String(gatewayPort), HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '1000000' });
    started.push(gateway);
    pids.gateway = gateway.pid;
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    await until('gateway en bouwstenen / gateway and bouwstenen', async () => {
      const body = await (await fetch(`${gatewayUrl}/api/v1/bouwstenen`)).json();
      return BOUWSTENEN.every((b) => body.bouwstenen.some((s) => s.naam === b && s.status === 'up'));
    });

    const { connect } = require('nats');
    const nc = await connect({ servers: nats.url, name: 'samen-bench' });
    try {
      for (const g of [GEMEENTE, ANDERE_GEMEENTE]) await ask(nc, contracts.GEMEENTE_SUBJECTS.upsert, { ...g, bouwstenen: BOUWSTENEN });
      await ask(nc, contracts.DEMO_SUBJECTS.seed, { gemeente: GEMEENTE.code });
    } finally {
      await nc.close();
    }
    const jwks = await (await fetch(`${gatewayUrl}/api/v1/sleutels`)).json();

    // The baseline reads samenspreker's tables and writes into copies of them (bench_baseline, see
    // baseline.js), so the suite's outbox relay never sees its rows. It connects as the superuser
    // that made the copies: no row-level security is in play, so the role changes no work.
    const pool = new (require('pg').Pool)({ connectionString: adminUrl, max: 2 });
    await pool.query(require('./baseline').SCHEMA_SQL);
    const forkReady = async (script, env) => {
      const child = fork(join(__dirname, script), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: profile, env: { PATH: process.env.PATH ?? '', ...env } });
      started.push(child);
      await new Promise((resolve, reject) => {
        child.once('message', resolve);
        child.once('exit', (code) => reject(new Error(`${script} stopte / stopped (${code})`)));
      });
      return child;
    };
    const baselineEnv = { DATABASE_URL: adminUrl, BENCH_JWKS: JSON.stringify(jwks), SAMENSPREKER_PSEUDONIEM_SLEUTEL: pseudoniemSleutel };
    pids.baseline = (await forkReady('baseline.js', { ...baselineEnv, PORT: String(baselinePort) })).pid;
    // The split baseline (bench/splitsing.js): the same app behind a bare front, over the same NATS server as the suite.
    const splitsingPort = await freePort();
    pids.splitsingAchter = (await forkReady('baseline.js', { ...baselineEnv, BASELINE_NATS_URL: nats.url })).pid;
    pids.splitsingVoor = (await forkReady('splitsing.js', { BASELINE_NATS_URL: nats.url, PORT: String(splitsingPort) })).pid;

    /** A fresh access token (10 minutes) of the demo inwoner, logged in through the gateway like any client. */
    async function token() {
      const response = await fetch(`${gatewayUrl}/api/v1/sessies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [contracts.CONTEXT_HEADERS.gemeente]: GEMEENTE.code },
        body: JSON.stringify({ email: `inwoner@${GEMEENTE.naam.toLowerCase()}.demo`, wachtwoord: 'samen-demo-wachtwoord' }),
      });
      if (response.status !== 201) throw new Error(`inloggen / login: ${response.status} ${await response.text()}`);
      return (await response.json()).accessToken;
    }

    /**
     * Access tokens for made-up accounts (a stemming needs thousands of distinct verified voters;
     * logging that many in would measure password hashing): signed by identity's own TokenIssuer
     * with identity's current signing key, unsealed from its table, so every verifier accepts them
     * exactly as it accepts a login's. `claims` as TokenIssuer takes them, without accountId.
     */
    let uitgever;
    async function tokenVoor(claims, accountId = randomUUID()) {
      if (!uitgever) {
        const { rows } = await pool.query('select kid, private_key_encrypted from identity.signing_key where vervangen_tijdstip is null');
        const { KeyEncryption } = require(join(root, 'dist/services/identity/src/sleutels/key-encryption'));
        const { TokenIssuer } = require(join(root, 'dist/services/identity/src/sleutels/token-issuer'));
        const privateKey = createPrivateKey({ key: new KeyEncryption(identityGeheim).decrypt(rows[0].private_key_encrypted, rows[0].kid), format: 'der', type: 'pkcs8' });
        uitgever = new TokenIssuer({ current: async () => ({ kid: rows[0].kid, privateKey }) }, 600);
      }
      const { accessToken } = await uitgever.issueAccessToken({ accountId, gemeente: GEMEENTE.code, amr: ['pwd'], ...claims });
      return { accountId, token: accessToken };
    }

    /** A request straight to a bouwsteen over NATS, as the gateway sends it, for steps that outlast the gateway's timeout. */
    async function vraag(subject, payload, { token: bearer, timeoutMs = 10_000 } = {}) {
      const nc = await connect({ servers: nats.url, name: 'samen-bench' });
      try {
        const extra = { [contracts.CONTEXT_HEADERS.gemeente]: GEMEENTE.code, ...(bearer ? { [contracts.CONTEXT_HEADERS.authorization]: `Bearer ${bearer}` } : {}) };
        return await ask(nc, subject, payload, extra, timeoutMs);
      } finally {
        await nc.close();
      }
    }

    return {
      tokenVoor,
      vraag,
      gatewayUrl,
      baselineUrl: `http://127.0.0.1:${baselinePort}`,
      splitsingUrl: `http://127.0.0.1:${splitsingPort}`,
      gemeente: GEMEENTE.code,
      andereGemeente: ANDERE_GEMEENTE.code,
      gemeenteHeader: contracts.CONTEXT_HEADERS.gemeente,
      pool,
      token,
      /** Process ids of the servers, to read their CPU time (see cpuTime in run.js). */
      pids,
      natsPid: nats.process.pid,
      stop: async () => {
        await pool.end();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

module.exports = { startSuite };
