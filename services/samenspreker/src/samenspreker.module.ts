import { Module } from '@nestjs/common';
import { StemmingModule } from './stemming/stemming.module';
import { TafelModule } from './tafel/tafel.module';
import { TijdlijnModule } from './tijdlijn/tijdlijn.module';
import { VraagstukModule } from './vraagstuk/vraagstuk.module';

/** The samenspreker bouwsteen. Its aggregates arrive with their issues; the platform gives it health, outbox and inbox. */
@Module({ imports: [StemmingModule, TafelModule, TijdlijnModule, VraagstukModule] })
export class SamensprekerModule {}
