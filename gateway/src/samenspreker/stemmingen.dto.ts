import { ApiProperty, ApiPropertyOptional, ApiSchema, OmitType } from '@nestjs/swagger';
import {
  BATCHNUMMER_PATTERN,
  BONNETJE_PATTERN,
  KIESGERECHTIGDEN_SOORTEN,
  type Kiesgerechtigden,
  PAPIEREN_BATCH_MAX,
  type PapierenBatchOntvangst,
  type ProcesVerbaal,
  STEMKANALEN,
  type Stemkanaal,
  STEMMING_SOORTEN,
  STEMMING_STATUSSEN,
  type StembiljetInvoer,
  type StemmingExport,
  type StemmingIntrekking,
  type StemmingRegels,
  type StemmingSoort,
  type StemmingStatus,
  type StemmingUitslag,
  type StemmingView,
  type StemVraag,
} from '@samen/contracts';
import { Allow, ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

const HASH = { pattern: '^[0-9a-f]{64}$', example: 'a3f5c1d2e4b6a8c0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8' };
const BONNETJE_VOORBEELD = '7K2M-Q9XD-4HBT-0R6W-JC8N-E3YP-5VA1';

export class StemmingIdParams {
  @ApiProperty({ description: 'Id van de stemming.', format: 'uuid', example: '9e4b2d1c-7a3f-4c5e-8b6d-0f1a2b3c4d5e' })
  @IsUUID('4', { message: 'stemmingId moet een uuid zijn' })
  stemmingId: string;
}

@ApiSchema({ name: 'StemOptie', description: 'Een antwoordmogelijkheid.' })
export class StemOptieDto {
  @ApiProperty({ description: 'Id: kleine letters, cijfers en streepjes; niet `blanco` of `ongeldig`.', pattern: '^[a-z0-9][a-z0-9-]{0,39}$', example: 'ja' })
  id: string;

  @ApiProperty({ description: 'Wat er op het stembiljet staat.', minLength: 1, maxLength: 200, example: 'Ja, een 30-kilometerzone' })
  tekst: string;
}

@ApiSchema({ name: 'StemVraag', description: 'Een vraag met 2 tot 10 antwoordmogelijkheden.' })
export class StemVraagDto implements StemVraag {
  @ApiProperty({ description: 'Id van de vraag.', pattern: '^[a-z0-9][a-z0-9-]{0,39}$', example: 'snelheid' })
  id: string;

  @ApiProperty({ description: 'De vraag.', minLength: 1, maxLength: 500, example: 'Wordt de Dorpsstraat een 30-kilometerzone?' })
  tekst: string;

  @ApiProperty({ type: [StemOptieDto], minItems: 2, maxItems: 10 })
  opties: StemOptieDto[];
}

@ApiSchema({ name: 'Kiesgerechtigden', description: 'Wie mag stemmen: de geverifieerde inwoners van een gebied, of de deelnemers aan de tafel.' })
export class KiesgerechtigdenDto {
  @ApiProperty({ enum: KIESGERECHTIGDEN_SOORTEN, example: 'inwoners-gebied' })
  soort: Kiesgerechtigden['soort'];

  @ApiPropertyOptional({ description: 'Bij inwoners-gebied: code van de wijk of buurt (of de gemeente).', example: 'WK063701' })
  gebied?: string;
}

@ApiSchema({
  name: 'StemmingAanmaken',
  description: 'De regels van een nieuwe stemming. Samenspreker vult versie, ids en gemeente aan, en bij een bindende stemming drempel en quorum uit de instellingen van de gemeente.',
})
export class StemmingAanmakenDto {
  @ApiProperty({ description: 'Titel.', minLength: 3, maxLength: 200, example: 'Snelheid in de Dorpsstraat' })
  @Allow()
  titel: string;

  @ApiProperty({ description: 'advies: meerkeuzevragen over richting en tempo; bindend: referendumvragen.', enum: STEMMING_SOORTEN, example: 'bindend' })
  @Allow()
  soort: StemmingSoort;

  @ApiProperty({ type: KiesgerechtigdenDto })
  @IsObject()
  kiesgerechtigden: KiesgerechtigdenDto;

  @ApiProperty({ type: [StemVraagDto], description: 'Hoogstens zoveel als de gemeente toestaat (standaard 7 adviesvragen of 3 bindende).' })
  @IsArray()
  vragen: StemVraagDto[];

  @ApiPropertyOptional({ description: 'Bindend: een antwoord bindt met méér dan dit percentage van de geldige stemmen (standaard die van de gemeente).', minimum: 50, maximum: 99 })
  @Allow()
  drempelPercentage?: number;

  @ApiPropertyOptional({ description: 'Bindend: minimale opkomst in procenten van de kiesgerechtigden; 0 = geen quorum (standaard die van de gemeente).', minimum: 0, maximum: 100 })
  @Allow()
  opkomstquorumPercentage?: number;

  @ApiProperty({ description: 'Vanaf wanneer gestemd kan worden (UTC, in de toekomst).', format: 'date-time', example: '2026-12-01T08:00:00Z' })
  @Allow()
  openingTijdstip: string;

  @ApiProperty({ description: 'Tot wanneer (UTC, niet inbegrepen).', format: 'date-time', example: '2026-12-15T20:00:00Z' })
  @Allow()
  sluitingTijdstip: string;

  @ApiProperty({ description: 'Digitaal, op papier, of beide.', enum: STEMKANALEN, isArray: true, example: ['digitaal', 'papier'] })
  @IsArray()
  kanalen: Stemkanaal[];

  @ApiPropertyOptional({ description: 'Bij inwoners-gebied (verplicht): hoeveel inwoners mogen stemmen, de basis van opkomst en quorum; ligt vast met de regels.', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  aantalKiesgerechtigden?: number;
}

@ApiSchema({ name: 'StemmingRegels', description: 'De gepubliceerde regels, machineleesbaar; `regelsHash` is sha256 over hun canonieke JSON.' })
export class StemmingRegelsDto extends OmitType(StemmingAanmakenDto, ['aantalKiesgerechtigden'] as const) {
  @ApiProperty({ enum: [1] })
  versie: 1;

  @ApiProperty({ format: 'uuid' })
  stemmingId: string;

  @ApiProperty({ format: 'uuid' })
  vraagstukId: string;

  @ApiProperty({ example: 'GM0637' })
  gemeente: string;
}

@ApiSchema({ name: 'StemmingIntrekking', description: 'Waarom en wanneer de stemming vóór haar opening is ingetrokken; openbaar.' })
export class StemmingIntrekkingDto implements StemmingIntrekking {
  @ApiProperty({ description: 'De openbare reden.', example: 'De vraag was onduidelijk gesteld; er komt een nieuwe stemming.' })
  motivatie: string;

  @ApiProperty({ format: 'date-time' })
  tijdstip: string;
}

@ApiSchema({ name: 'StemmingIntrekken', description: 'Een gepubliceerde stemming vóór haar opening intrekken, met een openbare reden.' })
export class StemmingIntrekkenDto {
  @ApiProperty({ description: 'Waarom; openbaar (op de stemming, de tijdlijn en in het bericht).', minLength: 1, maxLength: 2000, example: 'De vraag was onduidelijk gesteld; er komt een nieuwe stemming.' })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'motivatie moet meer dan witruimte zijn / motivatie must be more than whitespace' })
  motivatie: string;
}

@ApiSchema({ name: 'Stemming', description: 'Een stemming met haar gepubliceerde regels; openbaar.' })
export class StemmingDto implements StemmingView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  vraagstukId: string;

  @ApiProperty({ example: 'GM0637' })
  gemeente: string;

  @ApiProperty({
    description: 'gepubliceerd: regels openbaar, stemmen tussen opening en sluiting; gesloten: geteld, uitslag openbaar; ingetrokken: vóór de opening ingetrokken, zonder uitslag (zie intrekking).',
    enum: STEMMING_STATUSSEN,
  })
  status: StemmingStatus;

  @ApiProperty({ type: StemmingRegelsDto })
  regels: StemmingRegels;

  @ApiProperty({ description: 'sha256 (hex) van de canonieke JSON van de regels, zoals op de tijdlijn.', ...HASH })
  regelsHash: string;

  @ApiPropertyOptional({ description: 'Inwoners-gebied: vastgelegd bij publicatie.' })
  aantalKiesgerechtigden?: number;

  @ApiProperty({ format: 'date-time' })
  aangemaaktTijdstip: string;

  @ApiPropertyOptional({ description: 'Na sluiting: sha256 van het proces-verbaal, zoals op de tijdlijn.', ...HASH })
  procesVerbaalHash?: string;

  @ApiPropertyOptional({ type: StemmingIntrekkingDto, description: 'Alleen bij status ingetrokken.' })
  intrekking?: StemmingIntrekkingDto;
}

