import { Module } from '@nestjs/common';
import { TafelController } from './tafel.controller';
import { SteunbetuigingenController } from './steunbetuigingen.controller';
import { OplossingenController } from './oplossingen.controller';
import { ReactiesController } from './reacties.controller';
import { RondesController } from './rondes.controller';
import { ActiesController } from './acties.controller';
import { BesluitenController } from './besluiten.controller';
import { EvaluatieController } from './evaluatie.controller';
import { StemmingenController, VraagstukStemmingenController } from './stemmingen.controller';
import { TijdlijnController } from './tijdlijn.controller';
import { VraagstukkenController } from './vraagstukken.controller';

/** HTTP routes of the samenspreker bouwsteen. */
@Module({
  controllers: [
    VraagstukkenController,
    TijdlijnController,
    SteunbetuigingenController,
    TafelController,
    RondesController,
    OplossingenController,
    ReactiesController,
    BesluitenController,
    ActiesController,
    EvaluatieController,
    VraagstukStemmingenController,
    StemmingenController,
  ],
})
export class SamensprekerModule {}
