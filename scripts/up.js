#!/usr/bin/env node
// `npm run up`: the whole suite on one machine with one command (README, docs/operations.md).
// Installs and builds when needed, finds or starts PostgreSQL and NATS, provisions and migrates,
// starts each chosen bouwsteen and the gateway as separate processes, creates the demo gemeente,
// and stops everything it started on Ctrl-C.
const { randomBytes, randomUUID } = require('node:crypto');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { ensureBuilt, ensureInstalled } = require('./up/bootstrap');
const { UpError } = require('./up/errors');
const { createFormatter } = require('./up/log-format');
const { isPortFree } = require('./up/ports');
const { Supervisor } = require('./up/processes');

const root = join(__dirname, '..');
const verbose = process.env.SAMEN_UP_VERBOSE === '1';
const formatter = createFormatter({ color: process.stdout.isTTY && !process.env.NO_COLOR, verbose });
const supervisor = new Supervisor({ formatter, write: (text) => process.stdout.write(text) });
const say = (text) => process.stdout.write(`${formatter.prefix('up')} ${text}\n`);

// Health ports are HEALTH_PORT_BASE + the bouwsteen's place (3101–3105); 0 lets each pick a
// free port, for a second suite beside a running one (the suite test of this script does that).
const HEALTH_PORT_BASE = process.env.SAMEN_HEALTH_PORT_BASE === undefined ? 3101 : Number(process.env.SAMEN_HEALTH_PORT_BASE);
const DEMO_GEMEENTE = { code: 'GM0637', naam: 'Zoetermeer' };
const MAIL_DIR = join(root, '.samen', 'mail');
const STOP_GRACE_MS = 10_000;
const READY_TIMEOUT_MS = Number(process.env.SAMEN_UP_TIMEOUT_MS) || 90_000;

/** What up.js started that the apps depend on, stopped last, newest first. */
const infrastructure = [];
/** The bouwstenen and the gateway. */
const apps = new Set();
let shuttingDown = false;

function chooseBouwstenen(contracts) {
  const { BOUWSTENEN, REQUIRED_BOUWSTENEN, isBouwsteen } = contracts;
  const raw = process.env.SAMEN_BOUWSTENEN;
  if (!raw || !raw.trim()) return [...BOUWSTENEN];
  const names = raw.split(/[\s,]+/).map((name) => name.toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !isBouwsteen(name));
  if (unknown.length) {
    throw new UpError(
      `SAMEN_BOUWSTENEN noemt een onbekende bouwsteen / names an unknown bouwsteen: ${unknown.join(', ')}\n` +
        `Kies uit / choose from: ${BOUWSTENEN.join(', ')} (bijv. / e.g. SAMEN_BOUWSTENEN=identity,samenspreker)`,
    );
  }
  for (const required of REQUIRED_BOUWSTENEN) {
    if (!names.includes(required)) say(`${required} is altijd nodig en draait mee / is always required and runs too`);
  }
  return BOUWSTENEN.filter((b) => names.includes(b) || REQUIRED_BOUWSTENEN.includes(b));
}

function gatewayPortSetting() {
  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UpError(`PORT=${process.env.PORT} is geen poortnummer / is not a port number`);
  return port;
}

async function checkGatewayPort(gatewayPort) {
  if (await isPortFree(gatewayPort)) return;
  throw new UpError(
    `Poort ${gatewayPort} voor de gateway is bezet / port ${gatewayPort} for the gateway is in use.\n` +
      `Draait er al een 'npm run up'? Stop die, of kies een andere poort: / Is another 'npm run up' running? Stop it, or pick another port:\n` +
      `  PORT=${gatewayPort + 1} npm run up`,
  );
}

async function checkHealthPorts(healthPorts) {
  const taken = [];
  for (const [bouwsteen, port] of healthPorts) if (!(await isPortFree(port))) taken.push(`${port} (${bouwsteen})`);
  if (taken.length) {
    throw new UpError(
      `Health-poort(en) bezet / health port(s) in use: ${taken.join(', ')}.\n` +
        `Draait er al een 'npm run up'? Stop die eerst. / Is another 'npm run up' running? Stop it first.`,
    );
  }
}

