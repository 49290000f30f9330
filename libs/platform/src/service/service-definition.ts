import type { Type } from '@nestjs/common';
import type { Bouwsteen } from '@samen/contracts';
import type { ServiceEnv } from '../config/env';
import type { ServiceOrm } from '../database/orm-options';

/** What a bouwsteen tells the platform about itself; the rest is the same for all five. */
export interface ServiceDefinition {
  bouwsteen: Bouwsteen;
  /** The bouwsteen's own module: its aggregates' handlers and services. */
  module: Type<unknown>;
  orm: ServiceOrm;
  /**
   * The bouwsteen's own settings class, when it has settings beyond ServiceEnv (extends it).
   * The checked instance is injectable by this class and as ServiceEnv.
   */
  env?: new () => ServiceEnv;
}
