import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Account } from '../accounts/account.entity';
import { Lidmaatschap, Organisatie } from './organisatie.entity';
import { OrganisatieHandlers } from './organisatie.handlers';
import { OrganisatieService } from './organisatie.service';

/** Organisations as actors and their memberships; exports the mandate check for tokens and accounts. */
@Module({
  imports: [MikroOrmModule.forFeature([Organisatie, Lidmaatschap, Account])],
  controllers: [OrganisatieHandlers],
  providers: [OrganisatieService],
  exports: [OrganisatieService],
})
export class OrganisatieModule {}
