#!/usr/bin/env node
// `npm test`: everything that must hold before a change goes in, in order, stopping at the
// first failure. Needs PostgreSQL (TEST_DATABASE_ADMIN_URL, default
// postgres://postgres@127.0.0.1:5432/samen_test; the database is dropped and recreated) and a
// nats-server binary (PATH or /usr/sbin; or TEST_NATS_URL). See jest.config.js for the projects.
//
//   1. build          node scripts/build.js            (the suite tests run dist/)
//   2. typecheck      tsc --noEmit
//   3. unit           jest --selectProjects unit       (parallel, no dependencies)
//   4. integration    jest --selectProjects integration suite --runInBand
//                     (real PostgreSQL and NATS; serial, because the files share one database)
//   5. openapi lint   node scripts/lint-openapi.js     (when it exists)
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const node = process.execPath;
// The local binaries directly rather than through npx: no lookup, no network, same result.
const jest = require.resolve('jest/bin/jest', { paths: [root] });
const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });

const steps = [
  { name: 'build', args: [join(root, 'scripts/build.js')] },
  { name: 'typecheck', args: [tsc, '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'unit tests', args: [jest, '--selectProjects', 'unit'] },
  { name: 'integration + suite tests', args: [jest, '--selectProjects', 'integration', 'suite', '--runInBand'] },
  { name: 'openapi lint', args: [join(root, 'scripts/lint-openapi.js')], optional: true },
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = Date.now();
const done = [];

for (const step of steps) {
  if (step.optional && !existsSync(step.args[0])) {
    process.stdout.write(`\n▶ ${step.name}: skipped (${step.args[0].slice(root.length + 1)} does not exist yet)\n`);
    continue;
  }
  process.stdout.write(`\n▶ ${step.name}\n`);
  const t0 = Date.now();
  const result = spawnSync(node, step.args, { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  const took = Date.now() - t0;
  if (result.status !== 0) {
    const why = result.error ? result.error.message : result.signal ? `signal ${result.signal}` : `exit code ${result.status}`;
    process.stderr.write(`\n✗ npm test: ${step.name} FAILED (${why}) after ${seconds(took)}; later steps not run.\n`);
    process.exit(result.status || 1);
  }
  done.push(`${step.name} ${seconds(took)}`);
  process.stdout.write(`✓ ${step.name} (${seconds(took)})\n`);
}

process.stdout.write(`\n✓ npm test passed in ${seconds(Date.now() - started)}: ${done.join(', ')}\n`);
