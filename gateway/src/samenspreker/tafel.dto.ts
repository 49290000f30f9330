import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  DEELNEMER_STATUSSEN,
  type DeelnemerStatus,
  type DeelnemerView,
  SEGMENTEN,
  type Segment,
  TAFEL_NAMENS,
  TAFEL_ROLLEN,
  type TafelNamens,
  type TafelRol,
  type TafelView,
  TOEWIJSBARE_TAFEL_ROLLEN,
  type ToewijsbareTafelRol,
} from '@samen/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PSEUDONIEM, VraagstukIdParams } from './vraagstukken.dto';

const UUID_EXAMPLE = '7a1e4c2b-8d3f-4b6a-9c0e-1f2a3b4c5d6e';

export class TafelDeelnemerParams extends VraagstukIdParams {
  @ApiProperty({ description: 'Id van de plaats aan tafel (de deelnemer), uit GET …/tafel.', format: 'uuid', example: UUID_EXAMPLE })
  @IsUUID(undefined, { message: 'deelnemerId moet een uuid zijn' })
  deelnemerId: string;
}

@ApiSchema({ name: 'TafelUitnodiging', description: 'Iemand uitnodigen aan tafel, in een rol, voor een segment (en eventueel namens een organisatie).' })
export class TafelUitnodigingDto {
  @ApiProperty({ description: 'Id van het account dat u uitnodigt (de uitgenodigde vindt het in GET /mij).', format: 'uuid', example: UUID_EXAMPLE })
  @IsUUID(undefined, { message: 'accountId moet een uuid zijn' })
  accountId: string;

  @ApiProperty({
    description: 'De rol aan tafel. voorzitter, besluitvormer en uitvoerder geeft alleen de voorzitter of de gemeente; initiatiefnemer is wie het vraagstuk indiende.',
    enum: TOEWIJSBARE_TAFEL_ROLLEN,
    example: 'deelnemer',
  })
  @IsIn(TOEWIJSBARE_TAFEL_ROLLEN)
  rol: ToewijsbareTafelRol;

  @ApiProperty({ description: 'Het segment dat de uitgenodigde vertegenwoordigt.', enum: SEGMENTEN, example: 'bedrijfsleven' })
  @IsIn(SEGMENTEN)
  segment: Segment;

  @ApiPropertyOptional({ description: 'De organisatie die de uitgenodigde vertegenwoordigt; dan gaat hij of zij alleen namens die organisatie aan tafel. Niet bij segment inwoner.', format: 'uuid' })
  @IsOptional()
  @IsUUID(undefined, { message: 'organisatie moet een uuid zijn' })
  organisatie?: string;
}

@ApiSchema({ name: 'TafelToetreding', description: 'Aan tafel gaan: met uw uitnodiging, of als deelnemer aan de open tafel.' })
export class TafelToetredingDto {
  @ApiPropertyOptional({
    description: 'Voor wie u aan de open tafel gaat: uzelf (als inwoner) of de organisatie waarvoor uw token nu handelt. Zonder: zoals uw token nu handelt.',
    enum: TAFEL_NAMENS,
  })
  @IsOptional()
  @IsIn(TAFEL_NAMENS)
  namens?: TafelNamens;
}

@ApiSchema({ name: 'TafelRolWijziging', description: 'Een andere rol aan tafel.' })
export class TafelRolWijzigingDto {
  @ApiProperty({ description: 'De nieuwe rol.', enum: TOEWIJSBARE_TAFEL_ROLLEN, example: 'besluitvormer' })
  @IsIn(TOEWIJSBARE_TAFEL_ROLLEN)
  rol: ToewijsbareTafelRol;
}

@ApiSchema({ name: 'Deelnemer', description: 'Een plaats aan tafel: rol, segment, organisatie en pseudoniem zijn openbaar, het account niet.' })
export class DeelnemerDto implements DeelnemerView {
  @ApiProperty({ description: 'Id van de plaats aan tafel.', format: 'uuid', example: UUID_EXAMPLE })
  id: string;

  @ApiProperty({ description: 'Id van het vraagstuk.', format: 'uuid' })
  vraagstukId: string;

