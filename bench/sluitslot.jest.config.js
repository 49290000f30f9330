// `npx jest -c bench/sluitslot.jest.config.js`: the lock measurement of closing a large stemming
// (bench/sluitslot.meting.ts). Not a test and not in `npm test`: it seeds ~200k votes and takes a
// minute. It reuses the integration project (private NATS, freshly migrated database of
// TEST_DATABASE_ADMIN_URL) with only the measurement as its test file.
const { join } = require('node:path');
const { projects } = require('../jest.config');

const integration = projects.find((project) => project.displayName === 'integration');
module.exports = { ...integration, rootDir: join(__dirname, '..'), displayName: 'meting', testMatch: ['<rootDir>/bench/*.meting.ts'], testTimeout: 600_000 };