/** Reads `GET /api/v1/bouwstenen` into a map bouwsteen → status. */
async function bouwsteenStatuses(gatewayUrl) {
  const response = await fetch(`${gatewayUrl}/api/v1/bouwstenen`, { signal: AbortSignal.timeout(3000) });
  if (!response.ok) return new Map();
  const body = await response.json();
  return new Map(body.bouwstenen.map((b) => [b.naam, b.status]));
}

async function waitUntilUp(gatewayUrl, bouwstenen) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let statuses = new Map();
  while (Date.now() < deadline) {
    const dead = [...apps].filter((child) => !supervisor.isRunning(child));
    if (dead.length) {
      throw new UpError(`${dead.map((c) => c.name).join(', ')} stopte tijdens het starten / stopped while starting; zie de regels hierboven / see the lines above.`);
    }
    statuses = await bouwsteenStatuses(gatewayUrl).catch(() => new Map());
    if (bouwstenen.every((b) => statuses.get(b) === 'up')) return;
    await sleep(300);
  }
  const missing = bouwstenen.filter((b) => statuses.get(b) !== 'up');
  throw new UpError(
    `Na ${READY_TIMEOUT_MS / 1000} s nog niet klaar / not ready after ${READY_TIMEOUT_MS / 1000} s: ` +
      (statuses.size ? `niet 'up' / not 'up': ${missing.join(', ')}` : `de gateway antwoordt niet op / the gateway does not answer ${gatewayUrl}/api/v1/bouwstenen`) +
      '\nZie de regels hierboven / see the lines above (SAMEN_UP_TIMEOUT_MS geeft meer tijd / gives more time).',
  );
}

/** One request to identity over NATS, through its own contract, as any client would send it. */
async function askIdentity(natsUrl, subject, payload, contracts) {
  const { connect, headers } = require('nats');
  const nc = await connect({ servers: natsUrl.split(','), name: 'samen-up' });
  try {
    const h = headers();
    h.set(contracts.CONTEXT_HEADERS.correlationId, randomUUID());
    const msg = await nc.request(subject, JSON.stringify(payload), { timeout: 5000, headers: h });
    const reply = JSON.parse(new TextDecoder().decode(msg.data));
    if (reply.error) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.data;
  } finally {
    await nc.close();
  }
}

/** Creates (idempotently) the demo gemeente through identity's own contract, over NATS. */
function createDemoGemeente(natsUrl, bouwstenen, contracts) {
  return askIdentity(natsUrl, contracts.GEMEENTE_SUBJECTS.upsert, { ...DEMO_GEMEENTE, bouwstenen }, contracts);
}

/** One confirmed demo account per role (identity refuses this in production); staff get TOTP secrets. */
async function createDemoAccounts(natsUrl, contracts) {
  const reply = await askIdentity(natsUrl, contracts.DEMO_SUBJECTS.seed, { gemeente: DEMO_GEMEENTE.code }, contracts);
  return reply.accounts;
}

