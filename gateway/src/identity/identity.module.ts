import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '../auth/admin-token.guard';
import { GemeentenController } from './gemeenten.controller';
import { MijController } from './mij.controller';
import { SleutelsController } from './sleutels.controller';

/** HTTP routes of the identity bouwsteen. */
@Module({
  controllers: [SleutelsController, MijController, GemeentenController],
  providers: [AdminTokenGuard],
})
export class IdentityModule {}
