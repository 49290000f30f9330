import { ApiProperty, ApiSchema, OmitType } from '@nestjs/swagger';
import { BOUWSTENEN, GemeenteCode, UpsertGemeente, type Bouwsteen, type GemeenteView } from '@samen/contracts';

const CODE_PATTERN = '^GM\\d{4}$';

/** The path parameter, validated by the contract's own rule. */
export class GemeenteCodeParams extends GemeenteCode {
  @ApiProperty({ description: 'CBS-code van de gemeente: GM en vier cijfers.', pattern: CODE_PATTERN, example: 'GM0637' })
  override code: string;
}

/** The body of PUT /gemeenten/{code}: the contract's UpsertGemeente without the code, which is in the path. */
@ApiSchema({ name: 'GemeenteVastleggen', description: 'Naam en bouwstenen van een gemeente.' })
export class GemeenteVastleggenDto extends OmitType(UpsertGemeente, ['code'] as const) {
  @ApiProperty({ description: 'Naam van de gemeente.', minLength: 1, maxLength: 120, example: 'Zoetermeer' })
  override naam: string;

  @ApiProperty({
    description: 'De bouwstenen die deze gemeente gebruikt; identity is altijd nodig.',
    enum: BOUWSTENEN,
    isArray: true,
    uniqueItems: true,
    example: ['identity', 'samenspreker'],
  })
  override bouwstenen: Bouwsteen[];
}

@ApiSchema({ name: 'Gemeente', description: 'Een gemeente die de suite bedient.' })
export class GemeenteDto implements GemeenteView {
  @ApiProperty({ description: 'CBS-code van de gemeente.', pattern: CODE_PATTERN, example: 'GM0637' })
  code: string;

  @ApiProperty({ description: 'Naam van de gemeente.', example: 'Zoetermeer' })
  naam: string;

  @ApiProperty({ description: 'De bouwstenen die deze gemeente gebruikt.', enum: BOUWSTENEN, isArray: true, example: ['identity', 'samenspreker'] })
  bouwstenen: Bouwsteen[];

  @ApiProperty({ description: 'Wanneer de gemeente werd vastgelegd (UTC).', format: 'date-time', example: '2026-11-27T09:00:00Z' })
  aangemaaktTijdstip: string;
}

@ApiSchema({ name: 'Gemeenten', description: 'Alle gemeenten, op code gesorteerd.' })
export class GemeentenDto {
  @ApiProperty({ type: [GemeenteDto] })
  gemeenten: GemeenteDto[];
}

/** Copies only the contract's fields: whatever else a bouwsteen sends does not leak out. */
export function toGemeenteDto(view: GemeenteView): GemeenteDto {
  return { code: view.code, naam: view.naam, bouwstenen: view.bouwstenen, aangemaaktTijdstip: view.aangemaaktTijdstip };
}
