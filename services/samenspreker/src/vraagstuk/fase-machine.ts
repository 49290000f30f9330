import { type Rol, type TafelRol, VRAAGSTUK_FASEN, type VraagstukFase } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { isGemeenteStaf, STAF_OMSCHRIJVING } from '../gedeeld/toegang';

/**
 * The five-phase process of a vraagstuk (DESIGN.md, issue 4) as plain data and functions, so the
 * rules can be read in one place and tested exhaustively without Nest or a database.
 */
export const FASEN = VRAAGSTUK_FASEN;
export type Fase = VraagstukFase;

export function isFase(value: unknown): value is Fase {
  return typeof value === 'string' && (FASEN as readonly string[]).includes(value);
}

/** Who acts: the gemeente roles of the token, and the role at this vraagstuk's table while seated (actief). */
export interface FaseActor {
  rollen: readonly Rol[];
  tafelRol?: TafelRol;
}

/**
 * What the caller knows about the vraagstuk when it asks. Passed in as data because besluiten,
 * acties and evaluaties live in other aggregates; the machine must not load them itself.
 */
export interface FaseSituatie {
  /** A besluit on this vraagstuk has been published (in the current pass). */
  besluitGepubliceerd: boolean;
  /** Rondes still open: closing one makes its shortlist, which besluitvorming works from. */
  openRondes: number;
  /** Acties neither finished nor explicitly closed. */
  openActies: number;
  /** The evaluation summary, if one was written. */
  evaluatieSamenvatting?: string;
}

export interface FaseOvergang {
  van: Fase;
  naar: Fase;
  /** Dutch, for people: what this step means. */
  omschrijving: string;
  /** Who may make it. */
  wie: (actor: FaseActor) => boolean;
  /** Dutch description of `wie`, for error messages and docs. */
  wieOmschrijving: string;
  /** What must exist first; returns the Dutch reason it does not, or undefined when it holds. */
  voorwaarde: (situatie: FaseSituatie) => string | undefined;
}

/**
 * Gemeente staff may make every transition: the gemeente carries the process. Whether a vraagstuk is
 * taken up at all is the gemeente's call alone; after that the table steers through its roles.
 */
const gemeenteStaf = (actor: FaseActor): boolean => isGemeenteStaf(actor.rollen);
const stafOf =
  (...rollen: TafelRol[]) =>
  (actor: FaseActor): boolean =>
    gemeenteStaf(actor) || (actor.tafelRol !== undefined && rollen.includes(actor.tafelRol));
const voorzitterOfStaf = stafOf('voorzitter');
const VOORZITTER_OF_STAF = `de voorzitter van de tafel of ${STAF_OMSCHRIJVING}`;
const altijd = (): string | undefined => undefined;

