import { createHash } from 'node:crypto';
import {
  BLANCO,
  GEMEENTE_CODE_PATTERN,
  INSTELLING_GRENZEN,
  type InvalidParam,
  KIESGERECHTIGDEN_SOORTEN,
  ONGELDIG,
  type PeilingInstellingen,
  STEM_ID_PATTERN,
  STEMKANALEN,
  STEMMING_GRENZEN,
  STEMMING_SOORTEN,
  type StemmingRegels,
  type StemmingStatus,
} from '@samen/contracts';
import { canoniekeJson } from '../tijdlijn/tijdlijn-keten';

/**
 * The rules of a stemming (issue 5) as plain functions: what may be published, and from when on
 * nothing may change. The service layer turns a non-empty list of faults into VALIDATION_FAILED.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A UTC moment as in every …Tijdstip of the API; a zone offset would make two spellings of one moment. */
const UTC_TIJDSTIP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const GEBIED_CODE = /^[A-Za-z0-9_.-]{1,40}$/;

/** How many questions a stemming of each soort may have. */
export interface VraagMaxima {
  advies: number;
  bindend: number;
}

export const maximaVan = (instellingen: PeilingInstellingen): VraagMaxima => ({ advies: instellingen.maxAdviesvragen, bindend: instellingen.maxBindendeVragen });

/** The widest limits any gemeente can set: what a recount may accept without knowing the gemeente's settings then. */
export const RUIMSTE_MAXIMA: VraagMaxima = { advies: INSTELLING_GRENZEN.maxAdviesvragen.max, bindend: INSTELLING_GRENZEN.maxBindendeVragen.max };

/**
 * A bindende stemming without its own threshold or quorum takes the gemeente's; an advisory one
 * has neither, so it is returned unchanged.
 */
export function metStandaarden(regels: StemmingRegels, instellingen: PeilingInstellingen): StemmingRegels {
  if (regels.soort !== 'bindend') return regels;
  return {
    ...regels,
    drempelPercentage: regels.drempelPercentage ?? instellingen.bindendDrempelPercentage,
    opkomstquorumPercentage: regels.opkomstquorumPercentage ?? instellingen.opkomstquorumPercentage,
  };
}

/**
 * The fields the rules have. Anything else is refused: the rules are hashed and published, and an
 * unknown field would read as a rule that nothing enforces.
 */
const REGEL_VELDEN: readonly (keyof StemmingRegels)[] = [
  'versie',
  'stemmingId',
  'vraagstukId',
  'gemeente',
  'titel',
  'soort',
  'kiesgerechtigden',
  'vragen',
  'drempelPercentage',
  'opkomstquorumPercentage',
  'openingTijdstip',
  'sluitingTijdstip',
  'kanalen',
];

function onbekendeVelden(object: Record<string, unknown>, velden: readonly string[], pad: string, fout: Fout): void {
  for (const veld of Object.keys(object)) {
    const naam = pad ? `${pad}.${veld}` : veld;
    if (!velden.includes(veld)) fout(naam, 'whitelistValidation', `${naam} is geen onderdeel van de regels van een stemming`);
  }
}

const isObject = (waarde: unknown): waarde is Record<string, unknown> => typeof waarde === 'object' && waarde !== null && !Array.isArray(waarde);
const isTekst = (waarde: unknown, grens: { min: number; max: number }): boolean =>
  typeof waarde === 'string' && waarde.trim().length >= grens.min && waarde.length <= grens.max;
const isGeheel = (waarde: unknown, grens: { min: number; max: number }): boolean =>
  typeof waarde === 'number' && Number.isInteger(waarde) && waarde >= grens.min && waarde <= grens.max;