function printSummary({ gatewayUrl, bouwstenen, healthPorts, adminToken, tokenGenerated, pg, nats, seconds, demoAccounts, mailDir }) {
  const { paint, colors } = formatter;
  const rows = [
    ['API', `${gatewayUrl}/api/v1`],
    ['Documentatie / docs', `${gatewayUrl}/api/v1/documentatie`],
    ['OpenAPI', `${gatewayUrl}/api/v1/openapi.json`],
    ['Bouwstenen', `${gatewayUrl}/api/v1/bouwstenen`],
    ['Gezondheid / health', `${gatewayUrl}/health/ready`],
    ['Demo-gemeente', `${DEMO_GEMEENTE.code} ${DEMO_GEMEENTE.naam}: ${gatewayUrl}/api/v1/gemeenten/${DEMO_GEMEENTE.code}`],
    ['Beheertoken / admin', `${adminToken}${tokenGenerated ? '  (willekeurig; zet SAMEN_ADMIN_TOKEN om te kiezen / random; set SAMEN_ADMIN_TOKEN to choose)' : ''}`],
    ['PostgreSQL', pg.where],
    ['NATS', nats.where],
    ['Health-poorten', healthPorts.map(([b, port]) => `${b} ${port}`).join(', ')],
    ['Mail (lokaal / local)', mailDir],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const rule = paint(colors.dim, '─'.repeat(72));
  const lines = [
    rule,
    paint(colors.bold, `Samen draait / Samen is running: ${bouwstenen.join(', ')} (klaar in / ready in ${seconds} s)`),
    '',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
    ...demoAccountLines(demoAccounts),
    `  Probeer / try:  curl ${gatewayUrl}/api/v1/bouwstenen`,
    `  Stoppen / stop: Ctrl-C`,
    rule,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/** The demo accounts, for a newcomer to log in at once; staff need the TOTP secret in an authenticator app. */
function demoAccountLines(accounts) {
  if (!accounts || accounts.length === 0) return [];
  const width = Math.max(...accounts.map((a) => a.email.length));
  return [
    `  Demo-accounts (wachtwoord / password: ${accounts[0].wachtwoord}; inloggen / log in: POST /api/v1/sessies met / with Samen-Gemeente: ${DEMO_GEMEENTE.code},`,
    '  platformbeheerder zonder / without Samen-Gemeente; medewerkers: TOTP-geheim in een authenticator-app / staff: TOTP secret in an authenticator app):',
    ...accounts.map((a) =>
      [`    ${a.email.padEnd(width)}  ${a.rol.padEnd(17)}`, a.totpGeheim ? `TOTP ${a.totpGeheim}` : '', a.organisatie ? `beheert / manages ${a.organisatie.naam} (${a.organisatie.segment})` : '']
        .filter(Boolean)
        .join('  '),
    ),
    '',
  ];
}

function appEnv(extra) {
  // The admin connection stays with up.js: a bouwsteen gets only its own role's connection.
  const { DATABASE_ADMIN_URL, DATABASE_URL, ...env } = process.env;
  // Mail goes to files in .samen/mail (git-ignored), one JSON per message, unless MAIL_TRANSPORT says otherwise.
  return { ...env, NODE_ENV: process.env.NODE_ENV || 'development', MAIL_TRANSPORT: process.env.MAIL_TRANSPORT || `file:${MAIL_DIR}`, ...extra };
}

async function main() {
  const started = Date.now();
  // Checked first: a second `npm run up` must not rebuild dist/ under the feet of the first.
  const gatewayPort = gatewayPortSetting();
  await checkGatewayPort(gatewayPort);
  ensureInstalled(root, say);
  ensureBuilt(root, say);
  const gatewayMain = join(root, 'dist/gateway/src/main.js');
  if (!existsSync(gatewayMain)) throw new UpError('De gateway ontbreekt / the gateway is missing: dist/gateway/src/main.js (npm run build).');

  // Payload classes carry decorators (class-transformer's @Type) that need the metadata polyfill.
  require('reflect-metadata');
  const contracts = require('../dist/libs/contracts/src');
  const { serviceDatabaseUrl } = require('../dist/libs/platform/src/database/provision');
  const { findPostgres } = require('./up/postgres');
  const { findNats } = require('./up/nats');

  const bouwstenen = chooseBouwstenen(contracts);
  if (!Number.isInteger(HEALTH_PORT_BASE) || HEALTH_PORT_BASE < 0 || HEALTH_PORT_BASE > 65530) {
    throw new UpError(`SAMEN_HEALTH_PORT_BASE=${process.env.SAMEN_HEALTH_PORT_BASE} is geen poortnummer / is not a port number`);
  }
  const healthPorts = bouwstenen.map((b) => [b, HEALTH_PORT_BASE && HEALTH_PORT_BASE + contracts.BOUWSTENEN.indexOf(b)]);
  if (HEALTH_PORT_BASE) await checkHealthPorts(healthPorts);

  const pg = await findPostgres({ root, supervisor, say, verbose });
  infrastructure.unshift(pg);
  const nats = await findNats({ root, supervisor, say, verbose });
  infrastructure.unshift(nats);
  say(`PostgreSQL: ${pg.where}`);
  say(`NATS: ${nats.where}`);

  const node = process.execPath;
  await supervisor.run('provision', node, [join(root, 'dist/libs/platform/src/database/cli.js'), 'provision', ...bouwstenen], {
    cwd: root,
    env: { ...process.env, DATABASE_ADMIN_URL: pg.adminUrl },
  });
  const serviceEnv = (bouwsteen, port) =>
    appEnv({
      DATABASE_URL: serviceDatabaseUrl(pg.adminUrl, bouwsteen, process.env[`${bouwsteen.toUpperCase()}_DB_PASSWORD`]),
      NATS_URL: nats.natsUrl,
      HEALTH_PORT: String(port),
    });
  // Each bouwsteen migrates its own schema once, before any instance starts (docs/operations.md).
  await Promise.all(
    healthPorts.map(([b, port]) =>
      supervisor.run(b, node, [join(root, `dist/services/${b}/src/main.js`), 'migrate'], { cwd: root, env: serviceEnv(b, port) }),
    ),
  );

  if (shuttingDown) return;
  for (const [b, port] of healthPorts) {
    apps.add(supervisor.start(b, node, [join(root, `dist/services/${b}/src/main.js`)], { cwd: root, env: serviceEnv(b, port) }));
  }
  const tokenGenerated = !process.env.SAMEN_ADMIN_TOKEN;
  const adminToken = process.env.SAMEN_ADMIN_TOKEN || randomBytes(32).toString('base64url');
  const gatewayUrl = `http://localhost:${gatewayPort}`;
  apps.add(
    supervisor.start('gateway', node, [gatewayMain], {
      cwd: root,
      env: appEnv({ NATS_URL: nats.natsUrl, PORT: String(gatewayPort), PUBLIC_URL: process.env.PUBLIC_URL || gatewayUrl, SAMEN_ADMIN_TOKEN: adminToken }),
    }),
  );

  await waitUntilUp(gatewayUrl, bouwstenen);
  try {
    await createDemoGemeente(nats.natsUrl, bouwstenen, contracts);
  } catch (error) {
    say(formatter.paint(formatter.colors.red, `demo-gemeente ${DEMO_GEMEENTE.code} niet aangemaakt / not created: ${error.message}`));
  }
  let demoAccounts = [];
  try {
    demoAccounts = await createDemoAccounts(nats.natsUrl, contracts);
  } catch (error) {
    say(formatter.paint(formatter.colors.red, `demo-accounts niet aangemaakt / not created: ${error.message}`));
  }
  printSummary({
    gatewayUrl,
    bouwstenen,
    healthPorts,
    adminToken,
    tokenGenerated,
    pg,
    nats,
    seconds: ((Date.now() - started) / 1000).toFixed(1),
    demoAccounts,
    mailDir: process.env.MAIL_TRANSPORT || `file:${MAIL_DIR}`,
  });
}

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (supervisor.size === 0) process.exit(code);
  say('stoppen / stopping …');
  await Promise.all([...apps].map((child) => supervisor.stop(child, STOP_GRACE_MS)));
  for (const service of infrastructure) await service.stop();
  // Anything still running here was started but not yet handed over (e.g. a migration in flight).
  await supervisor.stopAll(STOP_GRACE_MS);
  say('gestopt / stopped');
  process.exit(code);
}

supervisor.onUnexpectedExit((child, code, signal) => {
  const how = code !== null ? `exit code ${code}` : `signaal / signal ${signal}`;
  const rest = supervisor.running().filter((c) => apps.has(c));
  process.stdout.write(
    formatter.banner(child.name, `${child.name} is gestopt / has stopped (${how}).`) +
      '\n' +
      formatter.banner(child.name, rest.length ? `de rest draait door / the rest keeps running: ${rest.map((c) => c.name).join(', ')}` : 'er draait niets meer / nothing is running any more') +
      '\n',
  );
  if (apps.has(child) && rest.length === 0 && !shuttingDown) void shutdown(1);
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (!shuttingDown) return void shutdown(0);
    say('nogmaals gevraagd: alles meteen beëindigen / asked again: killing everything now');
    supervisor.killAllNow();
    process.exit(1);
  });
}
process.on('exit', () => supervisor.killAllNow());
// The same Ctrl-C may close whoever reads our output (`npm run up | tee up.log`); stopping the
// children in order matters more than the lines nobody can read any more.
process.stdout.on('error', () => undefined);

main().catch((error) => {
  if (error instanceof UpError) process.stderr.write(`\n${formatter.paint(formatter.colors.red, error.message)}\n\n`);
  else process.stderr.write(`\nup.js: ${error?.stack ?? error}\n\n`);
  void shutdown(1);
});
