import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  GebiedRef,
  NieuwVraagstuk,
  SEGMENTEN,
  type Segment,
  VRAAGSTUK_FASEN,
  VRAAGSTUK_SOORTEN,
  VRAAGSTUKKEN_MAX_LIMIET,
  VRAAGSTUKKEN_MAX_ZOEKTEKST,
  VRAAGSTUKKEN_STANDAARD_LIMIET,
  VraagstukId,
  type VraagstukFase,
  type VraagstukSoort,
  type VraagstukView,
} from '@samen/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { LinkDto } from '../identity/avg.dto';

const UUID_EXAMPLE = '3c6e0b8a-9c1d-4f2e-8a7b-6d5c4b3a2f10';

/** How every public samenspreker response names a person (see docs/architecture.md, "Personen in samenspreker (AVG)"). */
export const PSEUDONIEM = {
  description:
    'Pseudoniem van de persoon binnen dit vraagstuk: overal in het vraagstuk hetzelfde (tijdlijn, posities, reacties, tafel), in elk ander vraagstuk anders. `verwijderd` voor een verwijderd account.',
  pattern: '^([0-9a-f]{20}|verwijderd)$',
  example: '4be1c07d93a2f5e86d10',
} as const;

/** Set on the caller's own contributions. */
export const EIGEN = { description: 'Alleen aanwezig (true) als u dit zelf bent.', enum: [true] } as const;

export class VraagstukIdParams extends VraagstukId {
  @ApiProperty({ description: 'Id van het vraagstuk.', format: 'uuid', example: UUID_EXAMPLE })
  override id: string;
}

@ApiSchema({ name: 'Gebied', description: 'Het gebied van een vraagstuk: code en naam (CBS-code van wijk of buurt, of een eigen code).' })
export class GebiedDto extends GebiedRef {
  @ApiProperty({ description: 'Code van het gebied.', pattern: '^[A-Za-z0-9_.-]{1,40}$', example: 'BU06370101' })
  override code: string;

  @ApiProperty({ description: 'Naam van het gebied.', minLength: 1, maxLength: 200, example: 'Dorp' })
  override naam: string;
}

@ApiSchema({ name: 'VraagstukAanmaken', description: 'Een nieuw vraagstuk; wie het indient wordt initiatiefnemer.' })
export class VraagstukAanmakenDto extends NieuwVraagstuk {
  @ApiProperty({ description: 'Een probleem of een kans.', enum: VRAAGSTUK_SOORTEN, example: 'probleem' })
  override soort: VraagstukSoort;

  @ApiProperty({ description: 'Korte titel.', minLength: 3, maxLength: 200, example: 'Hardrijders in de Dorpsstraat' })
  override titel: string;

  @ApiProperty({ description: 'Wat er speelt.', minLength: 1, maxLength: 10000, example: 'Er wordt te hard gereden.' })
  override omschrijving: string;

  @ApiProperty({ type: GebiedDto })
  @ValidateNested()
  @Type(() => GebiedDto)
  override gebied: GebiedDto;

  @ApiPropertyOptional({ description: "Thema's (hoogstens 10).", type: [String], maxItems: 10, example: ['verkeer'] })
  override themas?: string[];
}

@ApiSchema({ name: 'FaseOvergang', description: 'Een vraagstuk naar een andere fase brengen, met motivatie.' })
export class FaseOvergangDto {
  @ApiProperty({ description: 'De nieuwe fase.', enum: VRAAGSTUK_FASEN, example: 'oplossingen' })
  @IsIn(VRAAGSTUK_FASEN)
  naar: VraagstukFase;

  @ApiProperty({ description: 'Waarom; openbaar (bij afwijzen is dit de openbare reden).', minLength: 1, maxLength: 2000, example: 'Genoeg steun uit de buurt.' })
  @IsString()
  @Length(1, 2000)
  motivatie: string;
}

@ApiSchema({ name: 'Initiatiefnemer', description: 'Wie het vraagstuk indiende, als inwoner of namens een organisatie.' })
export class InitiatiefnemerDto {
  @ApiProperty(PSEUDONIEM)
  pseudoniem: string;

