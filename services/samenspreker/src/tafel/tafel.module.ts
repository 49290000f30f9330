import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Deelnemer } from './deelnemer.entity';
import { Tafel } from './tafel.service';

/** The Samenspraaktafel: deelnemers and their table roles; exports `Tafel` for the other aggregates. */
@Module({
  imports: [MikroOrmModule.forFeature([Deelnemer])],
  providers: [Tafel],
  exports: [Tafel],
})
export class TafelModule {}
