import { ormOptions, type ServiceOrm } from '@samen/platform';
import { MIGRATIONS } from './migrations';
import { Account } from './accounts/account.entity';
import { AccountToken } from './accounts/account-token.entity';
import { Verwerking } from './avg/verwerking.entity';
import { Gemeente } from './gemeente/gemeente.entity';
import { Lidmaatschap, Organisatie } from './organisaties/organisatie.entity';
import { RefreshToken } from './sessies/refresh-token.entity';
import { SigningKey } from './sleutels/signing-key.entity';
import { Verificatie, VerificatiecodeBatch, Verificatiecode, VerificatiePoging } from './verificatie/verificatie.entity';

/** The tables of identity; the platform adds its outbox and inbox. */
export const identityOrm: ServiceOrm = {
  entities: [Gemeente, Organisatie, Lidmaatschap, VerificatiecodeBatch, Verificatiecode, Verificatie, VerificatiePoging, SigningKey, Account, AccountToken, RefreshToken, Verwerking],
  migrations: MIGRATIONS,
};

/** For the MikroORM CLI: `npx mikro-orm migration:create --config services/identity/src/mikro-orm.config.ts`. */
export default ormOptions('identity', identityOrm, process.env.DATABASE_URL ?? 'postgres://samen_identity@127.0.0.1:5432/samen');
