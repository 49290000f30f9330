import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TafelModule } from '../tafel/tafel.module';
import { TijdlijnModule } from '../tijdlijn/tijdlijn.module';
import { Besluit } from './besluit.entity';
import { BesluitHandlers } from './besluit.handlers';
import { BesluitService } from './besluit.service';

/** Besluiten of the besluitvorming: published at once, corrected only by a new besluit. */
@Module({
  imports: [MikroOrmModule.forFeature([Besluit]), TafelModule, TijdlijnModule],
  controllers: [BesluitHandlers],
  providers: [BesluitService],
})
export class BesluitModule {}
