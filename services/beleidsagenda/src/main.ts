import 'reflect-metadata';
import { runService } from '@samen/platform';
import { BeleidsagendaModule } from './beleidsagenda.module';
import { beleidsagendaOrm } from './mikro-orm.config';

runService({ bouwsteen: 'beleidsagenda', module: BeleidsagendaModule, orm: beleidsagendaOrm });
