import type { MigrationObject } from '@mikro-orm/core';

/** beleidsagenda's own migrations, oldest first (the platform's outbox and inbox come before them). */
export const MIGRATIONS: MigrationObject[] = [];
