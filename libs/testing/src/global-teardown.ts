import { globalTeardown } from './global-setup';

/** Stops the private nats-server of the run (the database stays, for a look after a failure). */
export default globalTeardown;
