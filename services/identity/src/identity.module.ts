import { Module } from '@nestjs/common';
import { AccountsModule } from './accounts/accounts.module';
import { AvgModule } from './avg/avg.module';
import { GemeenteModule } from './gemeente/gemeente.module';
import { OrganisatieModule } from './organisaties/organisatie.module';
import { MijModule } from './mij/mij.module';
import { RoltoekenningModule } from './rollen/roltoekenning.module';
import { SessiesModule } from './sessies/sessies.module';
import { SleutelsModule } from './sleutels/sleutels.module';
import { VerificatieModule } from './verificatie/verificatie.module';

/** The identity bouwsteen: gemeenten (tenants) now; accounts, organisations and tokens follow. */
@Module({ imports: [GemeenteModule, OrganisatieModule, VerificatieModule, RoltoekenningModule, SleutelsModule, MijModule, AccountsModule, SessiesModule, AvgModule] })
export class IdentityModule {}
