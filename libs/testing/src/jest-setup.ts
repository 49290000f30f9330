import { Logger } from '@nestjs/common';

/**
 * setupFilesAfterEnv of the integration and suite projects (jest.config.js).
 *
 * Time: starting Nest apps, brokers and child processes takes longer than Jest's 5 s default.
 * (A `testTimeout` inside a project's config is not applied by Jest 30, hence here.)
 *
 * Logs: platform parts used outside a Nest app in tests (relay, consumer) log through Nest's
 * static Logger, which would print to the console; an app started by the harness logs through
 * pino at LOG_LEVEL. Both stay quiet unless TEST_LOG_LEVEL asks for logs.
 */
jest.setTimeout(Number(process.env.SAMEN_TEST_TIMEOUT_MS) || 30_000);

if (!process.env.TEST_LOG_LEVEL || process.env.TEST_LOG_LEVEL === 'silent') {
  Logger.overrideLogger(false);
}
