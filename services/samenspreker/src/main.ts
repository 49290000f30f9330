import 'reflect-metadata';
import { runService } from '@samen/platform';
import { SamensprekerModule } from './samenspreker.module';
import { samensprekerOrm } from './mikro-orm.config';
import { hertelCli } from './stemming/hertel';
import { verifieerTijdlijnCli } from './tijdlijn/verifieer-tijdlijn';

if (process.argv[2] === 'verify-tijdlijn') {
  // An operator's one-shot check, like identity's rotate-signing-key: no NATS, no HTTP, one line of answer.
  verifieerTijdlijnCli(process.argv.slice(3));
} else if (process.argv[2] === 'hertel') {
  // Anyone's recount of a published stemming export: reads one file, needs nothing running.
  hertelCli(process.argv.slice(3));
} else {
  runService({ bouwsteen: 'samenspreker', module: SamensprekerModule, orm: samensprekerOrm });
}
