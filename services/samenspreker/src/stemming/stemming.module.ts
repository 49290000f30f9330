import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { GemeenteInstellingenModule } from '../gedeeld/gemeente-instellingen.module';
import { TafelModule } from '../tafel/tafel.module';
import { TijdlijnModule } from '../tijdlijn/tijdlijn.module';
import { Klok } from './klok';
import { Stembus } from './stembus';
import { Stemming } from './stemming.entity';
import { StemmingHandlers } from './stemming.handlers';
import { StemmingService } from './stemming.service';

/** Stemmingen: published rules, one vote per person across web and paper, secret ballots, a recountable result. */
@Module({
  imports: [GemeenteInstellingenModule, MikroOrmModule.forFeature([Stemming]), TafelModule, TijdlijnModule],
  controllers: [StemmingHandlers],
  providers: [StemmingService, Stembus, Klok],
})
export class StemmingModule {}
