import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TijdlijnEntry } from './tijdlijn.entity';
import { TijdlijnHandlers } from './tijdlijn.handlers';
import { Tijdlijn } from './tijdlijn.service';

/** The public timeline; exports `Tijdlijn` so every aggregate appends its changes inside its own transaction. */
@Module({
  imports: [MikroOrmModule.forFeature([TijdlijnEntry])],
  controllers: [TijdlijnHandlers],
  providers: [Tijdlijn],
  exports: [Tijdlijn],
})
export class TijdlijnModule {}
