import { ormOptions, type ServiceOrm } from '@samen/platform';
import { MIGRATIONS } from './migrations';

/** The tables of citycontent; the platform adds its outbox and inbox. */
export const citycontentOrm: ServiceOrm = {
  entities: [],
  migrations: MIGRATIONS,
};

/** For the MikroORM CLI: `npx mikro-orm migration:create --config services/citycontent/src/mikro-orm.config.ts`. */
export default ormOptions('citycontent', citycontentOrm, process.env.DATABASE_URL ?? 'postgres://samen_citycontent@127.0.0.1:5432/samen');
