import { ormOptions, type ServiceOrm } from '@samen/platform';
import { Steunbetuiging } from './agendering/steunbetuiging.entity';
import { Actie, ActieVoortgangMelding } from './actie/actie.entity';
import { Besluit } from './besluit/besluit.entity';
import { Evaluatie, EvaluatieSamenvatting } from './evaluatie/evaluatie.entity';
import { MIGRATIONS } from './migrations';
import { Oplossing, OplossingVersie, Positie } from './oplossing/oplossing.entity';
import { Reactie } from './reactie/reactie.entity';
import { Ronde } from './ronde/ronde.entity';
import { Stemming } from './stemming/stemming.entity';
import { Deelnemer } from './tafel/deelnemer.entity';
import { TijdlijnEntry } from './tijdlijn/tijdlijn.entity';
import { Vraagstuk } from './vraagstuk/vraagstuk.entity';

/** The tables of samenspreker; the platform adds its outbox and inbox. */
export const samensprekerOrm: ServiceOrm = {
  entities: [
    Deelnemer,
    Steunbetuiging,
    TijdlijnEntry,
    Vraagstuk,
    Ronde,
    Oplossing,
    OplossingVersie,
    Positie,
    Reactie,
    Besluit,
    Actie,
    ActieVoortgangMelding,
    Evaluatie,
    EvaluatieSamenvatting,
    Stemming,
  ],
  migrations: MIGRATIONS,
};

/** For the MikroORM CLI: `npx mikro-orm migration:create --config services/samenspreker/src/mikro-orm.config.ts`. */
export default ormOptions('samenspreker', samensprekerOrm, process.env.DATABASE_URL ?? 'postgres://samen_samenspreker@127.0.0.1:5432/samen');
