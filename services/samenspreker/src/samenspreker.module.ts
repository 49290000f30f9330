import { Module } from '@nestjs/common';
import { ActieModule } from './actie/actie.module';
import { BesluitModule } from './besluit/besluit.module';
import { EvaluatieModule } from './evaluatie/evaluatie.module';
import { TafelModule } from './tafel/tafel.module';
import { TijdlijnModule } from './tijdlijn/tijdlijn.module';
import { VraagstukModule } from './vraagstuk/vraagstuk.module';

/** The samenspreker bouwsteen. Its aggregates arrive with their issues; the platform gives it health, outbox and inbox. */
@Module({ imports: [TafelModule, TijdlijnModule, VraagstukModule, BesluitModule, ActieModule, EvaluatieModule] })
export class SamensprekerModule {}
