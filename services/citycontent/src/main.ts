import 'reflect-metadata';
import { runService } from '@samen/platform';
import { CitycontentModule } from './citycontent.module';
import { citycontentOrm } from './mikro-orm.config';

runService({ bouwsteen: 'citycontent', module: CitycontentModule, orm: citycontentOrm });
