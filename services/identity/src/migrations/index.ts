import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127000100Gemeente } from './Migration20261127000100Gemeente';
import { Migration20261127001000SigningKey } from './Migration20261127001000SigningKey';
import { Migration20261127002100Accounts } from './Migration20261127002100Accounts';
import { Migration20261127002200SessieNamens } from './Migration20261127002200SessieNamens';
import { Migration20261127003100GemeenteInstellingen } from './Migration20261127003100GemeenteInstellingen';
import { Migration20261127003200Organisaties } from './Migration20261127003200Organisaties';
import { Migration20261127003300Verificatie } from './Migration20261127003300Verificatie';
import { Migration20261127004100Avg } from './Migration20261127004100Avg';

/** identity's own migrations, oldest first (the platform's outbox and inbox come before them). */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261127000100Gemeente', class: Migration20261127000100Gemeente },
  { name: 'Migration20261127001000SigningKey', class: Migration20261127001000SigningKey },
  { name: 'Migration20261127002100Accounts', class: Migration20261127002100Accounts },
  { name: 'Migration20261127002200SessieNamens', class: Migration20261127002200SessieNamens },
  { name: 'Migration20261127003100GemeenteInstellingen', class: Migration20261127003100GemeenteInstellingen },
  { name: 'Migration20261127003200Organisaties', class: Migration20261127003200Organisaties },
  { name: 'Migration20261127003300Verificatie', class: Migration20261127003300Verificatie },
  { name: 'Migration20261127004100Avg', class: Migration20261127004100Avg },
];
