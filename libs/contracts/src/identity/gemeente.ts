import { ArrayUnique, IsArray, IsIn, IsString, Length, Matches } from 'class-validator';
import { BOUWSTENEN, type Bouwsteen } from '../bouwstenen';
import { GEMEENTE_CODE_PATTERN } from '../context';
import { requestSubject, eventSubject } from '../subjects';

export const GEMEENTE_SUBJECTS = {
  get: requestSubject('identity', 'gemeenten', 'get'),
  list: requestSubject('identity', 'gemeenten', 'list'),
  /** Idempotent: creates the gemeente or updates its name and bouwstenen. Platform-internal. */
  upsert: requestSubject('identity', 'gemeenten', 'upsert'),
};

export const GEMEENTE_EVENTS = {
  vastgelegd: eventSubject('identity', 'gemeente-vastgelegd'),
};

export class GemeenteCode {
  @Matches(GEMEENTE_CODE_PATTERN, { message: 'code moet GM gevolgd door vier cijfers zijn (bijv. GM0637)' })
  code: string;
}

export class UpsertGemeente extends GemeenteCode {
  @IsString()
  @Length(1, 120)
  naam: string;

  @IsArray()
  @ArrayUnique()
  @IsIn(BOUWSTENEN, { each: true })
  bouwstenen: Bouwsteen[];
}

export class GemeenteView {
  code: string;
  naam: string;
  bouwstenen: Bouwsteen[];
  /** UTC date-time. */
  aangemaaktTijdstip: string;
}

export class GemeenteList {
  items: GemeenteView[];
}

/** Payload of `evt.identity.v1.gemeente-vastgelegd`. */
export type GemeenteVastgelegd = GemeenteView;
