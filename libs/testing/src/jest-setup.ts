import { Logger } from '@nestjs/common';

/**
 * Setup file of the integration and suite projects. Platform parts used outside a Nest app in
 * tests (relay, consumer) log through Nest's static Logger, which would print to the console; an
 * app started by the harness logs through pino at LOG_LEVEL. Both stay quiet unless
 * TEST_LOG_LEVEL asks for logs, and a failure then shows only what the test reports.
 */
if (!process.env.TEST_LOG_LEVEL || process.env.TEST_LOG_LEVEL === 'silent') {
  Logger.overrideLogger(false);
}
