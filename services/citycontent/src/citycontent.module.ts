import { Module } from '@nestjs/common';

/** The citycontent bouwsteen. Its aggregates arrive with their issues; the platform gives it health, outbox and inbox. */
@Module({})
export class CitycontentModule {}