  @ApiProperty({ description: 'Segment waarin de initiatiefnemer meepraat.', enum: SEGMENTEN, example: 'inwoner' })
  segment: Segment;

  @ApiPropertyOptional({ description: 'Id van de organisatie waarvoor de initiatiefnemer optrad.', format: 'uuid' })
  organisatie?: string;

  @ApiPropertyOptional(EIGEN)
  eigen?: true;
}

@ApiSchema({ name: 'VraagstukSteun', description: 'Hoeveel steun het vraagstuk heeft; wie steunde is niet openbaar.' })
export class VraagstukSteunDto {
  @ApiProperty({ description: 'Aantal steunbetuigingen (personen voor zichzelf en organisaties).', minimum: 0, example: 12 })
  aantal: number;

  @ApiProperty({ description: 'Bij zoveel steunbetuigingen komt het vraagstuk vanzelf op de agenda; de steundrempel van de gemeente toen het werd ingediend.', minimum: 1, example: 25 })
  drempel: number;
}

@ApiSchema({ name: 'Reactietermijn', description: 'Wanneer de gemeente uiterlijk reageert (het vraagstuk uit de fase agendering haalt), zoals beloofd toen het werd ingediend.' })
export class ReactietermijnDto {
  @ApiProperty({ description: 'Uiterlijk dan (UTC).', format: 'date-time', example: '2026-12-17T09:00:00Z' })
  uiterlijk: string;

  @ApiProperty({ description: 'Waar als het vraagstuk na dit moment nog in de fase agendering is: de gemeente heeft niet op tijd gereageerd.' })
  verstreken: boolean;
}

@ApiSchema({ name: 'Vraagstuk', description: 'Een probleem of kans in een gemeente, met zijn fase; openbaar.' })
export class VraagstukDto implements VraagstukView {
  @ApiProperty({ description: 'Id van het vraagstuk.', format: 'uuid', example: UUID_EXAMPLE })
  id: string;

  @ApiProperty({ description: 'CBS-code van de gemeente.', pattern: '^GM\\d{4}$', example: 'GM0637' })
  gemeente: string;

  @ApiProperty({ description: 'Een probleem of een kans.', enum: VRAAGSTUK_SOORTEN, example: 'probleem' })
  soort: VraagstukSoort;

  @ApiProperty({ description: 'Titel.', example: 'Hardrijders in de Dorpsstraat' })
  titel: string;

  @ApiProperty({ description: 'Omschrijving.', example: 'Er wordt te hard gereden.' })
  omschrijving: string;

  @ApiProperty({ type: GebiedDto })
  gebied: GebiedDto;

  @ApiProperty({ description: "Thema's.", type: [String], example: ['verkeer'] })
  themas: string[];

  @ApiProperty({ type: InitiatiefnemerDto })
  initiatiefnemer: InitiatiefnemerDto;

  @ApiProperty({ description: 'De huidige fase.', enum: VRAAGSTUK_FASEN, example: 'agendering' })
  fase: VraagstukFase;

  @ApiProperty({ description: 'Sinds wanneer het in deze fase is (UTC).', format: 'date-time', example: '2026-11-27T09:00:00Z' })
  faseSinds: string;

  @ApiProperty({ description: 'Wanneer het werd ingediend (UTC).', format: 'date-time', example: '2026-11-27T09:00:00Z' })
  aangemaaktTijdstip: string;

  @ApiProperty({ type: VraagstukSteunDto })
  steun: VraagstukSteunDto;

  @ApiProperty({ type: ReactietermijnDto })
  reactietermijn: ReactietermijnDto;
}

@ApiSchema({ name: 'VraagstukkenLinks', description: 'Links van de pagina.' })
export class VraagstukkenLinksDto {
  @ApiProperty({ type: LinkDto })
  self: LinkDto;

  @ApiPropertyOptional({ type: LinkDto, description: 'De volgende pagina; ontbreekt op de laatste.' })
  next?: LinkDto;
}

@ApiSchema({ name: 'Vraagstukken', description: 'Een pagina vraagstukken van een gemeente, nieuwste eerst.' })
export class VraagstukkenDto {
  @ApiProperty({ type: [VraagstukDto] })
  vraagstukken: VraagstukDto[];

