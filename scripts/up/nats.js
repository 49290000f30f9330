// Finds NATS with JetStream for `npm run up`: the one named in NATS_URL, else the local server,
// else a nats-server started by up.js itself.
const { accessSync, constants, mkdirSync } = require('node:fs');
const { delimiter, join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { connect } = require('nats');
const { UpError } = require('./errors');
const { freePort } = require('./ports');

/** Returns undefined when the server answers and has JetStream, else what is wrong. */
async function probe(natsUrl) {
  let nc;
  try {
    nc = await connect({ servers: natsUrl.split(','), timeout: 1500, reconnect: false, name: 'samen-up-probe' });
  } catch (error) {
    return error.message || String(error);
  }
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.getAccountInfo();
    return undefined;
  } catch (error) {
    return `JetStream staat uit / is not enabled (${error.message})`;
  } finally {
    await nc.close();
  }
}

function findServerBinary() {
  const dirs = [...(process.env.PATH || '').split(delimiter), '/usr/sbin'].filter(Boolean);
  for (const dir of dirs) {
    const candidate = join(dir, 'nats-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Returns `{ natsUrl, where, stop }`; `stop` is a no-op unless up.js started the server itself.
 * Knob for trying the fallbacks: SAMEN_LOCAL_NATS=host:port (default 127.0.0.1:4222).
 */
async function findNats({ root, supervisor, say, verbose }) {
  if (process.env.NATS_URL) {
    const problem = await probe(process.env.NATS_URL);
    if (problem) {
      throw new UpError(
        `NATS op ${process.env.NATS_URL} (uit NATS_URL) is niet bruikbaar / is not usable: ${problem}\n` +
          'Verbeter NATS_URL of laat hem weg, dan zoekt up.js zelf. / Fix NATS_URL or unset it and up.js looks for one itself.',
      );
    }
    return { natsUrl: process.env.NATS_URL, where: `${process.env.NATS_URL} (NATS_URL)`, stop: async () => undefined };
  }

  const local = process.env.SAMEN_LOCAL_NATS || '127.0.0.1:4222';
  const localProblem = await probe(`nats://${local}`);
  if (!localProblem) return { natsUrl: `nats://${local}`, where: `lokale server / local server ${local}`, stop: async () => undefined };

  const binary = findServerBinary();
  if (!binary) {
    throw new UpError(
      `Geen bruikbare NATS op ${local} (${localProblem}) en geen nats-server op PATH of in /usr/sbin.\n` +
        `No usable NATS at ${local} (${localProblem}) and no nats-server on PATH or in /usr/sbin.\n` +
        'Installeer hem / install it:\n' +
        '  - Debian/Ubuntu: sudo apt install nats-server\n' +
        '  - anders / otherwise: https://nats.io/download/ (één bestand / a single binary; zet het op PATH / put it on PATH)\n' +
        'of wijs een server aan / or point to a server: NATS_URL=nats://host:4222 npm run up (met JetStream / with JetStream)',
    );
  }
  say(`geen bruikbare NATS op / no usable NATS at ${local} (${localProblem}); ik start / starting ${binary}`);
  const storeDir = join(root, '.samen', 'nats');
  mkdirSync(storeDir, { recursive: true });
  const port = await freePort();
  const server = supervisor.start('nats', binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
    cwd: root,
    env: process.env,
    keep: (line) => verbose || /\[(ERR|WRN|FTL)\]/.test(line),
  });
  const natsUrl = `nats://127.0.0.1:${port}`;
  let problem = 'not started';
  for (let i = 0; i < 100 && supervisor.isRunning(server); i++) {
    problem = await probe(natsUrl);
    if (!problem) return { natsUrl, where: `eigen / own nats-server 127.0.0.1:${port}, data ${storeDir}`, stop: () => supervisor.stop(server, 5000) };
    await sleep(100);
  }
  await supervisor.stop(server, 2000);
  throw new UpError(`nats-server startte niet / did not start (${problem}); zie hierboven / see above.`);
}

module.exports = { findNats };
