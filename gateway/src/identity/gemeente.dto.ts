import { ApiProperty, ApiPropertyOptional, ApiSchema, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Matches, ValidateNested } from 'class-validator';
import {
  BOUWSTENEN,
  GemeenteCode,
  INSTELLING_GRENZEN as G,
  InstellingenWijziging,
  PeilingInstellingenWijziging,
  UpsertGemeente,
  type Bouwsteen,
  type GemeenteInstellingen,
  type GemeenteView,
  type PeilingInstellingen,
} from '@samen/contracts';

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

/** The body of POST /gemeenten: code, naam and bouwstenen. */
@ApiSchema({ name: 'NieuweGemeente', description: 'Code, naam en bouwstenen van een gemeente.' })
export class NieuweGemeenteDto extends GemeenteVastleggenDto {
  @ApiProperty({ description: 'CBS-code van de gemeente: GM en vier cijfers.', pattern: CODE_PATTERN, example: 'GM0637' })
  @Matches(new RegExp(CODE_PATTERN), { message: 'code moet GM gevolgd door vier cijfers zijn (bijv. GM0637)' })
  code: string;
}

@ApiSchema({ name: 'PeilingInstellingen', description: 'Standaardwaarden voor peilingen (stemmingen) in deze gemeente.' })
export class PeilingInstellingenDto implements PeilingInstellingen {
  @ApiProperty({ description: 'Hoogstens zoveel adviesvragen (meerkeuze) per peiling.', type: 'integer', minimum: G.maxAdviesvragen.min, maximum: G.maxAdviesvragen.max, example: 7 })
  maxAdviesvragen: number;

  @ApiProperty({ description: 'Hoogstens zoveel bindende vragen per peiling.', type: 'integer', minimum: G.maxBindendeVragen.min, maximum: G.maxBindendeVragen.max, example: 3 })
  maxBindendeVragen: number;

  @ApiProperty({
    description: 'Een bindende vraag is aangenomen boven dit percentage van de geldige stemmen.',
    type: 'integer',
    minimum: G.bindendDrempelPercentage.min,
    maximum: G.bindendDrempelPercentage.max,
    example: 50,
  })
  bindendDrempelPercentage: number;

  @ApiProperty({
    description: 'Een bindende uitslag telt pas bij minstens deze opkomst (procent van de stemgerechtigden); 0 is geen quorum.',
    type: 'integer',
    minimum: G.opkomstquorumPercentage.min,
    maximum: G.opkomstquorumPercentage.max,
    example: 30,
  })
  opkomstquorumPercentage: number;
}

@ApiSchema({ name: 'GemeenteInstellingen', description: 'De instellingen van een gemeente.' })
export class GemeenteInstellingenDto implements GemeenteInstellingen {
  @ApiProperty({ description: 'Zoveel steunbetuigingen brengen een vraagstuk vanzelf op de agenda.', type: 'integer', minimum: G.steundrempel.min, maximum: G.steundrempel.max, example: 25 })
  steundrempel: number;

  @ApiProperty({ description: 'De gemeente belooft binnen zoveel dagen te reageren.', type: 'integer', minimum: G.reactietermijnDagen.min, maximum: G.reactietermijnDagen.max, example: 20 })
  reactietermijnDagen: number;

  @ApiProperty({ type: PeilingInstellingenDto })
  peilingen: PeilingInstellingenDto;
}

@ApiSchema({ name: 'PeilingInstellingenWijzigen', description: 'De peilinginstellingen die veranderen; wat ontbreekt blijft zoals het is.' })
export class PeilingInstellingenWijzigenDto extends PeilingInstellingenWijziging {
  @ApiPropertyOptional({ description: 'Hoogstens zoveel adviesvragen per peiling.', type: 'integer', minimum: G.maxAdviesvragen.min, maximum: G.maxAdviesvragen.max })
  override maxAdviesvragen?: number;

  @ApiPropertyOptional({ description: 'Hoogstens zoveel bindende vragen per peiling.', type: 'integer', minimum: G.maxBindendeVragen.min, maximum: G.maxBindendeVragen.max })
  override maxBindendeVragen?: number;

  @ApiPropertyOptional({ description: 'Bindend boven dit percentage van de geldige stemmen.', type: 'integer', minimum: G.bindendDrempelPercentage.min, maximum: G.bindendDrempelPercentage.max })
  override bindendDrempelPercentage?: number;

  @ApiPropertyOptional({ description: 'Opkomstquorum in procent; 0 is geen quorum.', type: 'integer', minimum: G.opkomstquorumPercentage.min, maximum: G.opkomstquorumPercentage.max })
  override opkomstquorumPercentage?: number;
}

/** The body of PUT /gemeenten/{code}/instellingen: a partial change, validated by the contract. */
@ApiSchema({ name: 'GemeenteInstellingenWijzigen', description: 'De instellingen die veranderen; wat ontbreekt blijft zoals het is.' })
export class GemeenteInstellingenWijzigenDto extends InstellingenWijziging {
  @ApiPropertyOptional({ description: 'Steundrempel voor agendering.', type: 'integer', minimum: G.steundrempel.min, maximum: G.steundrempel.max, example: 30 })
  override steundrempel?: number;

  @ApiPropertyOptional({ description: 'Reactietermijn in dagen.', type: 'integer', minimum: G.reactietermijnDagen.min, maximum: G.reactietermijnDagen.max })
  override reactietermijnDagen?: number;

  @ApiPropertyOptional({ type: PeilingInstellingenWijzigenDto })
  @ValidateNested()
  @Type(() => PeilingInstellingenWijzigenDto)
  override peilingen?: PeilingInstellingenWijzigenDto;
}

@ApiSchema({ name: 'Gemeente', description: 'Een gemeente die de suite bedient.' })
export class GemeenteDto implements GemeenteView {
  @ApiProperty({ description: 'CBS-code van de gemeente.', pattern: CODE_PATTERN, example: 'GM0637' })
  code: string;

  @ApiProperty({ description: 'Naam van de gemeente.', example: 'Zoetermeer' })
  naam: string;

  @ApiProperty({ description: 'De bouwstenen die deze gemeente gebruikt.', enum: BOUWSTENEN, isArray: true, example: ['identity', 'samenspreker'] })
  bouwstenen: Bouwsteen[];

  @ApiProperty({ type: GemeenteInstellingenDto })
  instellingen: GemeenteInstellingenDto;

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
  const { steundrempel, reactietermijnDagen, peilingen } = view.instellingen;
  return {
    code: view.code,
    naam: view.naam,
    bouwstenen: view.bouwstenen,
    instellingen: {
      steundrempel,
      reactietermijnDagen,
      peilingen: {
        maxAdviesvragen: peilingen.maxAdviesvragen,
        maxBindendeVragen: peilingen.maxBindendeVragen,
        bindendDrempelPercentage: peilingen.bindendDrempelPercentage,
        opkomstquorumPercentage: peilingen.opkomstquorumPercentage,
      },
    },
    aangemaaktTijdstip: view.aangemaaktTijdstip,
  };
}
