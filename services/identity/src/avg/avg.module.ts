import { Module } from '@nestjs/common';
import { PERSOONSGEGEVENS_PROVIDER } from '@samen/platform';
import { AvgHandlers } from './avg.handlers';
import { IdentityPersoonsgegevens } from './identity-persoonsgegevens';
import { VerwerkingslogModule } from './verwerkingslog.module';
import { VerwijderingService } from './verwijdering.service';

/** AVG in identity: my account data, export (as the platform's PersoonsgegevensProvider), erasure, processing log. */
@Module({
  imports: [VerwerkingslogModule],
  controllers: [AvgHandlers],
  providers: [VerwijderingService, IdentityPersoonsgegevens, { provide: PERSOONSGEGEVENS_PROVIDER, useExisting: IdentityPersoonsgegevens }],
})
export class AvgModule {}
