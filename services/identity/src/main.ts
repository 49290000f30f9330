import 'reflect-metadata';
import { runService } from '@samen/platform';
import { IdentityModule } from './identity.module';
import { identityOrm } from './mikro-orm.config';

runService({ bouwsteen: 'identity', module: IdentityModule, orm: identityOrm });
