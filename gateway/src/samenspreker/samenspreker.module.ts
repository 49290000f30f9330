import { Module } from '@nestjs/common';
import { TijdlijnController } from './tijdlijn.controller';
import { VraagstukkenController } from './vraagstukken.controller';

/** HTTP routes of the samenspreker bouwsteen. */
@Module({
  controllers: [VraagstukkenController, TijdlijnController],
})
export class SamensprekerModule {}