@ApiSchema({ name: 'Stemmingen', description: 'De stemmingen over een vraagstuk, oudste eerst.' })
export class StemmingenDto {
  @ApiProperty({ type: [StemmingDto] })
  stemmingen: StemmingDto[];
}

@ApiSchema({ name: 'Stembiljet', description: 'Per vraag-id het gekozen antwoord-id; `null`, `blanco` of een weggelaten vraag is blanco.' })
export class StembiljetDto implements StembiljetInvoer {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', nullable: true }, example: { snelheid: 'ja' } })
  @IsObject()
  antwoorden: Record<string, string | null>;
}

@ApiSchema({ name: 'StemBewijs', description: 'Uw bonnetje: bewijst dat uw stem is meegeteld, niet wat u stemde.' })
export class StemBewijsDto {
  @ApiProperty({ description: 'Bonnetjescode; staat na sluiting in de gepubliceerde lijst.', pattern: BONNETJE_PATTERN.source, example: BONNETJE_VOORBEELD })
  bonnetje: string;
}

@ApiSchema({ name: 'PapierenStembiljetten', description: 'Een batch papieren stembiljetten: aantal, kiezers en biljetten moeten kloppen.' })
export class PapierenStembiljettenDto {
  @ApiProperty({ description: 'Nummer van de batch, uniek per stemming.', pattern: BATCHNUMMER_PATTERN.source, example: 'B-007' })
  @Matches(BATCHNUMMER_PATTERN, { message: 'batchnummer moet 1 tot 40 letters, cijfers of - _ . zijn' })
  batchnummer: string;

