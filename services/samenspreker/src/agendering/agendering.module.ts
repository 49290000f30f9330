import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TijdlijnModule } from '../tijdlijn/tijdlijn.module';
import { AgenderingHandlers } from './agendering.handlers';
import { AgenderingService } from './agendering.service';
import { ReactietermijnBewaking } from './reactietermijn-bewaking';
import { Steunbetuiging } from './steunbetuiging.entity';

/** Agendering: steunbetuigingen up to the steundrempel, and the sweep that marks a passed reactietermijn. */
@Module({
  imports: [MikroOrmModule.forFeature([Steunbetuiging]), TijdlijnModule],
  controllers: [AgenderingHandlers],
  providers: [AgenderingService, ReactietermijnBewaking],
  exports: [ReactietermijnBewaking],
})
export class AgenderingModule {}
