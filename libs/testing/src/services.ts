import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Bouwsteen } from '@samen/contracts';
import { startService, type ServiceDefinition, type ServiceOrm } from '@samen/platform';
import { BeleidsagendaModule } from '../../../services/beleidsagenda/src/beleidsagenda.module';
import { beleidsagendaOrm } from '../../../services/beleidsagenda/src/mikro-orm.config';
import { CitycontentModule } from '../../../services/citycontent/src/citycontent.module';
import { citycontentOrm } from '../../../services/citycontent/src/mikro-orm.config';
import { IdentityEnv } from '../../../services/identity/src/config/identity-env';
import { IdentityModule } from '../../../services/identity/src/identity.module';
import { identityOrm } from '../../../services/identity/src/mikro-orm.config';
import { MonitoringModule } from '../../../services/monitoring/src/monitoring.module';
import { monitoringOrm } from '../../../services/monitoring/src/mikro-orm.config';
import { SamensprekerEnv } from '../../../services/samenspreker/src/config/samenspreker-env';
import { SamensprekerModule } from '../../../services/samenspreker/src/samenspreker.module';
import { samensprekerOrm } from '../../../services/samenspreker/src/mikro-orm.config';
import { serviceEnv, type EnvOverrides } from './env';

// The services' main.ts files start a process when imported, so the harness imports what they
// pass to runService instead. A new bouwsteen module or ORM must be added here too.

/** Entities and migrations of each bouwsteen, exactly as its main.ts hands them to the platform. */
export const ORMS: Record<Bouwsteen, ServiceOrm> = {
  identity: identityOrm,
  citycontent: citycontentOrm,
  samenspreker: samensprekerOrm,
  beleidsagenda: beleidsagendaOrm,
  monitoring: monitoringOrm,
};

const MODULES: Record<Bouwsteen, ServiceDefinition['module']> = {
  identity: IdentityModule,
  citycontent: CitycontentModule,
  samenspreker: SamensprekerModule,
  beleidsagenda: BeleidsagendaModule,
  monitoring: MonitoringModule,
};

/** Own settings classes, for the bouwstenen that have one. */
const ENVS: Partial<Record<Bouwsteen, ServiceDefinition['env']>> = {
  identity: IdentityEnv,
  samenspreker: SamensprekerEnv,
};

/** The definition a bouwsteen's main.ts runs. */
export function definitionOf(bouwsteen: Bouwsteen): ServiceDefinition {
  const env = ENVS[bouwsteen];
  return { bouwsteen, module: MODULES[bouwsteen], orm: ORMS[bouwsteen], ...(env ? { env } : {}) };
}

/**
 * Starts one instance in this process, the way production does (platform `startService`: NATS
 * queue group, health port, relay), against the test database and broker. Close it with
 * `app.close()` in the test's afterAll/afterEach.
 */
export function startTestService(definition: ServiceDefinition, overrides: EnvOverrides = {}): Promise<NestFastifyApplication> {
  return startService(definition, serviceEnv(definition.bouwsteen, overrides, definition.env));
}
