#!/usr/bin/env node
// Publishes and checks the gateway's OpenAPI document (npm run lint:openapi; run `npm run build`
// first, this script builds nothing):
//   1. starts the built gateway in this process on a free port (no NATS or PostgreSQL needed),
//   2. fetches GET /api/v1/openapi.json over HTTP, as a client would,
//   3. writes it to docs/api/openapi.json (committed, so vendors can read it without running us),
//   4. lints it with the NL API Design Rules rulesets in ../shared/standards/adr-ruleset:
//      spectral.yml (ADR 2.1, adopted) and linter.yaml (ADR 2.2, proposed).
// Exits non-zero when the document cannot be made or either ruleset reports an error.
'use strict';

const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

const root = join(__dirname, '..');
const rulesetDir = join(root, '..', 'shared', 'standards', 'adr-ruleset');
const RULESETS = [
  { name: 'ADR 2.1', file: 'spectral.yml' },
  { name: 'ADR 2.2', file: 'linter.yaml' },
];
const output = join(root, 'docs', 'api', 'openapi.json');
const dist = join(root, 'dist');

function fail(message) {
  process.stderr.write(`lint-openapi: ${message}\n`);
  process.exit(1);
}

async function fetchDocument() {
  require('reflect-metadata');
  const { createGateway } = require(join(dist, 'gateway/src/create-gateway.js'));
  const { GatewayEnv } = require(join(dist, 'gateway/src/config/gateway-env.js'));
  const { loadEnv } = require(join(dist, 'libs/platform/src/config/env.js'));
  // Settings from this object only, not the shell, so the committed document does not depend on
  // who ran the script (PUBLIC_URL keeps its default). NATS may be absent: the gateway starts.
  const env = loadEnv(GatewayEnv, { LOG_LEVEL: 'error' });
  const app = await createGateway(env);
  try {
    await app.listen(0, '127.0.0.1');
    const response = await fetch(`${await app.getUrl()}/api/v1/openapi.json`);
    if (response.status !== 200) throw new Error(`GET /api/v1/openapi.json answered ${response.status}`);
    if (response.headers.get('access-control-allow-origin') !== '*') {
      throw new Error('GET /api/v1/openapi.json lacks Access-Control-Allow-Origin: * (ADR /core/publish-openapi)');
    }
    return await response.json();
  } finally {
    await app.close();
  }
}

function lint(ruleset) {
  const spectral = join(dirname(require.resolve('@stoplight/spectral-cli/package.json')), 'dist', 'index.js');
  process.stdout.write(`\n== ${ruleset.name} (${ruleset.file})\n`);
  const result = spawnSync(
    process.execPath,
    [spectral, 'lint', '-r', join(rulesetDir, ruleset.file), output, '--fail-severity', 'error'],
    { cwd: root, stdio: 'inherit' },
  );
  return result.status === 0;
}

async function main() {
  if (!existsSync(rulesetDir)) {
    fail(`the ADR rulesets are not at ${rulesetDir}; check out 'shared' beside this repository.`);
  }
  if (!existsSync(join(dist, 'gateway/src/create-gateway.js'))) fail('dist/ has no gateway; run `npm run build` first.');

  const document = await fetchDocument();
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`wrote ${relative(root, output)}\n`);

  const failed = RULESETS.filter((ruleset) => !lint(ruleset));
  if (failed.length > 0) fail(`errors under ${failed.map((r) => r.name).join(' and ')}.`);
  process.stdout.write('\nlint-openapi: no errors under ADR 2.1 and 2.2.\n');
}

main().catch((error) => fail(error && error.stack ? error.stack : String(error)));
