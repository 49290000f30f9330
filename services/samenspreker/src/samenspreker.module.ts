import { Module } from '@nestjs/common';
import { ActieModule } from './actie/actie.module';
import { AgenderingModule } from './agendering/agendering.module';
import { AvgModule } from './avg/avg.module';
import { BesluitModule } from './besluit/besluit.module';
import { EvaluatieModule } from './evaluatie/evaluatie.module';
import { OplossingModule } from './oplossing/oplossing.module';
import { ReactieModule } from './reactie/reactie.module';
import { RondeModule } from './ronde/ronde.module';
import { StemmingModule } from './stemming/stemming.module';
import { TafelModule } from './tafel/tafel.module';
import { TijdlijnModule } from './tijdlijn/tijdlijn.module';
import { VraagstukModule } from './vraagstuk/vraagstuk.module';

/** The samenspreker bouwsteen. Its aggregates arrive with their issues; the platform gives it health, outbox and inbox. */
@Module({
  imports: [
    AgenderingModule,
    TafelModule,
    TijdlijnModule,
    VraagstukModule,
    RondeModule,
    OplossingModule,
    ReactieModule,
    BesluitModule,
    ActieModule,
    EvaluatieModule,
    StemmingModule,
    AvgModule,
  ],
})
export class SamensprekerModule {}
