import { Module } from '@nestjs/common';
import { GemeenteModule } from './gemeente/gemeente.module';

/** The identity bouwsteen: gemeenten (tenants) now; accounts, organisations and tokens follow. */
@Module({ imports: [GemeenteModule] })
export class IdentityModule {}
