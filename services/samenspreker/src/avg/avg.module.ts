import { Module } from '@nestjs/common';
import { PERSOONSGEGEVENS_PROVIDER } from '@samen/platform';
import { TijdlijnModule } from '../tijdlijn/tijdlijn.module';
import { SamensprekerPersoonsgegevens } from './samenspreker-persoonsgegevens';

/**
 * AVG in samenspreker: the platform answers `samenspreker.v1.persoonsgegevens.export` and follows
 * `account-verwijderd` (durable `samenspreker__account-verwijderd`); this module gives both their content.
 */
@Module({
  imports: [TijdlijnModule],
  providers: [SamensprekerPersoonsgegevens, { provide: PERSOONSGEGEVENS_PROVIDER, useExisting: SamensprekerPersoonsgegevens }],
})
export class AvgModule {}
