import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TijdlijnEntry } from './tijdlijn.entity';
import { TijdlijnHandlers } from './tijdlijn.handlers';
import { Tijdlijn } from './tijdlijn.service';
import { Vastlegging } from './vastlegging';

/**
 * The public timeline. Exports `Vastlegging`, through which every aggregate records each step
 * (timeline entry + event) inside its own transaction, and `Tijdlijn` for reading and verifying.
 */
@Module({
  imports: [MikroOrmModule.forFeature([TijdlijnEntry])],
  controllers: [TijdlijnHandlers],
  providers: [Tijdlijn, Vastlegging],
  exports: [Tijdlijn, Vastlegging],
})
export class TijdlijnModule {}
