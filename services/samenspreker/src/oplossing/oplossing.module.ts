import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TafelModule } from '../tafel/tafel.module';
import { TijdlijnModule } from '../tijdlijn/tijdlijn.module';
import { Oplossing, OplossingVersie, Positie } from './oplossing.entity';
import { OplossingHandlers } from './oplossing.handlers';
import { OplossingService } from './oplossing.service';

/** Oplossingen, their immutable versions and the positions on them; exports the service for the round views. */
@Module({
  imports: [MikroOrmModule.forFeature([Oplossing, OplossingVersie, Positie]), TafelModule, TijdlijnModule],
  controllers: [OplossingHandlers],
  providers: [OplossingService],
  exports: [OplossingService],
})
export class OplossingModule {}
