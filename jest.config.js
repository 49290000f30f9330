// Jest for the whole repository: three projects, one per kind of test (nestjs-notes §2.6).
//
//   unit         *.spec.ts beside the code; no database, no NATS; runs in parallel.
//   integration  *.int-spec.ts; real PostgreSQL and NATS; run serially (--runInBand).
//   suite        test/**/*.e2e-spec.ts; drives the built processes (needs dist/).
//
// integration and suite share one global setup: a private nats-server, a freshly migrated
// database `samen_test` (libs/testing/src/global-setup.ts).
const { join } = require('node:path');

// Dates in assertions and logs must not depend on the machine's zone. Set here, before Jest
// starts its workers, so every worker inherits it.
process.env.TZ = 'UTC';

const root = __dirname;

const aliases = {
  '@samen/contracts': ['libs/contracts/src'],
  '@samen/contracts/*': ['libs/contracts/src/*'],
  '@samen/platform': ['libs/platform/src'],
  '@samen/platform/*': ['libs/platform/src/*'],
  '@samen/testing': ['libs/testing/src'],
  '@samen/testing/*': ['libs/testing/src/*'],
};

/**
 * The same SWC settings as the build (.swcrc), given in full so that nothing depends on where
 * Jest was started from. The path aliases are also rewritten by SWC itself: the global setup is
 * loaded by Jest without its module resolver, so `moduleNameMapper` alone would not reach it.
 */
const swc = {
  swcrc: false,
  sourceMaps: 'inline',
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
    baseUrl: root,
    paths: aliases,
  },
};

const common = {
  rootDir: root,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Decorator metadata (Nest, class-validator, MikroORM) needs the polyfill before any class
  // loads; the services' main.ts import it for the same reason.
  setupFiles: ['reflect-metadata'],
  moduleNameMapper: {
    '^@samen/(contracts|platform|testing)$': '<rootDir>/libs/$1/src',
    '^@samen/(contracts|platform|testing)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
};

const withDependencies = {
  setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest-setup.ts'],
  globalSetup: join(root, 'libs/testing/src/global-setup.ts'),
  globalTeardown: join(root, 'libs/testing/src/global-teardown.ts'),
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,services,gateway}/**/*.spec.ts'],
    },
    {
      ...common,
      ...withDependencies,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,gateway}/**/*.int-spec.ts'],
    },
    {
      ...common,
      ...withDependencies,
      displayName: 'suite',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
