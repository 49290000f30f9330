/**
 * @samen/testing: the harness for integration and suite tests. The global setup (jest.config.js)
 * provides a private nats-server and a migrated database `samen_test`; these helpers reach them.
 */
export { testEnv, serviceEnv, serviceDatabaseUrlFor, rolePassword, type TestEnv, type EnvOverrides } from './env';
export { definitionOf, startTestService, ORMS } from './services';
export { pgClient, withClient, truncate, testOrm, outboxDrained } from './database';
export {
  natsConnect,
  request,
  dataOf,
  errorOf,
  spawnNatsServer,
  findNatsServer,
  freePort,
  streamEvents,
  streamLastSeq,
  type NatsServerHandle,
  type StreamEvent,
} from './nats';
export { pollUntil, expectEventually, sleep, type PollOptions } from './poll';
export { testTokenSigner, type TestTokenSigner, type TestClaims, type SignOptions } from './tokens';
export { startIdentityMetGemeenten, GEMEENTE_A, GEMEENTE_B, type IdentityFixture } from './identity-fixture';
