import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TijdlijnModule } from '../tijdlijn/tijdlijn.module';
import { Deelnemer } from './deelnemer.entity';
import { TafelHandlers } from './tafel.handlers';
import { Tafel, TafelService } from './tafel.service';

/**
 * The Samenspraaktafel: deelnemers, their table roles, invitations; exports `Tafel` for the other
 * aggregates. Every step is recorded through the timeline in the same transaction.
 */
@Module({
  imports: [MikroOrmModule.forFeature([Deelnemer]), TijdlijnModule],
  controllers: [TafelHandlers],
  providers: [Tafel, TafelService],
  exports: [Tafel],
})
export class TafelModule {}
