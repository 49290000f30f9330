import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '../auth/admin-token.guard';
import { AccountsController } from './accounts.controller';
import { MijAvgController, VerwerkingenController } from './avg.controller';
import { GemeenteInstellingenController } from './gemeente-instellingen.controller';
import { OrganisatiesController } from './organisaties.controller';
import { RollenController } from './rollen.controller';
import { VerificatiesController } from './verificaties.controller';
import { GemeentenController } from './gemeenten.controller';
import { MijController } from './mij.controller';
import { SessiesController } from './sessies.controller';
import { SleutelsController } from './sleutels.controller';
import { TweedeFactorController } from './tweede-factor.controller';

/** HTTP routes of the identity bouwsteen. */
@Module({
  controllers: [SleutelsController, MijController, GemeentenController, GemeenteInstellingenController, OrganisatiesController, VerificatiesController, RollenController, AccountsController, SessiesController, TweedeFactorController, MijAvgController, VerwerkingenController],
  providers: [AdminTokenGuard],
})
export class IdentityModule {}
