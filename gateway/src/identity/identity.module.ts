import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '../auth/admin-token.guard';
import { AccountsController } from './accounts.controller';
import { GemeentenController } from './gemeenten.controller';
import { MijController } from './mij.controller';
import { SessiesController } from './sessies.controller';
import { SleutelsController } from './sleutels.controller';
import { TweedeFactorController } from './tweede-factor.controller';

/** HTTP routes of the identity bouwsteen. */
@Module({
  controllers: [SleutelsController, MijController, GemeentenController, AccountsController, SessiesController, TweedeFactorController],
  providers: [AdminTokenGuard],
})
export class IdentityModule {}
