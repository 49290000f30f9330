#!/usr/bin/env node
// Compiles every app and library to dist/ with SWC (type checking is `npm run typecheck`).
// One SWC pass over the whole repository takes about a second; path aliases (@samen/*) are
// rewritten to relative paths by .swcrc, so the output runs with plain `node`.
const { execFileSync } = require('node:child_process');
const { existsSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const sources = ['libs', 'services', 'gateway'].filter((dir) => existsSync(join(root, dir)));
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(
  process.execPath,
  [require.resolve('@swc/cli/bin/swc.js'), ...sources, '-d', 'dist', '--copy-files', '--ignore', '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts,**/*.fixture.ts', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
