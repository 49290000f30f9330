import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  KVK_NUMMER_PATTERN,
  LIDMAATSCHAP_ROLLEN,
  LidmaatschapSleutel,
  NieuweOrganisatie,
  ORGANISATIE_SEGMENTEN,
  ORGANISATIES_MAX_LIMIET,
  ORGANISATIES_STANDAARD_LIMIET,
  OrganisatieId,
  type LidmaatschapRol,
  type LidmaatschapView,
  type OrganisatieSegment,
  type OrganisatieView,
} from '@samen/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { LinkDto } from './avg.dto';

const UUID_EXAMPLE = '0b9d6c1e-5d1f-4c1a-9f57-2f1c4e3a8b90';

export class OrganisatieIdParams extends OrganisatieId {
  @ApiProperty({ description: 'Id van de organisatie.', format: 'uuid', example: UUID_EXAMPLE })
  override id: string;
}

export class LidmaatschapParams extends LidmaatschapSleutel {
  @ApiProperty({ description: 'Id van de organisatie.', format: 'uuid', example: UUID_EXAMPLE })
  override id: string;

  @ApiProperty({ description: 'Id van het account.', format: 'uuid', example: '5f0c2a8e-3b1d-4e6f-8a9b-1c2d3e4f5a6b' })
  override accountId: string;
}

@ApiSchema({ name: 'OrganisatieAanmaken', description: 'Een nieuwe organisatie; wie haar aanmaakt wordt beheerder.' })
export class OrganisatieAanmakenDto extends NieuweOrganisatie {
  @ApiProperty({ description: 'Naam van de organisatie.', minLength: 1, maxLength: 200, example: 'Buurtvereniging Oost' })
  override naam: string;

  @ApiProperty({ description: 'Het segment waarin de organisatie meepraat; "gemeente" alleen voor medewerkers van de gemeente.', enum: ORGANISATIE_SEGMENTEN, example: 'burgers' })
  override segment: OrganisatieSegment;

  @ApiPropertyOptional({ description: 'KvK-nummer: acht cijfers.', pattern: KVK_NUMMER_PATTERN.source, example: '12345678' })
  override kvkNummer?: string;
}

@ApiSchema({ name: 'Organisatie', description: 'Een organisatie die meedoet; wie lid is, is niet openbaar.' })
export class OrganisatieDto implements OrganisatieView {
  @ApiProperty({ description: 'Id van de organisatie.', format: 'uuid', example: UUID_EXAMPLE })
  id: string;

  @ApiProperty({ description: 'CBS-code van de gemeente waarin de organisatie meedoet.', pattern: '^GM\\d{4}$', example: 'GM0637' })
  gemeente: string;

  @ApiProperty({ description: 'Naam van de organisatie.', example: 'Buurtvereniging Oost' })
  naam: string;

  @ApiProperty({ description: 'Segment van de organisatie.', enum: ORGANISATIE_SEGMENTEN, example: 'burgers' })
  segment: OrganisatieSegment;

  @ApiPropertyOptional({ description: 'KvK-nummer.', pattern: KVK_NUMMER_PATTERN.source, example: '12345678' })
  kvkNummer?: string;

  @ApiProperty({ description: 'Aantal leden.', type: 'integer', minimum: 0, example: 3 })
  aantalLeden: number;

  @ApiProperty({ description: 'Wanneer de organisatie werd aangemaakt (UTC).', format: 'date-time', example: '2026-11-27T09:00:00Z' })
  aangemaaktTijdstip: string;
}

@ApiSchema({ name: 'OrganisatiesLinks', description: 'Links van de pagina.' })
export class OrganisatiesLinksDto {
  @ApiProperty({ type: LinkDto })
  self: LinkDto;

  @ApiPropertyOptional({ type: LinkDto, description: 'De volgende pagina; ontbreekt op de laatste.' })
  next?: LinkDto;
}

@ApiSchema({ name: 'Organisaties', description: 'Een pagina organisaties van een gemeente, op naam.' })
export class OrganisatiesDto {
  @ApiProperty({ type: [OrganisatieDto] })
  organisaties: OrganisatieDto[];

