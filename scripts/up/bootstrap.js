// Gets a fresh clone ready to run: dependencies installed and dist/ up to date.
// Uses only Node's own modules, because it runs before `npm ci`.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { UpError } = require('./errors');

const SOURCE_DIRS = ['libs', 'services', 'gateway'];
// Tests are not compiled by scripts/build.js, so editing one must not trigger a build.
const NOT_BUILT = /\.(spec|int-spec|e2e-spec)\.ts$/;

function run(root, say, label, command, args) {
  say(`${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new UpError(`'${[command, ...args].join(' ')}' mislukte / failed (exit ${result.status ?? result.signal}).`);
  }
}

function ensureInstalled(root, say) {
  if (existsSync(join(root, 'node_modules'))) return;
  // Under `npm run up`, npm tells us where its own CLI is; use the same npm for `ci`.
  const npm = process.env.npm_execpath;
  if (npm && npm.endsWith('.js')) run(root, say, 'installeren / installing', process.execPath, [npm, 'ci']);
  else run(root, say, 'installeren / installing', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci']);
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return NOT_BUILT.test(path) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The files every run needs; the oldest of them is when dist/ was last built. */
function entryPoints(root) {
  const files = [join(root, 'dist/libs/platform/src/database/cli.js')];
  for (const service of readdirSync(join(root, 'services'))) files.push(join(root, `dist/services/${service}/src/main.js`));
  if (existsSync(join(root, 'gateway/src/main.ts'))) files.push(join(root, 'dist/gateway/src/main.js'));
  return files;
}

function ensureBuilt(root, say) {
  const entries = entryPoints(root);
  const missing = entries.some((file) => !existsSync(file));
  const builtAt = missing ? 0 : Math.min(...entries.map((file) => statSync(file).mtimeMs));
  const sources = SOURCE_DIRS.map((dir) => join(root, dir)).filter(existsSync);
  const changedAt = Math.max(statSync(join(root, '.swcrc')).mtimeMs, ...sources.map(newestMtime));
  if (!missing && builtAt >= changedAt) return;
  run(root, say, missing ? 'bouwen / building' : 'opnieuw bouwen, bronnen gewijzigd / rebuilding, sources changed', process.execPath, [
    join(root, 'scripts/build.js'),
  ]);
}

module.exports = { ensureInstalled, ensureBuilt };
