import { Module } from '@nestjs/common';
import { GemeenteInstellingenBron } from './gemeente-instellingen';

/** One cache of gemeente settings for the whole process (vraagstukken and stemmingen both read them). */
@Module({ providers: [GemeenteInstellingenBron], exports: [GemeenteInstellingenBron] })
export class GemeenteInstellingenModule {}
