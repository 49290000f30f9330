import { Module } from '@nestjs/common';
import { TijdlijnModule } from './tijdlijn/tijdlijn.module';

/** The samenspreker bouwsteen. Its aggregates arrive with their issues; the platform gives it health, outbox and inbox. */
@Module({ imports: [TijdlijnModule] })
export class SamensprekerModule {}
