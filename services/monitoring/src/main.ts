import 'reflect-metadata';
import { runService } from '@samen/platform';
import { MonitoringModule } from './monitoring.module';
import { monitoringOrm } from './mikro-orm.config';

runService({ bouwsteen: 'monitoring', module: MonitoringModule, orm: monitoringOrm });
