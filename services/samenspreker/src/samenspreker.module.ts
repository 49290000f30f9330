import { Module } from '@nestjs/common';
import { OplossingModule } from './oplossing/oplossing.module';
import { ReactieModule } from './reactie/reactie.module';
import { RondeModule } from './ronde/ronde.module';
import { TafelModule } from './tafel/tafel.module';
import { TijdlijnModule } from './tijdlijn/tijdlijn.module';
import { VraagstukModule } from './vraagstuk/vraagstuk.module';

/** The samenspreker bouwsteen. Its aggregates arrive with their issues; the platform gives it health, outbox and inbox. */
@Module({ imports: [TafelModule, TijdlijnModule, VraagstukModule, RondeModule, OplossingModule, ReactieModule] })
export class SamensprekerModule {}
