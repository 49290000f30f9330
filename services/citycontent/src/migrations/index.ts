import type { MigrationObject } from '@mikro-orm/core';

/** citycontent's own migrations, oldest first (the platform's outbox and inbox come before them). */
export const MIGRATIONS: MigrationObject[] = [];
