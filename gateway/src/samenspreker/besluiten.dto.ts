import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { BESLUIT_ORGANEN, BesluitInvoer, type BesluitOrgaan, type BesluitView, OplossingVersieRef } from '@samen/contracts';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { VraagstukIdParams } from './vraagstukken.dto';

const UUID_EXAMPLE = '7d2b1f3e-4c5a-4b6d-9e8f-0a1b2c3d4e5f';

export class BesluitParams extends VraagstukIdParams {
  @ApiProperty({ description: 'Id van het besluit.', format: 'uuid', example: UUID_EXAMPLE })
  @IsUUID(undefined, { message: 'besluitId moet een uuid zijn' })
  besluitId: string;
}

@ApiSchema({ name: 'OplossingVersie', description: 'Een versie van een oplossing waarover besloten is.' })
export class OplossingVersieDto extends OplossingVersieRef {
  @ApiProperty({ description: 'Id van de oplossing.', format: 'uuid', example: UUID_EXAMPLE })
  override oplossingId: string;

  @ApiProperty({ description: 'Versienummer van de oplossing.', minimum: 1, example: 2 })
  override versie: number;
}

@ApiSchema({ name: 'BesluitVastleggen', description: 'Een besluit; het wordt meteen gepubliceerd en verandert daarna niet meer.' })
export class BesluitAanmakenDto extends BesluitInvoer {
  @ApiProperty({ description: 'Wie besloot: het college, de gemeenteraad, de tafel zelf of een organisatie.', enum: BESLUIT_ORGANEN, example: 'college' })
  override orgaan: BesluitOrgaan;

  @ApiPropertyOptional({ description: 'Id van de organisatie die besloot; verplicht bij orgaan organisatie, anders niet toegestaan.', format: 'uuid' })
  override organisatie?: string;

  @ApiProperty({ description: 'Wat er besloten is.', minLength: 1, maxLength: 20000, example: 'Er komen drie drempels in de Dorpsstraat.' })
  override tekst: string;

  @ApiProperty({ description: 'Waarom.', minLength: 1, maxLength: 20000, example: 'De tafel koos deze oplossing; de buurt steunt haar.' })
  override motivatie: string;

  @ApiProperty({ description: 'De versies van oplossingen waarover besloten is (mag leeg zijn).', type: [OplossingVersieDto], maxItems: 50 })
  @ValidateNested({ each: true })
  @Type(() => OplossingVersieDto)
  override oplossingVersies: OplossingVersieDto[];

  @ApiProperty({ description: 'Ids van gesloten stemmingen van dit vraagstuk waarvan de uitslag meewoog (mag leeg zijn); hun proces-verbaal staat op de tijdlijn.', type: [String], format: 'uuid', maxItems: 20, example: [] })
  override stemmingen: string[];

  @ApiProperty({ description: 'De dag waarop besloten is; niet in de toekomst.', format: 'date', example: '2026-11-27' })
  override datum: string;

  @ApiPropertyOptional({ description: 'Id van een eerder besluit van dit vraagstuk dat dit besluit corrigeert; elk besluit wordt hoogstens één keer gecorrigeerd.', format: 'uuid' })
  override corrigeert?: string;
}

@ApiSchema({ name: 'Besluit', description: 'Een gepubliceerd besluit over een vraagstuk; openbaar en onveranderlijk.' })
export class BesluitDto implements BesluitView {
  @ApiProperty({ description: 'Id van het besluit.', format: 'uuid', example: UUID_EXAMPLE })
  id: string;

  @ApiProperty({ description: 'Id van het vraagstuk.', format: 'uuid' })
  vraagstukId: string;

  @ApiProperty({ description: 'Wie besloot.', enum: BESLUIT_ORGANEN, example: 'college' })
  orgaan: BesluitOrgaan;

  @ApiPropertyOptional({ description: 'Id van de organisatie die besloot (bij orgaan organisatie).', format: 'uuid' })
  organisatie?: string;

  @ApiProperty({ description: 'Wat er besloten is.' })
  tekst: string;

  @ApiProperty({ description: 'Waarom.' })
  motivatie: string;

  @ApiProperty({ type: [OplossingVersieDto] })
  oplossingVersies: OplossingVersieDto[];

  @ApiProperty({ description: 'Ids van de stemmingen die meewogen.', type: [String], format: 'uuid' })
  stemmingen: string[];

  @ApiProperty({ description: 'De dag waarop besloten is.', format: 'date', example: '2026-11-27' })
  datum: string;

  @ApiPropertyOptional({ description: 'Het eerdere besluit dat dit besluit corrigeert.', format: 'uuid' })
  corrigeert?: string;

  @ApiPropertyOptional({ description: 'Het latere besluit dat dit besluit corrigeert; ontbreekt als het niet gecorrigeerd is.', format: 'uuid' })
  gecorrigeerdDoor?: string;

  @ApiProperty({ description: 'Wanneer het gepubliceerd werd (UTC).', format: 'date-time', example: '2026-11-27T09:00:00Z' })
  gepubliceerdTijdstip: string;
}

@ApiSchema({ name: 'Besluiten', description: 'De besluiten over een vraagstuk, oudste eerst.' })
export class BesluitenDto {
  @ApiProperty({ type: [BesluitDto] })
  besluiten: BesluitDto[];
}

/** Copies only the contract's fields: whatever else a bouwsteen sends does not leak out. */
export function toBesluitDto(b: BesluitView): BesluitDto {
  return {
    id: b.id,
    vraagstukId: b.vraagstukId,
    orgaan: b.orgaan,
    ...(b.organisatie ? { organisatie: b.organisatie } : {}),
    tekst: b.tekst,
    motivatie: b.motivatie,
    oplossingVersies: b.oplossingVersies.map(({ oplossingId, versie }) => ({ oplossingId, versie })),
    stemmingen: [...b.stemmingen],
    datum: b.datum,
    ...(b.corrigeert ? { corrigeert: b.corrigeert } : {}),
    ...(b.gecorrigeerdDoor ? { gecorrigeerdDoor: b.gecorrigeerdDoor } : {}),
    gepubliceerdTijdstip: b.gepubliceerdTijdstip,
  };
}
