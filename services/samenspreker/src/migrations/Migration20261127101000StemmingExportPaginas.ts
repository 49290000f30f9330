import { Migration } from '@mikro-orm/migrations';

/**
 * The export of a stemming is read in pages, keyset on the random keys of the ballot box and the
 * receipts within one stemming (docs/stemmingen-export.md). The indexes on the stemming alone become
 * indexes on (stemming, key), so each page is one range of one index; they serve everything the old
 * ones did (counting, grouping and deleting a stemming's rows).
 */
export class Migration20261127101000StemmingExportPaginas extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "stembiljet_stemming_id_index" on "samenspreker"."stembiljet" ("stemming_id", "id");`);
    this.addSql(`drop index "samenspreker"."stembiljet_stemming_index";`);
    this.addSql(`create index "bonnetje_stemming_code_index" on "samenspreker"."bonnetje" ("stemming_id", "code");`);
    this.addSql(`drop index "samenspreker"."bonnetje_stemming_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index "stembiljet_stemming_index" on "samenspreker"."stembiljet" ("stemming_id");`);
    this.addSql(`drop index "samenspreker"."stembiljet_stemming_id_index";`);
    this.addSql(`create index "bonnetje_stemming_index" on "samenspreker"."bonnetje" ("stemming_id");`);
    this.addSql(`drop index "samenspreker"."bonnetje_stemming_code_index";`);
  }
}
