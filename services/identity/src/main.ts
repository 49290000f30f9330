import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadEnvOrExit, runService } from '@samen/platform';
import { IdentityEnv } from './config/identity-env';
import { IdentityModule } from './identity.module';
import { identityOrm } from './mikro-orm.config';
import { rotateSigningKey } from './sleutels/rotate-signing-key';

if (process.argv[2] === 'rotate-signing-key') {
  // One line of outcome on stdout is the command's answer; the key store's own logs only when something is wrong.
  Logger.overrideLogger(['error', 'warn']);
  rotateSigningKey(loadEnvOrExit(IdentityEnv, 'identity')).then(
    (kid) => process.stdout.write(`identity: new signing key ${kid}; the previous one stays published until its tokens have expired\n`),
    (error: unknown) => {
      process.stderr.write(`samen identity: could not rotate the signing key: ${(error as Error)?.stack ?? error}\n`);
      process.exit(1);
    },
  );
} else {
  runService({ bouwsteen: 'identity', module: IdentityModule, orm: identityOrm, env: IdentityEnv });
}
