import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  BijdrageRef,
  OVERNAME_MAX,
  type OplossingSamenvatting,
  type OplossingView,
  POSITIES,
  type Positie,
  RONDE_STATUSSEN,
  REACTIES_MAX_LIMIET,
  REACTIES_STANDAARD_LIMIET,
  type ReactieList,
  type ReactieView,
  type RondeList,
  type RondeStatus,
  type RondeView,
  SEGMENTEN,
  SHORTLIST_GROOTTE,
  SHORTLIST_WIJZEN,
  type SamenspraakAuteur,
  type Segment,
  type ShortlistView,
  type ShortlistWijze,
} from '@samen/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { LinkDto } from '../identity/avg.dto';
import { EIGEN, PSEUDONIEM, VraagstukIdParams } from './vraagstukken.dto';

const UUID = { format: 'uuid', example: '7a1c9e52-0d3b-4f8e-9c6a-2b5d8e1f4a37' } as const;
const TIJDSTIP = { format: 'date-time', example: '2026-11-27T09:00:00Z' } as const;

// ---- path parameters ------------------------------------------------------------------------------

export class RondeParams extends VraagstukIdParams {
  @ApiProperty({ description: 'Nummer van de ronde: 1, 2, 3 … per vraagstuk.', minimum: 1, example: 1 })
  @Type(() => Number)
  @IsInt({ message: 'nummer moet een geheel getal zijn' })
  @Min(1)
  nummer: number;
}

export class OplossingParams extends VraagstukIdParams {
  @ApiProperty({ description: 'Id van de oplossing.', ...UUID })
  @IsUUID(undefined, { message: 'oplossingId moet een uuid zijn' })
  oplossingId: string;
}

export class VersieParams extends OplossingParams {
  @ApiProperty({ description: 'Versienummer: 1, 2, 3 … per oplossing.', minimum: 1, example: 1 })
  @Type(() => Number)
  @IsInt({ message: 'versie moet een geheel getal zijn' })
  @Min(1)
  versie: number;
}

export class ReactieParams extends VraagstukIdParams {
  @ApiProperty({ description: 'Id van de reactie.', ...UUID })
  @IsUUID(undefined, { message: 'reactieId moet een uuid zijn' })
  reactieId: string;
}

// ---- request bodies -------------------------------------------------------------------------------

@ApiSchema({ name: 'RondeSluiten', description: 'Sluit een ronde; zonder `oplossingen` maakt de regel de shortlist.' })
export class RondeSluitenDto {
  @ApiPropertyOptional({
    description: `De shortlist zelf kiezen: ids van oplossingen van deze ronde, beste eerst (hoogstens ${SHORTLIST_GROOTTE}). Zonder dit veld: de ${SHORTLIST_GROOTTE} oplossingen met de meeste steun plus instemming op hun nieuwste versie (bij gelijkspel minder bezwaren, dan de vroegste), die er minstens één hebben.`,
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: SHORTLIST_GROOTTE,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SHORTLIST_GROOTTE)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  oplossingen?: string[];
}

@ApiSchema({ name: 'OplossingIndienen', description: 'Een nieuwe oplossing in een open ronde; dit wordt versie 1.' })
export class OplossingIndienenDto {
  @ApiProperty({ description: 'Korte titel.', minLength: 3, maxLength: 200, example: 'Drempels in de Dorpsstraat' })
  @IsString()
  @Length(3, 200)
  titel: string;

  @ApiProperty({ description: 'Wat de oplossing inhoudt.', minLength: 1, maxLength: 10000, example: 'Twee verkeersdrempels bij de school.' })
  @IsString()
  @Length(1, 10000)
  omschrijving: string;
}

@ApiSchema({ name: 'Bijdrage', description: 'Een versie van een oplossing van hetzelfde vraagstuk waaruit iets is overgenomen.' })
export class BijdrageDto extends BijdrageRef {
  @ApiProperty({ description: 'Id van de oplossing.', ...UUID })
  override oplossingId: string;

