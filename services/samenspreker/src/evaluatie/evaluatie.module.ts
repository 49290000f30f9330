import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TafelModule } from '../tafel/tafel.module';
import { TijdlijnModule } from '../tijdlijn/tijdlijn.module';
import { Evaluatie, EvaluatieSamenvatting } from './evaluatie.entity';
import { EvaluatieHandlers } from './evaluatie.handlers';
import { EvaluatieService } from './evaluatie.service';

/** Evaluations per pass through evaluatie, and the summary that closes each pass. */
@Module({
  imports: [MikroOrmModule.forFeature([Evaluatie, EvaluatieSamenvatting]), TafelModule, TijdlijnModule],
  controllers: [EvaluatieHandlers],
  providers: [EvaluatieService],
})
export class EvaluatieModule {}
