import { ormOptions, type ServiceOrm } from '@samen/platform';
import { MIGRATIONS } from './migrations';

/** The tables of monitoring; the platform adds its outbox and inbox. */
export const monitoringOrm: ServiceOrm = {
  entities: [],
  migrations: MIGRATIONS,
};

/** For the MikroORM CLI: `npx mikro-orm migration:create --config services/monitoring/src/mikro-orm.config.ts`. */
export default ormOptions('monitoring', monitoringOrm, process.env.DATABASE_URL ?? 'postgres://samen_monitoring@127.0.0.1:5432/samen');
