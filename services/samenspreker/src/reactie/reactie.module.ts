import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TijdlijnModule } from '../tijdlijn/tijdlijn.module';
import { Reactie } from './reactie.entity';
import { ReactieHandlers } from './reactie.handlers';
import { ReactieService } from './reactie.service';

/** The threaded public discussion of a vraagstuk and its oplossingen, and its moderation. */
@Module({
  imports: [MikroOrmModule.forFeature([Reactie]), TijdlijnModule],
  controllers: [ReactieHandlers],
  providers: [ReactieService],
})
export class ReactieModule {}
