import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Account } from '../accounts/account.entity';
import { VerwerkingslogModule } from '../avg/verwerkingslog.module';
import { RoltoekenningHandlers } from './roltoekenning.handlers';
import { RoltoekenningService } from './roltoekenning.service';

/** Roles per gemeente: granted and revoked by its beheer (the account table belongs to accounts/). */
@Module({
  imports: [MikroOrmModule.forFeature([Account]), VerwerkingslogModule],
  controllers: [RoltoekenningHandlers],
  providers: [RoltoekenningService],
})
export class RoltoekenningModule {}
