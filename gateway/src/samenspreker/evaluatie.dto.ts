import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  EVALUATIE_UITKOMSTEN,
  EvaluatieInvoer,
  type EvaluatieOverzicht,
  type EvaluatieSamenvattingView,
  type EvaluatieUitkomst,
  type EvaluatieView,
  SamenvattingInvoer,
} from '@samen/contracts';

@ApiSchema({ name: 'EvaluatieGeven', description: 'Uw evaluatie van deze ronde; een nieuwe vervangt uw vorige.' })
export class EvaluatieGevenDto extends EvaluatieInvoer {
  @ApiProperty({ description: 'Hoe het proces ging, van 1 (slecht) tot 5 (goed).', minimum: 1, maximum: 5, example: 4 })
  override proces: number;

  @ApiProperty({ description: 'Hoe goed de uitkomst is, van 1 (slecht) tot 5 (goed).', minimum: 1, maximum: 5, example: 3 })
  override uitkomst: number;

  @ApiProperty({ description: 'Toelichting; openbaar, zonder uw naam.', maxLength: 5000, example: 'Goed geluisterd, maar het duurde lang.' })
  override toelichting: string;
}

@ApiSchema({ name: 'EvaluatieSamenvatten', description: 'De samenvatting en lessen die een evaluatieronde afsluiten.' })
export class EvaluatieSamenvattenDto extends SamenvattingInvoer {
  @ApiProperty({ description: 'Samenvatting; openbaar.', minLength: 1, maxLength: 10000, example: 'De drempels werken; de buurt is tevreden.' })
  override samenvatting: string;

  @ApiProperty({ description: 'Geleerde lessen (hoogstens 30).', type: [String], maxItems: 30, example: ['Betrek de school eerder.'] })
  override lessen: string[];

  @ApiProperty({ description: 'Is het vraagstuk opgelost?', enum: EVALUATIE_UITKOMSTEN, example: 'opgelost' })
  override uitkomst: EvaluatieUitkomst;
}

@ApiSchema({ name: 'Evaluatie', description: 'Eén evaluatie, zonder wie hem gaf.' })
export class EvaluatieDto implements EvaluatieView {
  @ApiProperty({ minimum: 1, maximum: 5 })
  proces: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  uitkomst: number;

  @ApiProperty()
  toelichting: string;
}

@ApiSchema({ name: 'EvaluatieSamenvatting', description: 'De samenvatting van een evaluatieronde.' })
export class EvaluatieSamenvattingDto implements EvaluatieSamenvattingView {
  @ApiProperty()
  samenvatting: string;

  @ApiProperty({ type: [String] })
  lessen: string[];

  @ApiProperty({ enum: EVALUATIE_UITKOMSTEN })
  uitkomst: EvaluatieUitkomst;

  @ApiProperty({ format: 'date-time', description: 'Wanneer geschreven (UTC).' })
  tijdstip: string;
}

@ApiSchema({ name: 'EvaluatieGemiddelde', description: 'Gemiddelde score per aspect, met twee decimalen; null zolang niemand evalueerde.' })
export class EvaluatieGemiddeldeDto {
  @ApiProperty({ type: Number, nullable: true, example: 4.25 })
  proces: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 3.5 })
  uitkomst: number | null;
}

@ApiSchema({ name: 'EvaluatieOverzicht', description: 'De evaluatie van de huidige ronde (of, buiten de fase evaluatie, van de laatste); openbaar, zonder wie wat gaf.' })
export class EvaluatieOverzichtDto implements EvaluatieOverzicht {
  @ApiProperty({ format: 'uuid' })
  vraagstukId: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Sinds wanneer het vraagstuk in deze evaluatieronde is (UTC); ontbreekt als het nooit geëvalueerd werd.' })
  evaluatieSinds?: string;

  @ApiProperty({ description: 'Aantal evaluaties in deze ronde.', minimum: 0 })
  aantal: number;

  @ApiProperty({ type: EvaluatieGemiddeldeDto })
  gemiddelde: EvaluatieGemiddeldeDto;

  @ApiProperty({ type: [EvaluatieDto] })
  evaluaties: EvaluatieDto[];

  @ApiPropertyOptional({ type: EvaluatieSamenvattingDto, description: 'Ontbreekt tot de ronde is samengevat.' })
  samenvatting?: EvaluatieSamenvattingDto;
}

export const toEvaluatieDto = (e: EvaluatieView): EvaluatieDto => ({ proces: e.proces, uitkomst: e.uitkomst, toelichting: e.toelichting });

/** Copies only the contract's fields: whatever else a bouwsteen sends does not leak out. */
export function toEvaluatieOverzichtDto(o: EvaluatieOverzicht): EvaluatieOverzichtDto {
  return {
    vraagstukId: o.vraagstukId,
    ...(o.evaluatieSinds ? { evaluatieSinds: o.evaluatieSinds } : {}),
    aantal: o.aantal,
    gemiddelde: { proces: o.gemiddelde.proces, uitkomst: o.gemiddelde.uitkomst },
    evaluaties: o.evaluaties.map(toEvaluatieDto),
    ...(o.samenvatting
      ? { samenvatting: { samenvatting: o.samenvatting.samenvatting, lessen: [...o.samenvatting.lessen], uitkomst: o.samenvatting.uitkomst, tijdstip: o.samenvatting.tijdstip } }
      : {}),
  };
}
