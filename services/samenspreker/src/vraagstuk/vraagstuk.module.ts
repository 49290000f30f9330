import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { GemeenteInstellingenModule } from '../gedeeld/gemeente-instellingen.module';
import { TafelModule } from '../tafel/tafel.module';
import { TijdlijnModule } from '../tijdlijn/tijdlijn.module';
import { Vraagstuk } from './vraagstuk.entity';
import { VraagstukHandlers } from './vraagstuk.handlers';
import { VraagstukService } from './vraagstuk.service';

/** Vraagstukken and their phases; every change is appended to the timeline in the same transaction. */
@Module({
  imports: [GemeenteInstellingenModule, MikroOrmModule.forFeature([Vraagstuk]), TafelModule, TijdlijnModule],
  controllers: [VraagstukHandlers],
  providers: [VraagstukService],
  exports: [VraagstukService],
})
export class VraagstukModule {}