  @ApiProperty({ type: VraagstukkenLinksDto })
  _links: VraagstukkenLinksDto;
}

export class VraagstukkenQueryDto {
  @ApiPropertyOptional({ description: 'Alleen vraagstukken in deze fase.', enum: VRAAGSTUK_FASEN })
  @IsOptional()
  @IsIn(VRAAGSTUK_FASEN)
  fase?: VraagstukFase;

  @ApiPropertyOptional({ description: 'Alleen problemen of alleen kansen.', enum: VRAAGSTUK_SOORTEN })
  @IsOptional()
  @IsIn(VRAAGSTUK_SOORTEN)
  soort?: VraagstukSoort;

  @ApiPropertyOptional({ description: 'Alleen vraagstukken in het gebied met deze code.', pattern: '^[A-Za-z0-9_.-]{1,40}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,40}$/, { message: 'gebied moet een gebiedscode zijn' })
  gebied?: string;

  @ApiPropertyOptional({ description: "Alleen vraagstukken met dit thema (precies zo geschreven).", minLength: 1, maxLength: 60, example: 'verkeer' })
  @IsOptional()
  @IsString()
  @Length(1, 60, { message: 'thema moet 1 tot 60 tekens zijn' })
  thema?: string;

  @ApiPropertyOptional({
    description: 'Zoeken in titel en omschrijving (Nederlands: ook andere vormen van een woord). Zoals in een zoekvak: woorden, "een zinsdeel", -zonder.',
    minLength: 1,
    maxLength: VRAAGSTUKKEN_MAX_ZOEKTEKST,
    example: 'hardrijders',
  })
  @IsOptional()
  @IsString()
  @Length(1, VRAAGSTUKKEN_MAX_ZOEKTEKST, { message: `q moet 1 tot ${VRAAGSTUKKEN_MAX_ZOEKTEKST} tekens zijn` })
  q?: string;

  @ApiPropertyOptional({ description: 'true: alleen vraagstukken waarop de gemeente niet op tijd reageerde (nog in agendering na de reactietermijn); false: de andere.', type: Boolean })
  @IsOptional()
  // Query strings are text; only the two words are booleans, anything else stays text and fails.
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'termijnVerstreken moet true of false zijn' })
  termijnVerstreken?: boolean;

  @ApiPropertyOptional({ description: 'Cursor uit de link `next` van de vorige pagina.', pattern: '^[A-Za-z0-9_-]{1,400}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'na moet een cursor uit een vorig antwoord zijn' })
  na?: string;

  @ApiPropertyOptional({ description: 'Hoeveel per pagina.', minimum: 1, maximum: VRAAGSTUKKEN_MAX_LIMIET, default: VRAAGSTUKKEN_STANDAARD_LIMIET })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limiet moet een geheel getal zijn' })
  @Min(1)
  @Max(VRAAGSTUKKEN_MAX_LIMIET)
  limiet?: number;
}

/** Copies only the contract's fields: whatever else a bouwsteen sends does not leak out. */
export function toVraagstukDto(v: VraagstukView): VraagstukDto {
  return {
    id: v.id,
    gemeente: v.gemeente,
    soort: v.soort,
    titel: v.titel,
    omschrijving: v.omschrijving,
    gebied: { code: v.gebied.code, naam: v.gebied.naam },
    themas: [...v.themas],
    initiatiefnemer: {
      pseudoniem: v.initiatiefnemer.pseudoniem,
      segment: v.initiatiefnemer.segment,
      ...(v.initiatiefnemer.organisatie ? { organisatie: v.initiatiefnemer.organisatie } : {}),
      ...(v.initiatiefnemer.eigen ? { eigen: true as const } : {}),
    },
    fase: v.fase,
    faseSinds: v.faseSinds,
    aangemaaktTijdstip: v.aangemaaktTijdstip,
    steun: { aantal: v.steun.aantal, drempel: v.steun.drempel },
    reactietermijn: { uiterlijk: v.reactietermijn.uiterlijk, verstreken: v.reactietermijn.verstreken },
  };
}
