import { Module } from '@nestjs/common';
import { TijdlijnModule } from './tijdlijn/tijdlijn.module';
import { VraagstukModule } from './vraagstuk/vraagstuk.module';

/** The samenspreker bouwsteen. Its aggregates arrive with their issues; the platform gives it health, outbox and inbox. */
@Module({ imports: [TijdlijnModule, VraagstukModule] })
export class SamensprekerModule {}
