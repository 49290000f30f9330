import 'reflect-metadata';
import { runService } from '@samen/platform';
import { SamensprekerModule } from './samenspreker.module';
import { samensprekerOrm } from './mikro-orm.config';

runService({ bouwsteen: 'samenspreker', module: SamensprekerModule, orm: samensprekerOrm });