  @ApiProperty({ description: 'Versienummer.', minimum: 1, example: 1 })
  override versie: number;
}

@ApiSchema({ name: 'Overname', description: 'Wat deze versie overnam: reacties en versies van oplossingen, allemaal van hetzelfde vraagstuk.' })
export class OvernameDto {
  @ApiPropertyOptional({ description: 'Ids van reacties (op het vraagstuk of op een van zijn oplossingen).', type: [String], format: 'uuid', maxItems: OVERNAME_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OVERNAME_MAX)
  @IsUUID(undefined, { each: true })
  reacties?: string[];

  @ApiPropertyOptional({ type: [BijdrageDto], maxItems: OVERNAME_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OVERNAME_MAX)
  @ValidateNested({ each: true })
  @Type(() => BijdrageDto)
  bijdragen?: BijdrageDto[];
}

@ApiSchema({ name: 'VersieToevoegen', description: 'Een nieuwe versie van een oplossing, met wat ze overnam.' })
export class VersieToevoegenDto {
  @ApiPropertyOptional({ description: 'Nieuwe titel; zonder dit veld blijft de vorige.', minLength: 3, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(3, 200)
  titel?: string;

  @ApiProperty({ description: 'De nieuwe omschrijving.', minLength: 1, maxLength: 10000 })
  @IsString()
  @Length(1, 10000)
  omschrijving: string;

  @ApiProperty({ type: OvernameDto })
  @ValidateNested()
  @Type(() => OvernameDto)
  overgenomen: OvernameDto;
}

@ApiSchema({ name: 'PositieInnemen', description: 'Uw positie op één versie; een nieuwe vervangt de vorige.' })
export class PositieInnemenDto {
  @ApiProperty({ description: '`steun`: ik sta erachter; `instemming`: ik kan ermee leven; `bezwaar`: zo niet, met de reden.', enum: POSITIES, example: 'instemming' })
  @IsIn(POSITIES)
  positie: Positie;

  @ApiPropertyOptional({ description: 'Toelichting; verplicht bij bezwaar.', minLength: 1, maxLength: 2000 })
  @ValidateIf((p: PositieInnemenDto) => p.positie === 'bezwaar' || p.toelichting !== undefined)
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'toelichting mag niet leeg zijn' })
  toelichting?: string;
}

@ApiSchema({ name: 'ReactiePlaatsen', description: 'Een reactie in de openbare discussie, eventueel als antwoord op een andere.' })
export class ReactiePlaatsenDto {
  @ApiProperty({ description: 'De tekst.', minLength: 1, maxLength: 5000, example: 'Goed idee, maar denk aan de bus.' })
  @IsString()
  @Length(1, 5000)
  @Matches(/\S/, { message: 'tekst mag niet leeg zijn' })
  tekst: string;

  @ApiPropertyOptional({ description: 'Id van de reactie waarop dit een antwoord is, in dezelfde discussie.', ...UUID })
  @IsOptional()
  @IsUUID()
  antwoordOp?: string;
}

@ApiSchema({ name: 'ReactieVerbergen', description: 'Een reactie verbergen, met een openbare reden.' })
export class ReactieVerbergenDto {
  @ApiProperty({ description: 'Waarom; openbaar, op de tijdlijn.', minLength: 1, maxLength: 500, example: 'Beledigend.' })
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reden mag niet leeg zijn' })
  reden: string;
}

export class ReactiesQueryDto {
  @ApiPropertyOptional({ description: 'Cursor uit de link `next` van de vorige pagina.', pattern: '^[A-Za-z0-9_-]{1,400}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'na moet een cursor uit een vorig antwoord zijn' })
  na?: string;

  @ApiPropertyOptional({ description: 'Hoeveel per pagina.', minimum: 1, maximum: REACTIES_MAX_LIMIET, default: REACTIES_STANDAARD_LIMIET })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limiet moet een geheel getal zijn' })
  @Min(1)
  @Max(REACTIES_MAX_LIMIET)
  limiet?: number;
}

// ---- responses ------------------------------------------------------------------------------------

@ApiSchema({ name: 'SamenspraakAuteur', description: 'Wie iets deed: pseudoniem binnen het vraagstuk en segment (en organisatie), nooit een account-id of naam.' })
export class AuteurDto implements SamenspraakAuteur {
  @ApiProperty(PSEUDONIEM)
  pseudoniem: string;

  @ApiProperty({ enum: SEGMENTEN, example: 'inwoner' })
  segment: Segment;

  @ApiPropertyOptional({ ...UUID, description: 'De organisatie namens wie.' })
  organisatie?: string;

  @ApiPropertyOptional(EIGEN)
  eigen?: true;
}

@ApiSchema({ name: 'PositieTelling', description: 'Aantal posities per soort op één versie.' })
export class TellingDto {
  @ApiProperty({ minimum: 0 })
  steun: number;

  @ApiProperty({ minimum: 0 })
  instemming: number;

  @ApiProperty({ minimum: 0 })
  bezwaar: number;
}

@ApiSchema({ name: 'VersieTelling', description: 'De telling van één versie.' })
export class VersieTellingDto extends TellingDto {
  @ApiProperty({ minimum: 1 })
  versie: number;
}

@ApiSchema({
  name: 'Positie',
  description: 'De positie van één deelnemer op een versie. Openbaar: bij besluiten met instemming moet de tafel weten wiens bezwaar zij moet wegnemen, en de tijdlijn noemt bij elke stap al wie hem zette.',
})
export class PositieDto {
  @ApiProperty({ type: AuteurDto })
  deelnemer: AuteurDto;

  @ApiProperty({ enum: POSITIES })
  positie: Positie;

  @ApiPropertyOptional()
  toelichting?: string;

  @ApiProperty({ ...TIJDSTIP, description: 'Laatste wijziging (UTC).' })
  tijdstip: string;
}

@ApiSchema({ name: 'Herkomst', description: 'Wat een versie overnam.' })
export class HerkomstDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  reacties: string[];

  @ApiProperty({ type: [BijdrageDto] })
  bijdragen: BijdrageDto[];
}

@ApiSchema({ name: 'OplossingVersie', description: 'Eén versie van een oplossing; onveranderlijk.' })
export class OplossingVersieDto {
  @ApiProperty({ minimum: 1 })
  versie: number;

  @ApiProperty()
  titel: string;

  @ApiProperty()
  omschrijving: string;

  @ApiProperty({ type: AuteurDto, description: 'Wie deze versie schreef: de indiener of de voorzitter.' })
  auteur: AuteurDto;

  @ApiProperty({ type: HerkomstDto })
  overgenomen: HerkomstDto;

  @ApiProperty({ ...TIJDSTIP })
  tijdstip: string;

  @ApiProperty({ type: TellingDto })
  telling: TellingDto;

  @ApiProperty({ type: [PositieDto] })
  posities: PositieDto[];
}

@ApiSchema({ name: 'Oplossing', description: 'Een oplossing met al haar versies, hun herkomst en de posities erop; openbaar.' })
export class OplossingDto {
  @ApiProperty({ ...UUID })
  id: string;

  @ApiProperty({ ...UUID })
  vraagstukId: string;

  @ApiProperty({ minimum: 1 })
  rondeNummer: number;

  @ApiProperty({ type: AuteurDto })
  auteur: AuteurDto;

  @ApiProperty({ ...TIJDSTIP })
  ingediendOp: string;

  @ApiProperty({ type: [OplossingVersieDto], description: 'Oudste eerst.' })
  versies: OplossingVersieDto[];
}

@ApiSchema({ name: 'LaatsteVersie', description: 'De nieuwste versie van een oplossing.' })
export class LaatsteVersieDto {
  @ApiProperty({ minimum: 1 })
  versie: number;

  @ApiProperty()
  titel: string;

  @ApiProperty()
  omschrijving: string;

  @ApiProperty({ ...TIJDSTIP })
  tijdstip: string;
}

@ApiSchema({ name: 'OplossingInRonde', description: 'Een oplossing zoals de ronde haar toont: de nieuwste versie en de telling per versie.' })
export class OplossingSamenvattingDto {
  @ApiProperty({ ...UUID })
  id: string;

  @ApiProperty({ minimum: 1 })
  rondeNummer: number;

  @ApiProperty({ type: AuteurDto })
  auteur: AuteurDto;

  @ApiProperty({ ...TIJDSTIP })
  ingediendOp: string;

  @ApiProperty({ type: LaatsteVersieDto })
  laatsteVersie: LaatsteVersieDto;

  @ApiProperty({ type: [VersieTellingDto] })
  tellingen: VersieTellingDto[];
}

@ApiSchema({ name: 'Shortlist', description: 'De shortlist van een gesloten ronde; staat vast.' })
export class ShortlistDto implements ShortlistView {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Ids van oplossingen, beste eerst; leeg als geen oplossing steun of instemming had.' })
  oplossingen: string[];

  @ApiProperty({ enum: SHORTLIST_WIJZEN, description: '`gekozen`: door wie de ronde sloot; `regel`: door de regel.' })
  wijze: ShortlistWijze;
}

@ApiSchema({ name: 'Ronde', description: 'Een ronde met haar oplossingen en, na sluiten, haar shortlist; openbaar.' })
export class RondeDto {
  @ApiProperty({ ...UUID })
  vraagstukId: string;

  @ApiProperty({ minimum: 1 })
  nummer: number;

  @ApiProperty({ enum: RONDE_STATUSSEN })
  status: RondeStatus;

  @ApiProperty({ ...TIJDSTIP })
  geopendOp: string;

  @ApiPropertyOptional({ ...TIJDSTIP, description: 'Ontbreekt zolang de ronde open is.' })
  geslotenOp?: string;

  @ApiProperty({ type: [OplossingSamenvattingDto], description: 'Oudste eerst.' })
  oplossingen: OplossingSamenvattingDto[];

  @ApiPropertyOptional({ type: ShortlistDto, description: 'Alleen na sluiten.' })
  shortlist?: ShortlistDto;
}

@ApiSchema({ name: 'RondeSamenvatting', description: 'Een ronde in de lijst.' })
export class RondeSamenvattingDto {
  @ApiProperty({ minimum: 1 })
  nummer: number;

  @ApiProperty({ enum: RONDE_STATUSSEN })
  status: RondeStatus;

  @ApiProperty({ ...TIJDSTIP })
  geopendOp: string;

  @ApiPropertyOptional({ ...TIJDSTIP })
  geslotenOp?: string;

  @ApiProperty({ minimum: 0 })
  aantalOplossingen: number;

  @ApiPropertyOptional({ type: ShortlistDto })
  shortlist?: ShortlistDto;
}

@ApiSchema({ name: 'Rondes', description: 'Alle rondes van een vraagstuk, de eerste eerst.' })
export class RondesDto {
  @ApiProperty({ type: [RondeSamenvattingDto] })
  rondes: RondeSamenvattingDto[];
}

@ApiSchema({ name: 'Reactie', description: 'Een reactie; een verborgen reactie toont alleen `verborgen` en `reden`, en houdt haar plaats in de draad.' })
export class ReactieDto {
  @ApiProperty({ ...UUID })
  id: string;

  @ApiProperty({ ...UUID })
  vraagstukId: string;

  @ApiPropertyOptional({ ...UUID, description: 'De oplossing waarover de discussie gaat; ontbreekt bij de discussie over het vraagstuk.' })
  oplossingId?: string;

  @ApiPropertyOptional({ ...UUID, description: 'De reactie waarop dit een antwoord is.' })
  antwoordOp?: string;

  @ApiProperty({ ...TIJDSTIP })
  tijdstip: string;

  @ApiPropertyOptional({ type: AuteurDto, description: 'Ontbreekt bij een verborgen reactie.' })
  auteur?: AuteurDto;

  @ApiPropertyOptional({ description: 'Ontbreekt bij een verborgen reactie.' })
  tekst?: string;

  @ApiPropertyOptional({ enum: [true], description: 'Alleen bij een verborgen reactie.' })
  verborgen?: true;

  @ApiPropertyOptional({ description: 'Waarom een moderator haar verborg.' })
  reden?: string;
}

@ApiSchema({ name: 'ReactiesLinks', description: 'Links van de pagina.' })
export class ReactiesLinksDto {
  @ApiProperty({ type: LinkDto })
  self: LinkDto;

  @ApiPropertyOptional({ type: LinkDto, description: 'De volgende pagina; ontbreekt op de laatste.' })
  next?: LinkDto;
}

@ApiSchema({ name: 'Reacties', description: 'Een pagina van een discussie, oudste eerst; bouw de draden met `antwoordOp`.' })
export class ReactiesDto {
  @ApiProperty({ type: [ReactieDto] })
  reacties: ReactieDto[];

  @ApiProperty({ type: ReactiesLinksDto })
  _links: ReactiesLinksDto;
}

// ---- mapping: only the contract's fields leave the gateway -----------------------------------------

const toAuteur = (a: SamenspraakAuteur): AuteurDto => ({
  pseudoniem: a.pseudoniem,
  segment: a.segment,
  ...(a.organisatie ? { organisatie: a.organisatie } : {}),
  ...(a.eigen ? { eigen: true as const } : {}),
});
const toShortlist = (s: ShortlistView): ShortlistDto => ({ oplossingen: [...s.oplossingen], wijze: s.wijze });
const telling = (t: TellingDto): TellingDto => ({ steun: t.steun, instemming: t.instemming, bezwaar: t.bezwaar });

function toSamenvatting(o: OplossingSamenvatting): OplossingSamenvattingDto {
  const { versie, titel, omschrijving, tijdstip } = o.laatsteVersie;
  return {
    id: o.id,
    rondeNummer: o.rondeNummer,
    auteur: toAuteur(o.auteur),
    ingediendOp: o.ingediendOp,
    laatsteVersie: { versie, titel, omschrijving, tijdstip },
    tellingen: o.tellingen.map((t) => ({ versie: t.versie, ...telling(t) })),
  };
}

export function toRondeDto(r: RondeView): RondeDto {
  return {
    vraagstukId: r.vraagstukId,
    nummer: r.nummer,
    status: r.status,
    geopendOp: r.geopendOp,
    ...(r.geslotenOp ? { geslotenOp: r.geslotenOp } : {}),
    oplossingen: r.oplossingen.map(toSamenvatting),
    ...(r.shortlist ? { shortlist: toShortlist(r.shortlist) } : {}),
  };
}

export function toRondesDto(list: RondeList): RondesDto {
  return {
    rondes: list.items.map((r) => ({
      nummer: r.nummer,
      status: r.status,
      geopendOp: r.geopendOp,
      ...(r.geslotenOp ? { geslotenOp: r.geslotenOp } : {}),
      aantalOplossingen: r.aantalOplossingen,
      ...(r.shortlist ? { shortlist: toShortlist(r.shortlist) } : {}),
    })),
  };
}

export function toOplossingDto(o: OplossingView): OplossingDto {
  return {
    id: o.id,
    vraagstukId: o.vraagstukId,
    rondeNummer: o.rondeNummer,
    auteur: toAuteur(o.auteur),
    ingediendOp: o.ingediendOp,
    versies: o.versies.map((v) => ({
      versie: v.versie,
      titel: v.titel,
      omschrijving: v.omschrijving,
      auteur: toAuteur(v.auteur),
      overgenomen: { reacties: [...v.overgenomen.reacties], bijdragen: v.overgenomen.bijdragen.map((b) => ({ oplossingId: b.oplossingId, versie: b.versie })) },
      tijdstip: v.tijdstip,
      telling: telling(v.telling),
      posities: v.posities.map((p) => ({ deelnemer: toAuteur(p.deelnemer), positie: p.positie, ...(p.toelichting ? { toelichting: p.toelichting } : {}), tijdstip: p.tijdstip })),
    })),
  };
}

export function toReactieDto(r: ReactieView): ReactieDto {
  return {
    id: r.id,
    vraagstukId: r.vraagstukId,
    ...(r.oplossingId ? { oplossingId: r.oplossingId } : {}),
    ...(r.antwoordOp ? { antwoordOp: r.antwoordOp } : {}),
    tijdstip: r.tijdstip,
    ...(r.verborgen ? { verborgen: true as const, ...(r.reden ? { reden: r.reden } : {}) } : { ...(r.auteur ? { auteur: toAuteur(r.auteur) } : {}), ...(r.tekst !== undefined ? { tekst: r.tekst } : {}) }),
  };
}

export function toReactiesDto(list: ReactieList, pad: string, query: ReactiesQueryDto): ReactiesDto {
  // The same discussion from another cursor (NL API Design Rules: keyset pagination with links).
  const link = (na?: string) => {
    const params = new URLSearchParams();
    if (na) params.set('na', na);
    if (query.limiet) params.set('limiet', String(query.limiet));
    const tekst = params.toString();
    return { href: `${pad}${tekst ? `?${tekst}` : ''}` };
  };
  return { reacties: list.items.map(toReactieDto), _links: { self: link(query.na), ...(list.volgende ? { next: link(list.volgende) } : {}) } };
}
