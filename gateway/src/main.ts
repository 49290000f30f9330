import 'reflect-metadata';
import { loadEnvOrExit } from '@samen/platform';
import { GatewayEnv } from './config/gateway-env';
import { createGateway } from './create-gateway';

async function main(): Promise<void> {
  // Checked before Nest starts, so a bad setting is one clear message and exit code 1.
  const env = loadEnvOrExit(GatewayEnv, 'gateway');
  const app = await createGateway(env);
  await app.listen(env.PORT, env.HOST);
}

main().catch((error: unknown) => {
  process.stderr.write(`samen gateway: could not start: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
