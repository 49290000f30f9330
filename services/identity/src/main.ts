import 'reflect-metadata';
import { runService } from '@samen/platform';
import { IdentityEnv } from './config/identity-env';
import { IdentityModule } from './identity.module';
import { identityOrm } from './mikro-orm.config';

runService({ bouwsteen: 'identity', module: IdentityModule, orm: identityOrm, env: IdentityEnv });
