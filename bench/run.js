#!/usr/bin/env node
// `npm run bench`: every scenario of bench/scenarios.js, the suite against a bare baseline on this
// machine, in one run. Per scenario one JSON line on stdout (progress goes to stderr), also
// appended to bench/results/<timestamp>.jsonl. See bench/README.md.
//
// Knobs: BENCH_DURATION_S (10), BENCH_CONNECTIONS (64), BENCH_ROUNDS (3), BENCH_WARMUP_S (5),
// BENCH_VAST_TEMPO_PCT (50; 0 = skip the fixed-rate latency run), BENCH_SCENARIOS (comma list, default all), BENCH_CPU_PROF=<dir> (CPU profiles of every server),
// DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/samen_bench; dropped and recreated).
const { appendFileSync, mkdirSync, readFileSync } = require('node:fs');
const { loadavg } = require('node:os');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { ensureBuilt } = require('../scripts/up/bootstrap');

const root = join(__dirname, '..');
const say = (text) => process.stderr.write(`bench: ${text}\n`);

function knob(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}=${raw} is geen geheel getal / is not a whole number`);
  return value;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The events a write scenario left in the suite's outboxes are published before the next measurement, so the relay's catching up is not charged to whatever runs next. */
async function outboxesDrained(pool) {
  for (let i = 0; i < 600; i++) {
    const { rows } = await pool.query(
      `select (select count(*) from samenspreker.outbox where published_at is null) + (select count(*) from identity.outbox where published_at is null) as n`,
    );
    if (Number(rows[0].n) === 0) return;
    await sleep(100);
  }
  say('de outbox raakte niet leeg binnen 60 s / the outbox did not drain within 60 s');
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere.
 * Read around each measurement, it says where the time per request goes, process by process.
 */
function cpuTime(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** The PostgreSQL backends serving the bench database now (the suite's pools and the baseline's). */
async function backendPids(pool) {
  const { rows } = await pool.query('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
  return rows.map((row) => row.pid);
}

/**
 * CPU milliseconds per request of each named process, and of all PostgreSQL backends of the bench
 * database together, during `measurement`: e.g. `gateway 2.10, samenspreker 2.40, postgres 0.60`.
 */
async function withCpu(pids, pool, measurement) {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuTime(pid)]));
  const backendsBefore = new Map((await backendPids(pool)).map((pid) => [pid, cpuTime(pid) ?? 0]));
  const result = await measurement();
  const perRequest = (seconds) => ((seconds * 1000) / result.requests).toFixed(2);
  const parts = Object.entries(pids)
    .filter(([name]) => before[name] !== undefined)
    .map(([name, pid]) => `${name} ${perRequest(cpuTime(pid) - before[name])}`);
  // A backend that appeared during the measurement counts from zero; one that closed is lost (rare: pools keep theirs).
  const postgres = (await backendPids(pool)).reduce((sum, pid) => sum + (cpuTime(pid) ?? 0) - (backendsBefore.get(pid) ?? 0), 0);
  return { ...result, cpu: [...parts, `postgres ${perRequest(postgres)}`].join(', ') };
}

/** Object keys and value types, recursively: what two answers to a POST share (ids and times differ). */
function shape(value) {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).map((key) => [key, shape(value[key])]));
  return typeof value;
}

/**
 * Before anything is measured: suite and baseline must give the same answer to every request of
 * the scenario (the same status; for a GET the same JSON, for a write the same shape), or the
 * baseline is not doing the same work and the ratio would mean nothing.
 */
async function sameAnswers(ctx, scenario, data, canonical) {
  const { headers = {}, requests, perVerzoek } = await scenario.load(ctx, data, { seconds: 0 });
  // The split baseline writes into the baseline's tables: its one-off requests (a voter) must be others.
  const { perVerzoek: perVerzoekSplitsing } = await scenario.load(ctx, data, { seconds: 0 });
  for (const [i, { method, path, body }] of requests.entries()) {
    const [baseline, suite, splitsing] = await Promise.all(
      [ctx.baselineUrl, ctx.gatewayUrl, ctx.splitsingUrl].map(async (base) => {
        // A one-off header set (a voter's token) may serve baseline and suite: the baseline writes into its own tables.
        const extra = (base === ctx.splitsingUrl ? perVerzoekSplitsing : perVerzoek)?.[i] ?? {};
        const response = await fetch(`${base}${extra.path ?? path}`, { method, headers: { ...headers, ...extra.headers }, body });
        return { status: response.status, json: await response.json() };
      }),
    );
    const compare = (answer) => canonical(method === 'GET' ? answer.json : shape(answer.json));
    if (baseline.status !== splitsing.status || compare(baseline) !== compare(splitsing)) {
      throw new Error(`${scenario.name}: ${method} ${path}: de gesplitste baseline antwoordt anders / the split baseline answers otherwise: ${splitsing.status} ${compare(splitsing).slice(0, 300)}`);
    }
    if (baseline.status !== suite.status || compare(baseline) !== compare(suite)) {
      throw new Error(
        `${scenario.name}: ${method} ${path} geeft niet hetzelfde antwoord / does not give the same answer:\n` +
          `  baseline ${baseline.status} ${compare(baseline).slice(0, 600)}\n  suite    ${suite.status} ${compare(suite).slice(0, 600)}`,
      );
    }
  }
}

async function main() {
  const duration = knob('BENCH_DURATION_S', 10);
  const connections = knob('BENCH_CONNECTIONS', 64);
  const rounds = knob('BENCH_ROUNDS', 3);
  const warmup = knob('BENCH_WARMUP_S', 5);
  const vastTempoPct = knob('BENCH_VAST_TEMPO_PCT', 50);
  const adminUrl = process.env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/samen_bench';
  // It is dropped and recreated: never let a typo point this at a database that matters.
  if (!/bench/.test(new URL(adminUrl).pathname)) throw new Error(`DATABASE_ADMIN_URL moet een database met 'bench' in de naam zijn / must name a database with 'bench' in its name: ${adminUrl}`);

  ensureBuilt(root, say);
  const { SCENARIOS } = require('./scenarios');
  const { startSuite } = require('./suite');
  const { measure } = require('./load');
  const { canoniekeJson } = require(join(root, 'dist/services/samenspreker/src/tijdlijn/tijdlijn-keten'));

  const wanted = (process.env.BENCH_SCENARIOS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length) throw new Error(`onbekend scenario / unknown scenario: ${unknown.join(', ')}; kies uit / choose from: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const chosen = wanted.length ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;

  const resultsDir = join(__dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  // ISO 8601 basic format: sorts by time and has no colons (which some file systems refuse).
  const resultsFile = join(resultsDir, `${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.jsonl`);

  say(`starten / starting (database ${new URL(adminUrl).pathname.slice(1)}) …`);
  const ctx = await startSuite({ adminUrl });
  try {
    for (const scenario of chosen) {
      say(`${scenario.name}: voorbereiden / preparing …`);
      const data = await scenario.prepare(ctx);
      let line;
      if (scenario.meet) {
        // A number of milliseconds, or { durationMs, ...more figures of the same measurement }.
        const gemeten = await scenario.meet(ctx, data);
        const { durationMs, ...meer } = typeof gemeten === 'number' ? { durationMs: gemeten } : gemeten;
        line = { scenario: scenario.name, baselineRps: null, suiteRps: null, ratio: null, suiteP50Ms: null, suiteP99Ms: null, connections: null, durationS: null, durationMs: round(durationMs, 1), ...meer };
      } else {
        await sameAnswers(ctx, scenario, data, canoniekeJson);
        // overallRate: a fixed offered rate (open loop) instead of as fast as the connections go.
        const target = async (url, seconds, overallRate) =>
          measure({ url, connections, duration: seconds, ...(overallRate ? { overallRate } : {}), ...(await scenario.load(ctx, data, { seconds })) });
        if (warmup) {
          say(`${scenario.name}: opwarmen / warming up (${warmup} s each) …`);
          await target(ctx.baselineUrl, warmup);
          await target(ctx.splitsingUrl, warmup);
          await target(ctx.gatewayUrl, warmup);
          await outboxesDrained(ctx.pool);
        }
        const rows = [];
        for (let r = 1; r <= rounds; r++) {
          // Alternating which goes first, so a machine that slows down (or warms up) during a round favours neither.
          const order = r % 2 ? ['baseline', 'splitsing', 'suite'] : ['suite', 'splitsing', 'baseline'];
          const result = {};
          for (const side of order) {
            const { baseline, splitsingVoor, splitsingAchter, ...suite } = ctx.pids;
            const pids = { baseline: { baseline }, splitsing: { voor: splitsingVoor, achter: splitsingAchter, nats: ctx.natsPid }, suite: { ...suite, nats: ctx.natsPid } }[side];
            const url = { baseline: ctx.baselineUrl, splitsing: ctx.splitsingUrl, suite: ctx.gatewayUrl }[side];
            result[side] = await withCpu(pids, ctx.pool, () => target(url, duration));
            await outboxesDrained(ctx.pool);
          }
          rows.push({ ...result, ratio: result.suite.rps / result.baseline.rps, splitsingRatio: result.splitsing.rps / result.baseline.rps });
          say(
            `${scenario.name} ronde / round ${r}: baseline ${Math.round(result.baseline.rps)} req/s (p50 ${result.baseline.p50} / p99 ${result.baseline.p99} ms) | ` +
              `gesplitst / split ${Math.round(result.splitsing.rps)} req/s (${(result.splitsing.rps / result.baseline.rps).toFixed(2)}) | ` +
              `suite ${Math.round(result.suite.rps)} req/s (p50 ${result.suite.p50} / p99 ${result.suite.p99} ms) | ratio ${(result.suite.rps / result.baseline.rps).toFixed(2)}\n` +
              `  CPU ms per verzoek / per request: ${result.baseline.cpu} | gesplitst / split ${result.splitsing.cpu} | ${result.suite.cpu} | load ${loadavg()[0].toFixed(1)}`,
          );
        }
        // Latency at a load the suite carries, not at saturation: with 64 connections firing as fast
        // as answers come, every request waits behind the others (p50 ≈ 64 / throughput, for the
        // baseline too). Both sides get the same fixed rate, a share of the suite's throughput.
        let vastTempo = {};
        if (vastTempoPct) {
          const rate = Math.max(1, Math.round((median(rows.map((r) => r.suite.rps)) * vastTempoPct) / 100));
          const atRate = {};
          for (const side of ['baseline', 'suite']) {
            atRate[side] = await target(side === 'baseline' ? ctx.baselineUrl : ctx.gatewayUrl, duration, rate);
            await outboxesDrained(ctx.pool);
          }
          say(
            `${scenario.name} vast tempo / fixed rate ${rate} req/s: baseline p50 ${atRate.baseline.p50} / p99 ${atRate.baseline.p99} ms | ` +
              `suite p50 ${atRate.suite.p50} / p99 ${atRate.suite.p99} ms`,
          );
          vastTempo = { vastTempoRps: rate, suiteP50MsVastTempo: atRate.suite.p50, suiteP99MsVastTempo: atRate.suite.p99, baselineP99MsVastTempo: atRate.baseline.p99 };
        }
        line = {
          scenario: scenario.name,
          baselineRps: Math.round(median(rows.map((r) => r.baseline.rps))),
          suiteRps: Math.round(median(rows.map((r) => r.suite.rps))),
          // The median of each round's own ratio: both sides of a ratio saw the same machine.
          ratio: round(median(rows.map((r) => r.ratio)), 3),
          suiteP50Ms: median(rows.map((r) => r.suite.p50)),
          suiteP99Ms: median(rows.map((r) => r.suite.p99)),
          connections,
          durationS: duration,
          // The split baseline (bench/splitsing.js): the ceiling of any design with the suite's cut.
          splitsingRps: Math.round(median(rows.map((r) => r.splitsing.rps))),
          splitsingRatio: round(median(rows.map((r) => r.splitsingRatio)), 3),
          ...vastTempo,
        };
      }
      const json = JSON.stringify(line);
      process.stdout.write(`${json}\n`);
      appendFileSync(resultsFile, `${json}\n`);
    }
    say(`resultaten / results: ${resultsFile}`);
  } finally {
    await ctx.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error?.stack ?? error}\n`);
  process.exit(1);
});
