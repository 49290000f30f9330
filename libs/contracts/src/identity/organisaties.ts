import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { eventSubject, requestSubject } from '../subjects';
import { LIDMAATSCHAP_ROLLEN, ORGANISATIE_SEGMENTEN, type LidmaatschapRol, type OrganisatieSegment } from './rollen';

/**
 * Organisations as actors (issue 3). Every request acts in the gemeente of its `Samen-Gemeente`
 * header; an organisation of another gemeente does not exist for it.
 */
export const ORGANISATIE_SUBJECTS = {
  /** Logged in. The creator becomes `beheerder`. Reply: {@link OrganisatieView}. */
  create: requestSubject('identity', 'organisaties', 'create'),
  /** Public. Reply: {@link OrganisatieView}. */
  get: requestSubject('identity', 'organisaties', 'get'),
  /** Public, the organisations of the context gemeente by name. Request {@link OrganisatieLijstVraag}; reply {@link OrganisatieList}. */
  list: requestSubject('identity', 'organisaties', 'list'),
  /** Members, their beheerders, gemeentebeheer. Reply: {@link LidmaatschapList}. */
  lidmaatschappen: requestSubject('identity', 'organisaties', 'lidmaatschappen'),
  /** Beheerder of the organisation, gemeentebeheer. Reply: {@link LidmaatschapView}. */
  lidmaatschapToevoegen: requestSubject('identity', 'organisaties', 'lidmaatschap-toevoegen'),
  /** Beheerder of the organisation, gemeentebeheer. Reply: {@link LidmaatschapView}. */
  lidmaatschapWijzigen: requestSubject('identity', 'organisaties', 'lidmaatschap-wijzigen'),
  /** Beheerder of the organisation, gemeentebeheer; a member may also leave. Reply: `{}`. */
  lidmaatschapVerwijderen: requestSubject('identity', 'organisaties', 'lidmaatschap-verwijderen'),
};

export const ORGANISATIE_EVENTS = {
  aangemaakt: eventSubject('identity', 'organisatie-aangemaakt'),
  lidmaatschapGewijzigd: eventSubject('identity', 'lidmaatschap-gewijzigd'),
};

/** A KvK number: eight digits (Handelsregister). */
export const KVK_NUMMER_PATTERN = /^\d{8}$/;

export class NieuweOrganisatie {
  @IsString()
  @Length(1, 200)
  naam: string;

  @IsIn(ORGANISATIE_SEGMENTEN)
  segment: OrganisatieSegment;

  @IsOptional()
  @Matches(KVK_NUMMER_PATTERN, { message: 'kvkNummer moet acht cijfers zijn' })
  kvkNummer?: string;
}

export class OrganisatieId {
  @IsUUID('4')
  id: string;
}

export class NieuwLidmaatschap extends OrganisatieId {
  @IsUUID('4')
  accountId: string;

  @IsIn(LIDMAATSCHAP_ROLLEN)
  rol: LidmaatschapRol;
}

export class LidmaatschapWijziging extends NieuwLidmaatschap {}

export class LidmaatschapSleutel extends OrganisatieId {
  @IsUUID('4')
  accountId: string;
}

/** What anyone may see of an organisation: who the members are is not public (AVG). */
export interface OrganisatieView {
  id: string;
  gemeente: string;
  naam: string;
  segment: OrganisatieSegment;
  kvkNummer?: string;
  aantalLeden: number;
  /** UTC date-time. */
  aangemaaktTijdstip: string;
}

export const ORGANISATIES_MAX_LIMIET = 100;
export const ORGANISATIES_STANDAARD_LIMIET = 50;

/** Keyset pagination by name: `na` is the opaque cursor of the previous page's `volgende`. */
export class OrganisatieLijstVraag {
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'na moet een cursor uit een vorig antwoord zijn' })
  na?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(ORGANISATIES_MAX_LIMIET)
  limiet?: number;
}

export interface OrganisatieList {
  items: OrganisatieView[];
  /** Cursor of the next page; absent on the last page. */
  volgende?: string;
}

export interface LidmaatschapView {
  organisatieId: string;
  accountId: string;
  rol: LidmaatschapRol;
  /** UTC date-time. */
  sindsTijdstip: string;
}

export interface LidmaatschapList {
  items: LidmaatschapView[];
}

/** Payload of `evt.identity.v1.organisatie-aangemaakt`. */
export interface OrganisatieAangemaakt {
  id: string;
  gemeente: string;
  naam: string;
  segment: OrganisatieSegment;
  kvkNummer?: string;
}

/** Payload of `evt.identity.v1.lidmaatschap-gewijzigd`: ids and roles only; `rol` absent = removed. */
export interface LidmaatschapGewijzigd {
  organisatieId: string;
  accountId: string;
  rol?: LidmaatschapRol;
  vorigeRol?: LidmaatschapRol;
}
