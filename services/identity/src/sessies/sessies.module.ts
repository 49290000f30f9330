import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { AccountsModule } from '../accounts/accounts.module';
import { Organisatie } from '../organisaties/organisatie.entity';
import { OrganisatieModule } from '../organisaties/organisatie.module';
import { SleutelsModule } from '../sleutels/sleutels.module';
import { VerificatieModule } from '../verificatie/verificatie.module';
import { RefreshTokensModule } from './refresh-tokens.module';
import { SessiesHandlers } from './sessies.handlers';
import { SessiesService } from './sessies.service';

/** Login, refresh and logout. */
@Module({
  imports: [MikroOrmModule.forFeature([Organisatie]), AccountsModule, OrganisatieModule, RefreshTokensModule, SleutelsModule, VerificatieModule],
  controllers: [SessiesHandlers],
  providers: [SessiesService],
})
export class SessiesModule {}
