import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ServiceEnv, loadEnvOrExit } from '../config/env';
import { migrateBouwsteen } from '../database/migrate';
import { MikroORM } from '@mikro-orm/core';
import { ClsService } from 'nestjs-cls';
import { SamenNatsServer } from '../nats/nats-server';
import { natsServerOptions } from '../nats/options';
import type { ServiceDefinition } from './service-definition';
import { ServiceRootModule } from './service-root.module';

/**
 * Builds and starts one instance of a bouwsteen: a NATS microservice in the queue group of the
 * bouwsteen, plus a small internal HTTP port for /health/live and /health/ready.
 */
export async function startService(definition: ServiceDefinition, env: ServiceEnv): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ServiceRootModule.create(definition, env),
    new FastifyAdapter(),
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const nats = new SamenNatsServer(natsServerOptions(definition.bouwsteen, env.NATS_URL, env.SHUTDOWN_GRACE_MS));
  nats.openScopesWith(app.get(ClsService), app.get(MikroORM));
  app.connectMicroservice({ strategy: nats }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(env.HEALTH_PORT, '0.0.0.0');
  return app;
}

/**
 * The entry point of every bouwsteen's main.ts.
 *   node main.js           start an instance
 *   node main.js migrate   run pending migrations once, then exit
 */
export function runService(definition: ServiceDefinition, argv: string[] = process.argv.slice(2)): void {
  const command = argv[0] ?? 'start';
  // Migrating needs only the database: a bouwsteen's own settings (secrets) stay with its instances.
  const env = loadEnvOrExit(command === 'migrate' ? ServiceEnv : (definition.env ?? ServiceEnv), definition.bouwsteen);
  const run = async () => {
    if (command === 'migrate') {
      const applied = await migrateBouwsteen(definition.bouwsteen, definition.orm, env.DATABASE_URL);
      process.stdout.write(`${definition.bouwsteen}: ${applied.length ? `migrated ${applied.join(', ')}` : 'schema up to date'}\n`);
      return;
    }
    if (command !== 'start') throw new Error(`unknown command '${command}' (use: start | migrate)`);
    const app = await startService(definition, env);
    app.get(Logger).log(`${definition.bouwsteen} listening on NATS (queue ${definition.bouwsteen}); health on port ${new URL(await app.getUrl()).port}`);
  };
  run().catch((error: unknown) => {
    process.stderr.write(`samen ${definition.bouwsteen}: could not ${command}: ${(error as Error)?.stack ?? error}\n`);
    process.exit(1);
  });
}

