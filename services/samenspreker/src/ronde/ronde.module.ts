import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { OplossingModule } from '../oplossing/oplossing.module';
import { TafelModule } from '../tafel/tafel.module';
import { TijdlijnModule } from '../tijdlijn/tijdlijn.module';
import { Ronde } from './ronde.entity';
import { RondeHandlers } from './ronde.handlers';
import { RondeService } from './ronde.service';

/** The numbered rounds of the phase oplossingen and their shortlists. */
@Module({
  imports: [MikroOrmModule.forFeature([Ronde]), OplossingModule, TafelModule, TijdlijnModule],
  controllers: [RondeHandlers],
  providers: [RondeService],
})
export class RondeModule {}
