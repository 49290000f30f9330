import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { TIJDLIJN_MAX_LIMIET, TIJDLIJN_STANDAARD_LIMIET, type TijdlijnEntryView, type TijdlijnVerificatie } from '@samen/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { LinkDto } from '../identity/avg.dto';
import { PSEUDONIEM } from './vraagstukken.dto';

const HASH = { pattern: '^[0-9a-f]{64}$', example: 'a3f5c1d2e4b6a8c0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8' };

export class VraagstukIdParams {
  @ApiProperty({ description: 'Id van het vraagstuk.', format: 'uuid', example: '0b9d6c1e-5d1f-4c1a-9f57-2f1c4e3a8b90' })
  @IsUUID(undefined, { message: 'id moet een uuid zijn' })
  id: string;
}

export class TijdlijnQueryDto {
  @ApiPropertyOptional({ description: 'Volgnummer van de laatste regel van de vorige pagina (uit de link `next`).', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'na moet een geheel getal zijn' })
  @Min(0)
  na?: number;

  @ApiPropertyOptional({ description: 'Hoeveel regels per pagina.', minimum: 1, maximum: TIJDLIJN_MAX_LIMIET, default: TIJDLIJN_STANDAARD_LIMIET })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limiet moet een geheel getal zijn' })
  @Min(1)
  @Max(TIJDLIJN_MAX_LIMIET)
  limiet?: number;
}

@ApiSchema({ name: 'TijdlijnActor', description: 'Wie de wijziging deed: pseudoniem binnen het vraagstuk en segment; geen account-id, naam of e-mailadres.' })
export class TijdlijnActorDto {
  @ApiProperty(PSEUDONIEM)
  pseudoniem: string;

  @ApiProperty({ description: 'Het segment waarvoor het account optrad.', example: 'inwoner' })
  segment: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'De organisatie namens wie het account optrad.' })
  organisatie?: string;
}

@ApiSchema({ name: 'TijdlijnRegel', description: 'Eén regel van de openbare tijdlijn; `hash` is sha256 over de canonieke JSON van de regel en de hash van de vorige.' })
export class TijdlijnRegelDto implements TijdlijnEntryView {
  @ApiProperty({ format: 'uuid' })
  vraagstukId: string;

  @ApiProperty({ description: '1, 2, … per vraagstuk, zonder gaten.', minimum: 1 })
  volgnummer: number;

  @ApiProperty({ description: 'CBS-code van de gemeente.', example: 'GM0637' })
  gemeente: string;

  @ApiProperty({ format: 'date-time', description: 'UTC, met milliseconden, precies zoals gehasht.' })
  tijdstip: string;

  @ApiProperty({ description: 'Wat er gebeurde.', example: 'fase-gewijzigd' })
  soort: string;

  @ApiProperty({ type: TijdlijnActorDto, nullable: true })
  actor: TijdlijnActorDto | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'De gegevens van de wijziging.' })
  gegevens: unknown;

  @ApiProperty({ description: 'Hash van de vorige regel; 64 nullen bij de eerste.', ...HASH })
  vorigeHash: string;

  @ApiProperty({ description: 'Hash van deze regel.', ...HASH })
  hash: string;
}

@ApiSchema({ name: 'TijdlijnLinks', description: 'Links van de pagina.' })
export class TijdlijnLinksDto {
  @ApiProperty({ type: LinkDto })
  self: LinkDto;

  @ApiPropertyOptional({ type: LinkDto, description: 'De volgende pagina; ontbreekt op de laatste.' })
  next?: LinkDto;
}

@ApiSchema({ name: 'Tijdlijn', description: 'Een pagina van de tijdlijn van een vraagstuk, oudste eerst.' })
export class TijdlijnDto {
  @ApiProperty({ type: [TijdlijnRegelDto] })
  regels: TijdlijnRegelDto[];

  @ApiProperty({ type: TijdlijnLinksDto })
  _links: TijdlijnLinksDto;
}

@ApiSchema({ name: 'TijdlijnFout', description: 'De eerste regel die niet klopt.' })
export class TijdlijnFoutDto {
  @ApiProperty({ minimum: 1 })
  volgnummer: number;

  @ApiProperty({ enum: ['hash', 'keten', 'volgnummer'], description: '`hash`: de inhoud is veranderd; `keten`: de verwijzing naar de vorige regel klopt niet; `volgnummer`: een regel ontbreekt of staat op de verkeerde plaats.' })
  reden: 'hash' | 'keten' | 'volgnummer';
}

@ApiSchema({ name: 'TijdlijnVerificatie', description: 'Uitkomst van het narekenen van alle hashes van de tijdlijn.' })
export class TijdlijnVerificatieDto implements TijdlijnVerificatie {
  @ApiProperty({ description: 'Waar als geen enkele regel achteraf is veranderd.' })
  geldig: boolean;

  @ApiProperty({ description: 'Aantal nagerekende regels.', minimum: 0 })
  aantal: number;

  @ApiPropertyOptional({ type: TijdlijnFoutDto, description: 'Ontbreekt als de tijdlijn klopt.' })
  eersteFout?: TijdlijnFoutDto;
}