  @ApiProperty({ type: OrganisatiesLinksDto })
  _links: OrganisatiesLinksDto;
}

export class OrganisatiesQueryDto {
  @ApiPropertyOptional({ description: 'Cursor uit de link `next` van de vorige pagina.', pattern: '^[A-Za-z0-9_-]{1,400}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'na moet een cursor uit een vorig antwoord zijn' })
  na?: string;

  @ApiPropertyOptional({ description: 'Hoeveel per pagina.', minimum: 1, maximum: ORGANISATIES_MAX_LIMIET, default: ORGANISATIES_STANDAARD_LIMIET })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limiet moet een geheel getal zijn' })
  @Min(1)
  @Max(ORGANISATIES_MAX_LIMIET)
  limiet?: number;
}

/** The body of POST …/lidmaatschappen: the contract's NieuwLidmaatschap without the organisation id, which is in the path. */
@ApiSchema({ name: 'LidmaatschapToevoegen', description: 'Een account lid maken, met een rol.' })
export class LidmaatschapToevoegenDto {
  @ApiProperty({ description: 'Id van het account.', format: 'uuid', example: '5f0c2a8e-3b1d-4e6f-8a9b-1c2d3e4f5a6b' })
  @IsUUID('4')
  accountId: string;

  @ApiProperty({ description: 'Rol in de organisatie: vertegenwoordiger en beheerder mogen namens haar optreden.', enum: LIDMAATSCHAP_ROLLEN, example: 'lid' })
  @IsIn(LIDMAATSCHAP_ROLLEN)
  rol: LidmaatschapRol;
}

@ApiSchema({ name: 'LidmaatschapWijzigen', description: 'De nieuwe rol van een lid.' })
export class LidmaatschapWijzigenDto {
  @ApiProperty({ description: 'Rol in de organisatie.', enum: LIDMAATSCHAP_ROLLEN, example: 'vertegenwoordiger' })
  @IsIn(LIDMAATSCHAP_ROLLEN)
  rol: LidmaatschapRol;
}

@ApiSchema({ name: 'Lidmaatschap', description: 'Een lid van een organisatie en zijn rol daar.' })
export class LidmaatschapDto implements LidmaatschapView {
  @ApiProperty({ description: 'Id van de organisatie.', format: 'uuid', example: UUID_EXAMPLE })
  organisatieId: string;

  @ApiProperty({ description: 'Id van het account.', format: 'uuid', example: '5f0c2a8e-3b1d-4e6f-8a9b-1c2d3e4f5a6b' })
  accountId: string;

  @ApiProperty({ description: 'Rol in de organisatie.', enum: LIDMAATSCHAP_ROLLEN, example: 'lid' })
  rol: LidmaatschapRol;

  @ApiProperty({ description: 'Sinds wanneer (UTC).', format: 'date-time', example: '2026-11-27T09:00:00Z' })
  sindsTijdstip: string;
}

@ApiSchema({ name: 'Lidmaatschappen', description: 'De leden van een organisatie (alleen voor leden en beheer).' })
export class LidmaatschappenDto {
  @ApiProperty({ type: [LidmaatschapDto] })
  lidmaatschappen: LidmaatschapDto[];
}

/** Copies only the contract's fields: whatever else a bouwsteen sends does not leak out. */
export function toOrganisatieDto(view: OrganisatieView): OrganisatieDto {
  return {
    id: view.id,
    gemeente: view.gemeente,
    naam: view.naam,
    segment: view.segment,
    ...(view.kvkNummer ? { kvkNummer: view.kvkNummer } : {}),
    aantalLeden: view.aantalLeden,
    aangemaaktTijdstip: view.aangemaaktTijdstip,
  };
}

export function toLidmaatschapDto(view: LidmaatschapView): LidmaatschapDto {
  return { organisatieId: view.organisatieId, accountId: view.accountId, rol: view.rol, sindsTijdstip: view.sindsTijdstip };
}
