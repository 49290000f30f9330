import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ACTIE_STATUSSEN, ActieInvoer, type ActieStatus, type ActieView, SluitInvoer, VOORTGANG_STATUSSEN, VoortgangInvoer, type VoortgangStatus, type VoortgangView } from '@samen/contracts';
import { IsUUID } from 'class-validator';
import { VraagstukIdParams } from './vraagstukken.dto';

const UUID_EXAMPLE = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

export class ActieParams extends VraagstukIdParams {
  @ApiProperty({ description: 'Id van de actie.', format: 'uuid', example: UUID_EXAMPLE })
  @IsUUID(undefined, { message: 'actieId moet een uuid zijn' })
  actieId: string;
}

@ApiSchema({ name: 'ActieAanmaken', description: 'Een nieuwe actie van de uitvoering.' })
export class ActieAanmakenDto extends ActieInvoer {
  @ApiProperty({ description: 'Korte titel.', minLength: 3, maxLength: 200, example: 'Drempels plaatsen' })
  override titel: string;

  @ApiProperty({ description: 'Wat er gedaan wordt.', minLength: 1, maxLength: 10000, example: 'Drie drempels tussen nummer 1 en 40.' })
  override omschrijving: string;

  @ApiProperty({ description: 'Id van de organisatie die de actie uitvoert.', format: 'uuid', example: UUID_EXAMPLE })
  override eigenaarOrganisatie: string;

  @ApiProperty({ description: 'De laatste dag waarop de actie af moet zijn.', format: 'date', example: '2027-03-31' })
  override deadline: string;
}

@ApiSchema({ name: 'VoortgangMelden', description: 'Hoe ver een actie is. Het percentage gaat nooit terug; een tegenvaller vertelt u in de toelichting.' })
export class VoortgangMeldenDto extends VoortgangInvoer {
  @ApiProperty({ description: 'Hoe ver, in procenten; niet lager dan de vorige melding.', minimum: 0, maximum: 100, example: 40 })
  override percentage: number;

  @ApiProperty({ description: 'Toelichting.', minLength: 1, maxLength: 5000, example: 'De eerste drempel ligt er.' })
  override toelichting: string;

  @ApiPropertyOptional({ description: 'bezig (standaard) of afgerond; afgerond kan alleen bij 100%.', enum: VOORTGANG_STATUSSEN })
  override status?: VoortgangStatus;
}

@ApiSchema({ name: 'ActieSluiten', description: 'Een actie die niet af komt stoppen, met een openbare reden.' })
export class ActieSluitenDto extends SluitInvoer {
  @ApiProperty({ description: 'Waarom de actie stopt; openbaar.', minLength: 1, maxLength: 2000, example: 'De provincie legt de weg zelf opnieuw aan.' })
  override reden: string;
}

@ApiSchema({ name: 'Voortgang', description: 'Eén voortgangsmelding.' })
export class VoortgangDto implements VoortgangView {
  @ApiProperty({ minimum: 0, maximum: 100 })
  percentage: number;

  @ApiProperty()
  toelichting: string;

  @ApiProperty({ enum: VOORTGANG_STATUSSEN })
  status: VoortgangStatus;

  @ApiProperty({ format: 'date-time', description: 'Wanneer gemeld (UTC).' })
  tijdstip: string;
}

@ApiSchema({ name: 'Actie', description: 'Een actie van de uitvoering, met haar voortgang; openbaar.' })
export class ActieDto implements ActieView {
  @ApiProperty({ format: 'uuid', example: UUID_EXAMPLE })
  id: string;

  @ApiProperty({ format: 'uuid' })
  vraagstukId: string;

  @ApiProperty()
  titel: string;

  @ApiProperty()
  omschrijving: string;

  @ApiProperty({ description: 'Id van de organisatie die de actie uitvoert.', format: 'uuid' })
  eigenaarOrganisatie: string;

  @ApiProperty({ description: 'De laatste dag waarop de actie af moet zijn.', format: 'date', example: '2027-03-31' })
  deadline: string;

  @ApiProperty({ description: 'gepland → bezig → afgerond, of gesloten (gestopt met een reden).', enum: ACTIE_STATUSSEN })
  status: ActieStatus;

  @ApiProperty({ description: 'Het laatst gemelde percentage (0 voor de eerste melding).', minimum: 0, maximum: 100 })
  percentage: number;

  @ApiProperty({ description: 'De deadline is voorbij en de actie is niet afgerond of gesloten.' })
  teLaat: boolean;

  @ApiPropertyOptional({ description: 'Waarom de actie gesloten is; alleen bij status gesloten.' })
  geslotenReden?: string;

  @ApiProperty({ type: [VoortgangDto], description: 'Alle voortgangsmeldingen, oudste eerst.' })
  voortgang: VoortgangDto[];

  @ApiProperty({ format: 'date-time', description: 'Wanneer aangemaakt (UTC).' })
  aangemaaktTijdstip: string;
}

@ApiSchema({ name: 'Acties', description: 'De acties van een vraagstuk, oudste eerst.' })
export class ActiesDto {
  @ApiProperty({ type: [ActieDto] })
  acties: ActieDto[];
}

/** Copies only the contract's fields: whatever else a bouwsteen sends does not leak out. */
export function toActieDto(a: ActieView): ActieDto {
  return {
    id: a.id,
    vraagstukId: a.vraagstukId,
    titel: a.titel,
    omschrijving: a.omschrijving,
    eigenaarOrganisatie: a.eigenaarOrganisatie,
    deadline: a.deadline,
    status: a.status,
    percentage: a.percentage,
    teLaat: a.teLaat,
    ...(a.geslotenReden ? { geslotenReden: a.geslotenReden } : {}),
    voortgang: a.voortgang.map((v) => ({ percentage: v.percentage, toelichting: v.toelichting, status: v.status, tijdstip: v.tijdstip })),
    aangemaaktTijdstip: a.aangemaaktTijdstip,
  };
}
