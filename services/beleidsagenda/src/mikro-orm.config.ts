import { ormOptions, type ServiceOrm } from '@samen/platform';
import { MIGRATIONS } from './migrations';

/** The tables of beleidsagenda; the platform adds its outbox and inbox. */
export const beleidsagendaOrm: ServiceOrm = {
  entities: [],
  migrations: MIGRATIONS,
};

/** For the MikroORM CLI: `npx mikro-orm migration:create --config services/beleidsagenda/src/mikro-orm.config.ts`. */
export default ormOptions('beleidsagenda', beleidsagendaOrm, process.env.DATABASE_URL ?? 'postgres://samen_beleidsagenda@127.0.0.1:5432/samen');
