import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127005100Vraagstuk } from './Migration20261127005100Vraagstuk';
import { Migration20261127006100Tijdlijn } from './Migration20261127006100Tijdlijn';
import { Migration20261127008000Tafel } from './Migration20261127008000Tafel';
import { Migration20261127095000Stemming } from './Migration20261127095000Stemming';

/** samenspreker's own migrations, oldest first (the platform's outbox and inbox come before them). */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261127005100Vraagstuk', class: Migration20261127005100Vraagstuk },
  { name: 'Migration20261127006100Tijdlijn', class: Migration20261127006100Tijdlijn },
  { name: 'Migration20261127008000Tafel', class: Migration20261127008000Tafel },
  { name: 'Migration20261127095000Stemming', class: Migration20261127095000Stemming },
];
