import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TijdlijnEntry } from './tijdlijn.entity';
import { Tijdlijn } from './tijdlijn.service';

/** The public timeline; exports `Tijdlijn` so every aggregate appends its changes inside its own transaction. */
@Module({
  imports: [MikroOrmModule.forFeature([TijdlijnEntry])],
  providers: [Tijdlijn],
  exports: [Tijdlijn],
})
export class TijdlijnModule {}
