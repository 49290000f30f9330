import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TijdlijnEntry } from './tijdlijn.entity';
import { TijdlijnHandlers } from './tijdlijn.handlers';
import { Tijdlijn } from './tijdlijn.service';
import { Pseudoniemen } from '../gedeeld/pseudoniem';
import { Vastlegging } from './vastlegging';

/**
 * The public timeline. Exports `Vastlegging`, through which every aggregate records each step
 * (timeline entry + event) inside its own transaction, `Tijdlijn` for reading and verifying, and
 * `Pseudoniemen` for every public view that names a person.
 */
@Module({
  imports: [MikroOrmModule.forFeature([TijdlijnEntry])],
  controllers: [TijdlijnHandlers],
  providers: [Tijdlijn, Vastlegging, Pseudoniemen],
  exports: [Tijdlijn, Vastlegging, Pseudoniemen],
})
export class TijdlijnModule {}
