import { Module } from '@nestjs/common';
import { StemmingenController, VraagstukStemmingenController } from './stemmingen.controller';
import { TijdlijnController } from './tijdlijn.controller';
import { VraagstukkenController } from './vraagstukken.controller';

/** HTTP routes of the samenspreker bouwsteen. */
@Module({
  controllers: [VraagstukkenController, TijdlijnController, VraagstukStemmingenController, StemmingenController],
})
export class SamensprekerModule {}
