import { Module } from '@nestjs/common';

/** The beleidsagenda bouwsteen. Its aggregates arrive with their issues; the platform gives it health, outbox and inbox. */
@Module({})
export class BeleidsagendaModule {}
