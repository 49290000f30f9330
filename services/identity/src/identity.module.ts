import { Module } from '@nestjs/common';
import { GemeenteModule } from './gemeente/gemeente.module';
import { SleutelsModule } from './sleutels/sleutels.module';

/** The identity bouwsteen: gemeenten (tenants) now; accounts, organisations and tokens follow. */
@Module({ imports: [GemeenteModule, SleutelsModule] })
export class IdentityModule {}
