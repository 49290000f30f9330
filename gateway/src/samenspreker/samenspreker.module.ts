import { Module } from '@nestjs/common';
import { TafelController } from './tafel.controller';
import { SteunbetuigingenController } from './steunbetuigingen.controller';
import { TijdlijnController } from './tijdlijn.controller';
import { VraagstukkenController } from './vraagstukken.controller';

/** HTTP routes of the samenspreker bouwsteen. */
@Module({
  controllers: [VraagstukkenController, TijdlijnController, SteunbetuigingenController, TafelController],
})
export class SamensprekerModule {}
