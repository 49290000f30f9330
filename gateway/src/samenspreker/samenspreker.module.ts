import { Module } from '@nestjs/common';
import { TijdlijnController } from './tijdlijn.controller';

/** HTTP routes of the samenspreker bouwsteen. */
@Module({
  controllers: [TijdlijnController],
})
export class SamensprekerModule {}
