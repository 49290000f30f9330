import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import {
  AccountVerwijdering,
  BOUWSTENEN,
  HANDELINGEN,
  ROLLEN,
  VERWERKINGEN_MAX_LIMIET,
  type Handeling,
  type MijAccount,
  type Rol,
  type VerwerkingView,
} from '@samen/contracts';

@ApiSchema({ name: 'Verificatie', description: 'Uw laatste verificatie als inwoner.' })
export class MijnVerificatieDto {
  @ApiProperty({ description: 'Wijk- of buurtcode.', example: 'WK063701' })
  gebied: string;

  @ApiProperty({ description: 'Hoe u geverifieerd bent.', enum: ['code', 'persoonlijk'] })
  methode: string;

  @ApiProperty({ description: 'Wanneer (UTC).', format: 'date-time' })
  geverifieerdTijdstip: string;
}

@ApiSchema({ name: 'MijnLidmaatschap', description: 'Een organisatie waarvan u lid bent.' })
export class MijnLidmaatschapDto {
  @ApiProperty({ format: 'uuid' })
  organisatieId: string;

  @ApiProperty({ description: 'Naam van de organisatie.' })
  naam: string;

  @ApiProperty({ description: 'Segment van de organisatie.', example: 'maatschappelijk' })
  segment: string;

  @ApiProperty({ description: 'Uw rol in de organisatie.', enum: ['lid', 'vertegenwoordiger', 'beheerder'] })
  rol: string;

  @ApiProperty({ format: 'date-time' })
  sindsTijdstip: string;
}

@ApiSchema({ name: 'MijnAccount', description: 'Uw accountgegevens zoals identity ze bewaart (zonder wachtwoord of geheimen).' })
export class MijnAccountDto implements MijAccount {
  @ApiProperty({ format: 'uuid' })
  accountId: string;

  @ApiPropertyOptional({ pattern: '^GM\\d{4}$', example: 'GM0637' })
  gemeente?: string;

  @ApiProperty({ format: 'email', example: 'anna@example.org' })
  email: string;

  @ApiProperty({ example: 'Anna' })
  weergavenaam: string;

  @ApiProperty({ enum: ROLLEN, isArray: true, example: ['inwoner'] })
  rollen: Rol[];

  @ApiProperty({ description: 'Of uw e-mailadres bevestigd is.' })
  emailBevestigd: boolean;

  @ApiProperty({ description: 'Of uw tweede factor actief is.' })
  tweedeFactorActief: boolean;

  @ApiProperty({ format: 'date-time' })
  aangemaaktTijdstip: string;

  @ApiPropertyOptional({ type: MijnVerificatieDto })
  verificatie?: MijnVerificatieDto;

  @ApiProperty({ type: [MijnLidmaatschapDto] })
  lidmaatschappen: MijnLidmaatschapDto[];
}

@ApiSchema({ name: 'ExportOnderdeel', description: 'Het deel van één bouwsteen.' })
export class ExportOnderdeelDto {
  @ApiProperty({ enum: BOUWSTENEN })
  bouwsteen: string;

  @ApiProperty({ description: '`geleverd`, of `absent` als de bouwsteen nu niet draait of niet op tijd antwoordde.', enum: ['geleverd', 'absent'] })
  status: string;

  @ApiPropertyOptional({ description: 'Wat deze bouwsteen over u bewaart.', type: 'object', additionalProperties: true })
  gegevens?: Record<string, unknown>;
}

@ApiSchema({ name: 'PersoonsgegevensExport', description: 'Al uw gegevens in alle bouwstenen.' })
export class PersoonsgegevensExportDto {
  @ApiProperty({ format: 'uuid' })
  accountId: string;

  @ApiProperty({ format: 'date-time' })
  aangemaaktTijdstip: string;

  @ApiProperty({ type: [ExportOnderdeelDto] })
  bouwstenen: ExportOnderdeelDto[];
}

@ApiSchema({ name: 'AccountVerwijdering', description: 'Bevestiging met uw wachtwoord.' })
export class AccountVerwijderingDto extends AccountVerwijdering {
  @ApiProperty({ description: 'Uw huidige wachtwoord: wie alleen uw toegangstoken heeft, kan uw account niet verwijderen.', format: 'password', minLength: 1, maxLength: 128 })
  override wachtwoord: string;
}

@ApiSchema({ name: 'Verwerking', description: 'Eén verwerking van persoonsgegevens.' })
export class VerwerkingDto implements VerwerkingView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  tijdstip: string;

  @ApiProperty({ description: 'Account-id van wie verwerkte, of `systeem`.' })
  actor: string;

  @ApiProperty({ description: 'Account-id van wiens gegevens het gaat.', format: 'uuid' })
  betrokkene: string;

  @ApiPropertyOptional({ pattern: '^GM\\d{4}$', example: 'GM0637' })
  gemeente?: string;

  @ApiProperty({ enum: HANDELINGEN })
  handeling: Handeling;

  @ApiProperty({ description: 'De grondslag of het doel.' })
  grondslag: string;

  @ApiProperty({ description: 'Leidt naar de logregels van het verzoek.' })
  correlationId: string;
}

@ApiSchema({ name: 'Link', description: 'Een link.' })
export class LinkDto {
  @ApiProperty({ format: 'uri-reference' })
  href: string;
}

@ApiSchema({ name: 'VerwerkingenLinks', description: 'Links van de pagina.' })
export class VerwerkingenLinksDto {
  @ApiProperty({ type: LinkDto })
  self: LinkDto;

  @ApiPropertyOptional({ type: LinkDto, description: 'De volgende (oudere) pagina; ontbreekt op de laatste.' })
  next?: LinkDto;
}

@ApiSchema({ name: 'VerwerkingenPagina', description: 'Verwerkingen, nieuwste eerst.' })
export class VerwerkingenPaginaDto {
  @ApiProperty({ type: [VerwerkingDto] })
  verwerkingen: VerwerkingDto[];

  @ApiProperty({ type: VerwerkingenLinksDto })
  _links: VerwerkingenLinksDto;
}

export class VerwerkingenQueryDto {
  @ApiPropertyOptional({ description: 'Cursor uit de link `next` van de vorige pagina.', pattern: '^[A-Za-z0-9_-]{1,200}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'na moet een cursor uit een vorig antwoord zijn' })
  na?: string;

  @ApiPropertyOptional({ description: 'Hoeveel per pagina.', minimum: 1, maximum: VERWERKINGEN_MAX_LIMIET, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limiet moet een geheel getal zijn' })
  @Min(1)
  @Max(VERWERKINGEN_MAX_LIMIET)
  limiet?: number;
}
