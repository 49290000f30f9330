import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '../auth/admin-token.guard';
import { GemeentenController } from './gemeenten.controller';

/** HTTP routes of the identity bouwsteen. */
@Module({
  controllers: [GemeentenController],
  providers: [AdminTokenGuard],
})
export class IdentityModule {}
