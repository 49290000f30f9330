import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { SEGMENTEN, type Segment, STEUN_NAMENS, type SteunbetuigingView, type SteunNamens, VRAAGSTUK_FASEN, type VraagstukFase } from '@samen/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { VraagstukSteunDto } from './vraagstukken.dto';

const NAMENS = {
  description: '`mijzelf` (standaard), of `organisatie`: voor de organisatie waarvoor uw toegangstoken optreedt.',
  enum: STEUN_NAMENS,
  default: 'mijzelf',
} as const;

@ApiSchema({ name: 'SteunBetuigen', description: 'Een vraagstuk in de fase agendering steunen, voor uzelf of voor uw organisatie.' })
export class SteunBetuigenDto {
  @ApiPropertyOptional(NAMENS)
  @IsOptional()
  @IsIn(STEUN_NAMENS, { message: 'namens moet mijzelf of organisatie zijn' })
  namens?: SteunNamens;
}

export class SteunIntrekkenQueryDto {
  @ApiPropertyOptional({ ...NAMENS, description: 'Welke steun u intrekt: `mijzelf` (standaard) of die van uw `organisatie`.' })
  @IsOptional()
  @IsIn(STEUN_NAMENS, { message: 'namens moet mijzelf of organisatie zijn' })
  namens?: SteunNamens;
}

@ApiSchema({ name: 'Steunbetuiging', description: 'Uw steunbetuiging, met de steun en fase van het vraagstuk daarna.' })
export class SteunbetuigingDto implements SteunbetuigingView {
  @ApiProperty({ description: 'Id van het vraagstuk.', format: 'uuid' })
  vraagstukId: string;

  @ApiProperty({ description: 'Voor wie u steunde.', enum: STEUN_NAMENS })
  namens: SteunNamens;

  @ApiProperty({ description: 'Het segment waarvoor de steun telt (inwoner als u voor uzelf steunt).', enum: SEGMENTEN })
  segment: Segment;

  @ApiPropertyOptional({ description: 'Id van de organisatie, als u voor haar steunde.', format: 'uuid' })
  organisatie?: string;

  @ApiProperty({ description: 'Wanneer (UTC).', format: 'date-time' })
  tijdstip: string;

  @ApiProperty({ type: VraagstukSteunDto })
  steun: VraagstukSteunDto;

  @ApiProperty({ description: 'De fase van het vraagstuk; `oplossingen` als deze steun de drempel bereikte.', enum: VRAAGSTUK_FASEN })
  fase: VraagstukFase;
}

/** Copies only the contract's fields: whatever else a bouwsteen sends does not leak out. */
export function toSteunbetuigingDto(v: SteunbetuigingView): SteunbetuigingDto {
  return {
    vraagstukId: v.vraagstukId,
    namens: v.namens,
    segment: v.segment,
    ...(v.organisatie ? { organisatie: v.organisatie } : {}),
    tijdstip: v.tijdstip,
    steun: { aantal: v.steun.aantal, drempel: v.steun.drempel },
    fase: v.fase,
  };
}