  @ApiProperty({ description: 'Het met de hand getelde aantal enveloppen.', minimum: 1, maximum: PAPIEREN_BATCH_MAX })
  @IsInt()
  @Min(1)
  @Max(PAPIEREN_BATCH_MAX)
  aantal: number;

  @ApiProperty({ description: 'De account-ids van wie in deze batch stemden (elk één keer).', type: [String], format: 'uuid', maxItems: PAPIEREN_BATCH_MAX })
  @IsArray()
  @ArrayMaxSize(PAPIEREN_BATCH_MAX)
  @ArrayUnique({ message: 'kiezers mag niemand twee keer noemen' })
  @IsUUID('4', { each: true })
  kiezers: string[];

  @ApiProperty({ description: 'De stembiljetten zoals ingevuld; meerdere kruisjes bij een vraag: een lijst (telt als ongeldig).', type: [StembiljetDto], maxItems: PAPIEREN_BATCH_MAX })
  @IsArray()
  @ArrayMaxSize(PAPIEREN_BATCH_MAX)
  @IsObject({ each: true })
  stembiljetten: StembiljetInvoer[];

  @ApiPropertyOptional({ description: 'Enveloppen van deze batch die ongeopend apart zijn gelegd omdat de kiezer al had gestemd: alleen het aantal, voor de tijdlijn.', minimum: 0, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(PAPIEREN_BATCH_MAX)
  terzijdeGelegd?: number;
}

@ApiSchema({ name: 'PapierenBatchOntvangst', description: 'De bonnetjes van de batch, geschud: voor de enveloppen, niet per kiezer.' })
export class PapierenBatchOntvangstDto implements PapierenBatchOntvangst {
  @ApiProperty({ format: 'uuid' })
  stemmingId: string;

  @ApiProperty({ example: 'B-007' })
  batchnummer: string;

  @ApiProperty()
  aantal: number;

  @ApiProperty({ type: [String], example: [BONNETJE_VOORBEELD] })
  bonnetjes: string[];
}

@ApiSchema({ name: 'StemmingUitslag', description: 'Het proces-verbaal van de telling; de hash staat op de tijdlijn van het vraagstuk.' })
export class StemmingUitslagDto implements StemmingUitslag {
  @ApiProperty({ format: 'uuid' })
  stemmingId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Per vraag de stemmen per antwoord, blanco en ongeldig, de opkomst, het quorum en de uitkomst (advies of bindend), met toelichting (docs/stemmingen.md).',
  })
  procesVerbaal: ProcesVerbaal;

  @ApiProperty({ description: 'sha256 (hex) van de canonieke JSON van het proces-verbaal.', ...HASH })
  procesVerbaalHash: string;

  @ApiProperty({ format: 'date-time' })
  geslotenTijdstip: string;
}

@ApiSchema({
  name: 'StemmingExport',
  description: 'Alles om de uitslag zelf na te tellen (`node dist/services/samenspreker/src/main.js hertel <bestand>`): regels, geschudde stembiljetten, apart geschudde bonnetjes, proces-verbaal.',
})
export class StemmingExportDto {
  @ApiProperty({ enum: ['samen-stemming-export'] })
  formaat: StemmingExport['formaat'];

  @ApiProperty({ enum: [1] })
  versie: 1;

  @ApiProperty({ type: StemmingRegelsDto })
  regels: StemmingRegels;

  @ApiProperty()
  aantalKiesgerechtigden: number;

  @ApiProperty({ description: 'Per biljet per vraag: antwoord-id, `blanco` of `ongeldig`; geschud.', type: 'array', items: { type: 'array', items: { type: 'string' } } })
  stembiljetten: string[][];

  @ApiProperty({ description: 'De bonnetjescodes, apart geschud; evenveel als stembiljetten.', type: [String] })
  bonnetjes: string[];

  @ApiProperty({ type: 'object', additionalProperties: true })
  procesVerbaal: ProcesVerbaal;

  @ApiProperty(HASH)
  procesVerbaalHash: string;
}
