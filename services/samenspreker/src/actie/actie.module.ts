import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TafelModule } from '../tafel/tafel.module';
import { TijdlijnModule } from '../tijdlijn/tijdlijn.module';
import { Actie, ActieVoortgangMelding } from './actie.entity';
import { ActieHandlers } from './actie.handlers';
import { ActieService } from './actie.service';

/** Acties of the uitvoering, their progress and their closing. */
@Module({
  imports: [MikroOrmModule.forFeature([Actie, ActieVoortgangMelding]), TafelModule, TijdlijnModule],
  controllers: [ActieHandlers],
  providers: [ActieService],
})
export class ActieModule {}