export const OVERGANGEN: readonly FaseOvergang[] = [
  {
    van: 'agendering',
    naar: 'oplossingen',
    omschrijving: 'op de agenda: de tafel zoekt oplossingen',
    wie: gemeenteStaf,
    wieOmschrijving: STAF_OMSCHRIJVING,
    voorwaarde: altijd,
  },
  {
    // The motivation is the public reason (required for every transition, see wijzigFase).
    van: 'agendering',
    naar: 'afgewezen',
    omschrijving: 'afgewezen, met een openbare reden',
    wie: gemeenteStaf,
    wieOmschrijving: STAF_OMSCHRIJVING,
    voorwaarde: altijd,
  },
  {
    van: 'oplossingen',
    naar: 'besluitvorming',
    omschrijving: 'naar besluitvorming',
    wie: voorzitterOfStaf,
    wieOmschrijving: VOORZITTER_OF_STAF,
    voorwaarde: (s) => (s.openRondes > 0 ? 'er is nog een ronde open; sluit haar eerst, dan ontstaat de shortlist' : undefined),
  },
  {
    van: 'besluitvorming',
    naar: 'oplossingen',
    omschrijving: 'heropend: een nieuwe ronde oplossingen',
    wie: stafOf('voorzitter', 'besluitvormer'),
    wieOmschrijving: `de voorzitter of een besluitvormer van de tafel, of ${STAF_OMSCHRIJVING}`,
    voorwaarde: altijd,
  },
  {
    van: 'besluitvorming',
    naar: 'uitvoering',
    omschrijving: 'naar uitvoering',
    wie: stafOf('besluitvormer'),
    wieOmschrijving: `een besluitvormer van de tafel of ${STAF_OMSCHRIJVING}`,
    voorwaarde: (s) => (s.besluitGepubliceerd ? undefined : 'er is nog geen gepubliceerd besluit'),
  },
  {
    van: 'uitvoering',
    naar: 'evaluatie',
    omschrijving: 'naar evaluatie',
    wie: voorzitterOfStaf,
    wieOmschrijving: VOORZITTER_OF_STAF,
    voorwaarde: (s) =>
      s.openActies > 0 ? `er ${s.openActies === 1 ? 'is nog 1 actie' : `zijn nog ${s.openActies} acties`} niet afgerond of gesloten` : undefined,
  },
  {
    van: 'evaluatie',
    naar: 'afgerond',
    omschrijving: 'afgerond',
    wie: voorzitterOfStaf,
    wieOmschrijving: VOORZITTER_OF_STAF,
    voorwaarde: (s) => (s.evaluatieSamenvatting?.trim() ? undefined : 'er is nog geen samenvatting van de evaluatie'),
  },
  {
    van: 'evaluatie',
    naar: 'oplossingen',
    omschrijving: 'heropend: een nieuwe ronde oplossingen',
    wie: voorzitterOfStaf,
    wieOmschrijving: VOORZITTER_OF_STAF,
    voorwaarde: altijd,
  },
];

export function overgang(van: Fase, naar: Fase): FaseOvergang | undefined {
  return OVERGANGEN.find((o) => o.van === van && o.naar === naar);
}

/** The transitions this actor may make now, given the situation: what a client offers as buttons. */
export function volgendeFasen(fase: Fase, situatie: FaseSituatie, actor: FaseActor): Fase[] {
  return OVERGANGEN.filter((o) => o.van === fase && o.wie(actor) && o.voorwaarde(situatie) === undefined).map((o) => o.naar);
}

function toegestaanTekst(toegestaan: readonly Fase[]): string {
  return toegestaan.length ? `Nu toegestaan: ${toegestaan.join(', ')}.` : 'Nu is geen overgang toegestaan.';
}

/**
 * Checks one transition and returns it, or throws:
 * - VALIDATION_FAILED without a motivation (every step is on the public record, with its why);
 * - FORBIDDEN when the edge exists but the actor may not make it (a role question, not a state one);
 * - CONFLICT (409) when the edge does not exist or its precondition is unmet, naming the transitions
 *   allowed now in the message and, machine-readably, in `toegestaan`.
 */
export function wijzigFase(van: Fase, naar: Fase, situatie: FaseSituatie, actor: FaseActor, motivatie: string): FaseOvergang {
  const toegestaan = volgendeFasen(van, situatie, actor);
  const o = overgang(van, naar);
  if (!o) {
    throw DomainError.conflict(`Van ${van} naar ${naar} kan niet. ${toegestaanTekst(toegestaan)}`, toegestaan);
  }
  if (!o.wie(actor)) {
    throw new DomainError('FORBIDDEN', `Van ${van} naar ${naar} mag alleen ${o.wieOmschrijving}.`);
  }
  const reden = o.voorwaarde(situatie);
  if (reden !== undefined) {
    throw DomainError.conflict(`Van ${van} naar ${naar} kan nog niet: ${reden}. ${toegestaanTekst(toegestaan)}`, toegestaan);
  }
  if (!motivatie.trim()) {
    throw DomainError.validation([{ name: 'motivatie', code: 'isNotEmpty', reason: 'Geef een motivatie voor deze overgang.' }]);
  }
  return o;
}