function tijdstip(waarde: unknown): number | undefined {
  if (typeof waarde !== 'string' || !UTC_TIJDSTIP.test(waarde)) return undefined;
  const ms = Date.parse(waarde);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Everything about the rules that does not depend on the moment: shape, ids, counts, ranges and
 * the order of opening and closing. Takes `unknown` because a recount reads rules from a file.
 */
export function structuurFouten(regels: unknown, maxima: VraagMaxima): InvalidParam[] {
  const fouten: InvalidParam[] = [];
  const fout = (name: string, code: string, reason: string): void => {
    fouten.push({ name, code, reason });
  };
  if (!isObject(regels)) return [{ name: 'regels', code: 'isObject', reason: 'de regels moeten een object zijn' }];
  onbekendeVelden(regels, REGEL_VELDEN, '', fout);

  if (regels.versie !== 1) fout('versie', 'equals', 'versie moet 1 zijn');
  if (typeof regels.stemmingId !== 'string' || !UUID.test(regels.stemmingId)) fout('stemmingId', 'isUuid', 'stemmingId moet een uuid zijn');
  if (typeof regels.vraagstukId !== 'string' || !UUID.test(regels.vraagstukId)) fout('vraagstukId', 'isUuid', 'vraagstukId moet een uuid zijn');
  if (typeof regels.gemeente !== 'string' || !GEMEENTE_CODE_PATTERN.test(regels.gemeente)) {
    fout('gemeente', 'matches', 'gemeente moet GM gevolgd door vier cijfers zijn (bijv. GM0637)');
  }
  const { titel: titelGrens, vraagTekst, optieTekst, optiesPerVraag } = STEMMING_GRENZEN;
  if (!isTekst(regels.titel, titelGrens)) fout('titel', 'isLength', `titel moet ${titelGrens.min} tot ${titelGrens.max} tekens zijn`);

  const soort = regels.soort;
  const soortGeldig = (STEMMING_SOORTEN as readonly unknown[]).includes(soort);
  if (!soortGeldig) fout('soort', 'isIn', `soort moet een van ${STEMMING_SOORTEN.join(', ')} zijn`);

  kiesgerechtigdenFouten(regels.kiesgerechtigden, fout);

  vraagFouten(regels.vragen, soortGeldig ? maxima[soort as keyof VraagMaxima] : undefined, soort, fout, { vraagTekst, optieTekst, optiesPerVraag });

  if (soort === 'bindend') {
    const { bindendDrempelPercentage: drempel, opkomstquorumPercentage: quorum } = INSTELLING_GRENZEN;
    if (!isGeheel(regels.drempelPercentage, drempel)) {
      fout('drempelPercentage', 'isInt', `drempelPercentage moet een geheel getal van ${drempel.min} tot en met ${drempel.max} zijn`);
    }
    if (!isGeheel(regels.opkomstquorumPercentage, quorum)) {
      fout('opkomstquorumPercentage', 'isInt', `opkomstquorumPercentage moet een geheel getal van ${quorum.min} tot en met ${quorum.max} zijn`);
    }
  } else if (soort === 'advies') {
    // An advice binds nobody, so a threshold would suggest a force it does not have.
    if (regels.drempelPercentage !== undefined) fout('drempelPercentage', 'isEmpty', 'een adviesstemming heeft geen drempel: die hoort bij een bindende stemming');
    if (regels.opkomstquorumPercentage !== undefined) {
      fout('opkomstquorumPercentage', 'isEmpty', 'een adviesstemming heeft geen opkomstquorum: dat hoort bij een bindende stemming');
    }
  }

  const opening = tijdstip(regels.openingTijdstip);
  const sluiting = tijdstip(regels.sluitingTijdstip);
  if (opening === undefined) fout('openingTijdstip', 'isDateString', 'openingTijdstip moet een UTC-tijdstip zijn, bijv. 2026-12-01T08:00:00Z');
  if (sluiting === undefined) fout('sluitingTijdstip', 'isDateString', 'sluitingTijdstip moet een UTC-tijdstip zijn, bijv. 2026-12-15T20:00:00Z');
  if (opening !== undefined && sluiting !== undefined && !(opening < sluiting)) {
    fout('sluitingTijdstip', 'naOpening', 'sluitingTijdstip moet na openingTijdstip liggen');
  }

  const kanalen = regels.kanalen;
  if (!Array.isArray(kanalen) || kanalen.length === 0) {
    fout('kanalen', 'arrayNotEmpty', `kanalen moet minstens één van ${STEMKANALEN.join(', ')} bevatten`);
  } else if (!kanalen.every((k) => (STEMKANALEN as readonly unknown[]).includes(k))) {
    fout('kanalen', 'isIn', `kanalen mag alleen ${STEMKANALEN.join(' en ')} bevatten`);
  } else if (new Set(kanalen).size !== kanalen.length) {
    fout('kanalen', 'arrayUnique', 'kanalen mag geen kanaal twee keer noemen');
  }
  return fouten;
}

type Fout = (name: string, code: string, reason: string) => void;
type Grens = { min: number; max: number };

function vraagFouten(vragen: unknown, max: number | undefined, soort: unknown, fout: Fout, grenzen: { vraagTekst: Grens; optieTekst: Grens; optiesPerVraag: Grens }): void {
  if (!Array.isArray(vragen) || vragen.length === 0) {
    fout('vragen', 'arrayNotEmpty', 'een stemming heeft minstens één vraag');
    return;
  }
  if (max !== undefined && vragen.length > max) {
    const wat = soort === 'bindend' ? 'bindende vragen' : 'adviesvragen';
    fout('vragen', 'arrayMaxSize', `deze gemeente staat hoogstens ${max} ${wat} per stemming toe; dit zijn er ${vragen.length}`);
  }
  const vraagIds = new Set<string>();
  vragen.forEach((vraag: unknown, i) => {
    const pad = `vragen.${i}`;
    if (!isObject(vraag)) {
      fout(pad, 'isObject', `${pad} moet een vraag zijn (id, tekst, opties)`);
      return;
    }
    onbekendeVelden(vraag, ['id', 'tekst', 'opties'], pad, fout);
    idFouten(vraag.id, `${pad}.id`, vraagIds, 'vraag', fout);
    if (!isTekst(vraag.tekst, grenzen.vraagTekst)) fout(`${pad}.tekst`, 'isLength', `${pad}.tekst moet ${grenzen.vraagTekst.min} tot ${grenzen.vraagTekst.max} tekens zijn`);
    const opties = vraag.opties;
    const { min, max: maxOpties } = grenzen.optiesPerVraag;
    if (!Array.isArray(opties) || opties.length < min || opties.length > maxOpties) {
      fout(`${pad}.opties`, 'arraySize', `${pad} moet ${min} tot ${maxOpties} antwoordmogelijkheden hebben`);
      return;
    }
    const optieIds = new Set<string>();
    opties.forEach((optie: unknown, j) => {
      const optiePad = `${pad}.opties.${j}`;
      if (!isObject(optie)) {
        fout(optiePad, 'isObject', `${optiePad} moet een antwoordmogelijkheid zijn (id, tekst)`);
        return;
      }
      onbekendeVelden(optie, ['id', 'tekst'], optiePad, fout);
      idFouten(optie.id, `${optiePad}.id`, optieIds, 'antwoordmogelijkheid binnen deze vraag', fout);
      if (!isTekst(optie.tekst, grenzen.optieTekst)) {
        fout(`${optiePad}.tekst`, 'isLength', `${optiePad}.tekst moet ${grenzen.optieTekst.min} tot ${grenzen.optieTekst.max} tekens zijn`);
      }
    });
  });
}

function kiesgerechtigdenFouten(kg: unknown, fout: Fout): void {
  if (!isObject(kg) || !(KIESGERECHTIGDEN_SOORTEN as readonly unknown[]).includes(kg.soort)) {
    fout('kiesgerechtigden.soort', 'isIn', `kiesgerechtigden.soort moet een van ${KIESGERECHTIGDEN_SOORTEN.join(', ')} zijn`);
    return;
  }
  onbekendeVelden(kg, ['soort', 'gebied'], 'kiesgerechtigden', fout);
  if (kg.soort === 'inwoners-gebied' && (typeof kg.gebied !== 'string' || !GEBIED_CODE.test(kg.gebied))) {
    fout('kiesgerechtigden.gebied', 'matches', 'kiesgerechtigden.gebied moet de code van een gebied zijn (letters, cijfers, punt, streep; max. 40)');
  } else if (kg.soort === 'tafel' && kg.gebied !== undefined) {
    fout('kiesgerechtigden.gebied', 'isEmpty', 'bij stemmen door de tafel hoort geen gebied');
  }
}

function idFouten(id: unknown, pad: string, gezien: Set<string>, wat: string, fout: Fout): void {
  if (typeof id !== 'string' || !STEM_ID_PATTERN.test(id)) {
    fout(pad, 'matches', `${pad} moet 1 tot 40 kleine letters, cijfers of streepjes zijn`);
  } else if (id === BLANCO || id === ONGELDIG) {
    // Reserved: the canonical ballot writes a blank or invalid answer with these words.
    fout(pad, 'gereserveerd', `${pad} mag niet '${BLANCO}' of '${ONGELDIG}' zijn`);
  } else if (gezien.has(id)) {
    fout(pad, 'uniek', `${pad} '${id}' komt twee keer voor; elke ${wat} heeft een eigen id`);
  } else {
    gezien.add(id);
  }
}

/**
 * The check at publication: the structure against this gemeente's maxima, and the moments
 * against now. Rules are published before the stemming opens, so an opening in the past is
 * refused as well as a closing that has passed.
 */
export function valideerRegels(regels: unknown, instellingen: PeilingInstellingen, nu: Date): InvalidParam[] {
  const fouten = structuurFouten(regels, maximaVan(instellingen));
  if (!isObject(regels)) return fouten;
  const opening = tijdstip(regels.openingTijdstip);
  const sluiting = tijdstip(regels.sluitingTijdstip);
  if (opening !== undefined && opening < nu.getTime()) {
    fouten.push({ name: 'openingTijdstip', code: 'inToekomst', reason: 'openingTijdstip is al voorbij: de regels moeten vóór de opening openbaar zijn' });
  }
  if (sluiting !== undefined && sluiting <= nu.getTime()) {
    fouten.push({ name: 'sluitingTijdstip', code: 'inToekomst', reason: 'sluitingTijdstip is al voorbij' });
  }
  return fouten;
}

/** Rules may change until the stemming opens; from then on they are what voters rely on. */
export function magWijzigen(regels: StemmingRegels, nu: Date): boolean {
  return nu.getTime() < Date.parse(regels.openingTijdstip);
}

/** From opening (inclusive) to closing (exclusive). */
export function isOpen(regels: StemmingRegels, nu: Date): boolean {
  const t = nu.getTime();
  return Date.parse(regels.openingTijdstip) <= t && t < Date.parse(regels.sluitingTijdstip);
}

export function isGesloten(regels: StemmingRegels, nu: Date): boolean {
  return nu.getTime() >= Date.parse(regels.sluitingTijdstip);
}

/** What can be done with a stemming: named as the subjects of samenspreker.v1.stemmingen.* (for `toegestaan`). */
export type StemmingStap = 'intrekken' | 'stemmen' | 'papier-invoeren' | 'sluiten' | 'uitslag' | 'export';

/**
 * The steps a stemming allows now, for the `toegestaan` of a 409: before the opening it can only be
 * withdrawn; while open, voted in (per channel); after the closing time, closed; once closed, its
 * result read. A withdrawn stemming allows nothing.
 */
export function toegestaneStappen(status: StemmingStatus, regels: StemmingRegels, nu: Date): StemmingStap[] {
  if (status === 'ingetrokken') return [];
  if (status === 'gesloten') return ['uitslag', 'export'];
  if (magWijzigen(regels, nu)) return ['intrekken'];
  if (isGesloten(regels, nu)) return ['sluiten'];
  return regels.kanalen.map((kanaal) => (kanaal === 'digitaal' ? 'stemmen' : 'papier-invoeren'));
}

/** sha256 (hex) of the canonical JSON of the rules: what the timeline records at publication. */
export function regelsHash(regels: StemmingRegels): string {
  return createHash('sha256').update(canoniekeJson(regels), 'utf8').digest('hex');
}
