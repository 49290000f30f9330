import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { BOUWSTENEN, DATABASE_STATES, type Bouwsteen, type DatabaseState } from '@samen/contracts';

export const BOUWSTEEN_STATUSES = ['up', 'absent'] as const;
export type BouwsteenStatus = (typeof BOUWSTEEN_STATUSES)[number];

@ApiSchema({ name: 'Bouwsteen', description: 'Of een bouwsteen nu draait, zoals de gateway het zojuist vaststelde.' })
export class BouwsteenDto {
  @ApiProperty({ description: 'Naam van de bouwsteen.', enum: BOUWSTENEN, example: 'identity' })
  naam: Bouwsteen;

  @ApiProperty({
    description: '`up`: minstens één instantie antwoordde; `absent`: geen instantie antwoordde (niet gestart of te traag).',
    enum: BOUWSTEEN_STATUSES,
    example: 'up',
  })
  status: BouwsteenStatus;

  @ApiPropertyOptional({ description: 'Versie van de instantie die antwoordde (alleen bij `up`).', example: '0.1.0' })
  versie?: string;

  @ApiPropertyOptional({ description: 'Hoe lang het antwoord duurde, in milliseconden (alleen bij `up`).', type: 'integer', example: 3 })
  responstijdMs?: number;

  @ApiPropertyOptional({ description: 'Of de database van de bouwsteen bereikbaar is (alleen bij `up`).', enum: DATABASE_STATES, example: 'up' })
  database?: DatabaseState;
}

@ApiSchema({ name: 'Bouwstenen', description: 'Alle bouwstenen van de suite, in vaste volgorde.' })
export class BouwstenenDto {
  @ApiProperty({ type: [BouwsteenDto] })
  bouwstenen: BouwsteenDto[];
}