  @ApiPropertyOptional({ description: 'Id van het account; alleen voor wie zelf aan deze tafel zit en voor medewerkers van de gemeente (AVG).', format: 'uuid' })
  accountId?: string;

  @ApiProperty(PSEUDONIEM)
  pseudoniem: string;

  @ApiProperty({ description: 'De rol aan tafel.', enum: TAFEL_ROLLEN, example: 'deelnemer' })
  rol: TafelRol;

  @ApiProperty({ description: 'Het segment dat de deelnemer vertegenwoordigt.', enum: SEGMENTEN, example: 'inwoner' })
  segment: Segment;

  @ApiPropertyOptional({ description: 'Id van de organisatie die de deelnemer vertegenwoordigt.', format: 'uuid' })
  organisatie?: string;

  @ApiProperty({ description: 'uitgenodigd, actief (aan tafel) of vertrokken.', enum: DEELNEMER_STATUSSEN, example: 'actief' })
  status: DeelnemerStatus;

  @ApiProperty({ description: 'Sinds de uitnodiging of het aan tafel gaan, wat eerst kwam (UTC).', format: 'date-time', example: '2026-11-27T09:00:00Z' })
  sinds: string;
}

@ApiSchema({ name: 'TafelAantallen', description: 'Aantal actieve deelnemers per segment (waarnemers tellen niet mee).' })
export class TafelAantallenDto implements Record<Segment, number> {
  @ApiProperty({ minimum: 0 })
  gemeente: number;

  @ApiProperty({ minimum: 0 })
  bedrijfsleven: number;

  @ApiProperty({ minimum: 0 })
  maatschappelijk: number;

  @ApiProperty({ minimum: 0 })
  burgers: number;

  @ApiProperty({ minimum: 0 })
  inwoner: number;
}

@ApiSchema({ name: 'Vertegenwoordiging', description: 'Welke segmenten aan tafel vertegenwoordigd zijn, en welke niet.' })
export class VertegenwoordigingDto {
  @ApiProperty({ type: TafelAantallenDto })
  aantallen: TafelAantallenDto;

  @ApiProperty({ description: 'De segmenten die niemand aan tafel vertegenwoordigt.', enum: SEGMENTEN, isArray: true, example: ['bedrijfsleven', 'burgers'] })
  ontbrekend: Segment[];
}

@ApiSchema({ name: 'Tafel', description: 'De Samenspraaktafel van een vraagstuk: wie er zit of is uitgenodigd, en welke segmenten vertegenwoordigd zijn; openbaar.' })
export class TafelDto implements TafelView {
  @ApiProperty({ description: 'Id van het vraagstuk.', format: 'uuid' })
  vraagstukId: string;

  @ApiProperty({ type: [DeelnemerDto], description: 'Actieve en uitgenodigde deelnemers, wie het langst aan tafel zit eerst; wie vertrok staat alleen op de tijdlijn.' })
  deelnemers: DeelnemerDto[];

  @ApiProperty({ type: VertegenwoordigingDto })
  vertegenwoordiging: VertegenwoordigingDto;
}

/** Copies only the contract's fields: whatever else a bouwsteen sends does not leak out. */
export function toDeelnemerDto(d: DeelnemerView): DeelnemerDto {
  return {
    id: d.id,
    vraagstukId: d.vraagstukId,
    ...(d.accountId ? { accountId: d.accountId } : {}),
    pseudoniem: d.pseudoniem,
    rol: d.rol,
    segment: d.segment,
    ...(d.organisatie ? { organisatie: d.organisatie } : {}),
    status: d.status,
    sinds: d.sinds,
  };
}

export function toTafelDto(t: TafelView): TafelDto {
  const { aantallen, ontbrekend } = t.vertegenwoordiging;
  return {
    vraagstukId: t.vraagstukId,
    deelnemers: t.deelnemers.map(toDeelnemerDto),
    vertegenwoordiging: {
      aantallen: { gemeente: aantallen.gemeente, bedrijfsleven: aantallen.bedrijfsleven, maatschappelijk: aantallen.maatschappelijk, burgers: aantallen.burgers, inwoner: aantallen.inwoner },
      ontbrekend: [...ontbrekend],
    },
  };
}
