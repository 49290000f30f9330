import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127005100Vraagstuk } from './Migration20261127005100Vraagstuk';
import { Migration20261127006100Tijdlijn } from './Migration20261127006100Tijdlijn';
import { Migration20261127008000Tafel } from './Migration20261127008000Tafel';
import { Migration20261127090000Agendering } from './Migration20261127090000Agendering';
import { Migration20261127091000TafelDeelname } from './Migration20261127091000TafelDeelname';
import { Migration20261127092000Samenspraak } from './Migration20261127092000Samenspraak';
import { Migration20261127093000Besluit } from './Migration20261127093000Besluit';
import { Migration20261127093100Actie } from './Migration20261127093100Actie';
import { Migration20261127093200Evaluatie } from './Migration20261127093200Evaluatie';
import { Migration20261127095000Stemming } from './Migration20261127095000Stemming';
import { Migration20261127096000Avg } from './Migration20261127096000Avg';
import { Migration20261127097000StemmingAvg } from './Migration20261127097000StemmingAvg';
import { Migration20261127100000StemmingIntrekken } from './Migration20261127100000StemmingIntrekken';
import { Migration20261127101000StemmingExportPaginas } from './Migration20261127101000StemmingExportPaginas';
import { Migration20261127102000StemmingSchudden } from './Migration20261127102000StemmingSchudden';

/** samenspreker's own migrations, oldest first (the platform's outbox and inbox come before them). */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261127005100Vraagstuk', class: Migration20261127005100Vraagstuk },
  { name: 'Migration20261127006100Tijdlijn', class: Migration20261127006100Tijdlijn },
  { name: 'Migration20261127008000Tafel', class: Migration20261127008000Tafel },
  { name: 'Migration20261127090000Agendering', class: Migration20261127090000Agendering },
  { name: 'Migration20261127091000TafelDeelname', class: Migration20261127091000TafelDeelname },
  { name: 'Migration20261127092000Samenspraak', class: Migration20261127092000Samenspraak },
  { name: 'Migration20261127093000Besluit', class: Migration20261127093000Besluit },
  { name: 'Migration20261127093100Actie', class: Migration20261127093100Actie },
  { name: 'Migration20261127093200Evaluatie', class: Migration20261127093200Evaluatie },
  { name: 'Migration20261127095000Stemming', class: Migration20261127095000Stemming },
  { name: 'Migration20261127096000Avg', class: Migration20261127096000Avg },
  { name: 'Migration20261127097000StemmingAvg', class: Migration20261127097000StemmingAvg },
  { name: 'Migration20261127100000StemmingIntrekken', class: Migration20261127100000StemmingIntrekken },
  { name: 'Migration20261127101000StemmingExportPaginas', class: Migration20261127101000StemmingExportPaginas },
  { name: 'Migration20261127102000StemmingSchudden', class: Migration20261127102000StemmingSchudden },
];
