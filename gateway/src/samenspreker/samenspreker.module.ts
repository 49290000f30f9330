import { Module } from '@nestjs/common';
import { ActiesController } from './acties.controller';
import { BesluitenController } from './besluiten.controller';
import { EvaluatieController } from './evaluatie.controller';
import { TijdlijnController } from './tijdlijn.controller';
import { VraagstukkenController } from './vraagstukken.controller';

/** HTTP routes of the samenspreker bouwsteen. */
@Module({
  controllers: [VraagstukkenController, TijdlijnController, BesluitenController, ActiesController, EvaluatieController],
})
export class SamensprekerModule {}
