import { ormOptions, type ServiceOrm } from '@samen/platform';
import { MIGRATIONS } from './migrations';
import { Stemming } from './stemming/stemming.entity';
import { Deelnemer } from './tafel/deelnemer.entity';
import { TijdlijnEntry } from './tijdlijn/tijdlijn.entity';
import { Vraagstuk } from './vraagstuk/vraagstuk.entity';

/** The tables of samenspreker; the platform adds its outbox and inbox. */
export const samensprekerOrm: ServiceOrm = {
  entities: [Deelnemer, Stemming, TijdlijnEntry, Vraagstuk],
  migrations: MIGRATIONS,
};

/** For the MikroORM CLI: `npx mikro-orm migration:create --config services/samenspreker/src/mikro-orm.config.ts`. */
export default ormOptions('samenspreker', samensprekerOrm, process.env.DATABASE_URL ?? 'postgres://samen_samenspreker@127.0.0.1:5432/samen');
