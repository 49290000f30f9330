import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { SleutelsModule } from '../sleutels/sleutels.module';
import { VerificatieModule } from '../verificatie/verificatie.module';
import { RefreshTokensModule } from './refresh-tokens.module';
import { SessiesHandlers } from './sessies.handlers';
import { SessiesService } from './sessies.service';

/** Login, refresh and logout. */
@Module({
  imports: [AccountsModule, RefreshTokensModule, SleutelsModule, VerificatieModule],
  controllers: [SessiesHandlers],
  providers: [SessiesService],
})
export class SessiesModule {}
