import { createHash } from 'node:crypto';
import {
  type AdviesUitkomst,
  BLANCO,
  type BindendeUitkomst,
  type CanoniekStembiljet,
  ONGELDIG,
  type OptieStemmen,
  type ProcesVerbaal,
  type StemmingRegels,
  type VraagResultaat,
} from '@samen/contracts';
import { canoniekeJson } from '../tijdlijn/tijdlijn-keten';
import { biljetTekst } from './stembiljet';
import { regelsHash } from './stemming-regels';

/** The count of the ballots per question, before any outcome is judged. */
export interface VraagTelling {
  vraagId: string;
  opties: OptieStemmen[];
  blanco: number;
  ongeldig: number;
}

export interface Telling {
  aantalBiljetten: number;
  vragen: VraagTelling[];
}

/** A ballot that is not a canonical ballot of these rules: a bug upstream or a tampered export. */
export class OngeldigBiljetFout extends Error {
  constructor(
    readonly index: number,
    reden: string,
  ) {
    super(`stembiljet ${index}: ${reden}`);
    this.name = 'OngeldigBiljetFout';
  }
}

/** Identical ballots and how many of them there are: what the ballot box holds, grouped. */
export interface BiljetGroep {
  biljet: readonly unknown[];
  aantal: number;
}

/**
 * Counts canonical ballots in one pass. Per question a Map from answer to a slot in a typed
 * array (options in order, then blank, then invalid): a million ballots of three questions is
 * three million map lookups and increments, well under the two seconds issue 5 asks for.
 * Takes any iterable, so the service layer can stream rows from the ballot box.
 */
export function tel(regels: StemmingRegels, biljetten: Iterable<readonly unknown[]>): Telling {
  return telGroepen(regels, alsGroepenVanEen(biljetten));
}

function* alsGroepenVanEen(biljetten: Iterable<readonly unknown[]>): Iterable<BiljetGroep> {
  for (const biljet of biljetten) yield { biljet, aantal: 1 };
}

/**
 * Counts ballots given as groups of identical ones: the same result as {@link tel} over the
 * ballots one by one. The closing reads the box grouped by PostgreSQL (a stemming has few distinct
 * ballots however many voters it has), so a million ballots never travel to this process.
 */
export function telGroepen(regels: StemmingRegels, groepen: Iterable<BiljetGroep>): Telling {
  const vragen = regels.vragen;
  const aantalVragen = vragen.length;
  const sleuven = vragen.map((vraag) => {
    const map = new Map<unknown, number>(vraag.opties.map((optie, i) => [optie.id, i]));
    map.set(BLANCO, vraag.opties.length);
    map.set(ONGELDIG, vraag.opties.length + 1);
    return map;
  });
  const tellers = vragen.map((vraag) => new Float64Array(vraag.opties.length + 2));
  let index = 0;
  for (const { biljet, aantal } of groepen) {
    if (!Array.isArray(biljet) || biljet.length !== aantalVragen) {
      throw new OngeldigBiljetFout(index, `verwacht een lijst van ${aantalVragen} antwoorden`);
    }
    if (!Number.isInteger(aantal) || aantal < 1) throw new OngeldigBiljetFout(index, `aantal ${aantal} is geen positief geheel getal`);
    for (let v = 0; v < aantalVragen; v++) {
      const sleuf = sleuven[v]!.get(biljet[v]);
      if (sleuf === undefined) throw new OngeldigBiljetFout(index, `vraag ${vragen[v]!.id} heeft geen antwoord ${JSON.stringify(biljet[v])}`);
      tellers[v]![sleuf]! += aantal;
    }
    index += aantal;
  }
  return {
    aantalBiljetten: index,
    vragen: vragen.map((vraag, v) => {
      const teller = tellers[v]!;
      return {
        vraagId: vraag.id,
        opties: vraag.opties.map((optie, i) => ({ optieId: optie.id, stemmen: teller[i]! })),
        blanco: teller[vraag.opties.length]!,
        ongeldig: teller[vraag.opties.length + 1]!,
      };
    }),
  };
}

const sha256 = (tekst: string): string => createHash('sha256').update(tekst, 'utf8').digest('hex');

/**
 * sha256 over the ballots as a multiset: the canonical JSON of `[{aantal, biljet}]`, one entry per
 * distinct ballot, sorted by the ballot's JSON text. Independent of the (shuffled) order, so the
 * published list can be checked against the proces-verbaal; and cheap, because a stemming has few
 * distinct ballots however many voters it has.
 */
export function biljettenHash(biljetten: Iterable<CanoniekStembiljet>): string {
  return biljettenHashVanGroepen(alsGroepenVanEen(biljetten) as Iterable<{ biljet: CanoniekStembiljet; aantal: number }>);
}

/** {@link biljettenHash} of ballots given as groups of identical ones (as the closing reads them). */
export function biljettenHashVanGroepen(groepen: Iterable<{ biljet: CanoniekStembiljet; aantal: number }>): string {
  const aantallen = new Map<string, number>();
  for (const { biljet, aantal } of groepen) {
    const tekst = biljetTekst(biljet);
    aantallen.set(tekst, (aantallen.get(tekst) ?? 0) + aantal);
  }
  const lijst = [...aantallen.keys()].sort().map((tekst) => ({ aantal: aantallen.get(tekst)!, biljet: JSON.parse(tekst) as CanoniekStembiljet }));
  return sha256(canoniekeJson(lijst));
}

/** sha256 over the canonical JSON of the receipt codes, sorted. */
export function bonnetjesHash(bonnetjes: readonly string[]): string {
  return sha256(canoniekeJson([...bonnetjes].sort()));
}

export interface Opkomst {
  /** Entitled to vote at closing, as the service layer counts them (verified residents or deelnemers). */
  aantalKiesgerechtigden: number;
  biljettenHash: string;
  bonnetjesHash: string;
}

/** "12,5%" — Dutch decimal comma, built by hand so the bytes do not depend on the ICU data. */
const procent = (waarde: number): string => `${String(waarde).replace('.', ',')}%`;

/**
 * The official record. Every ballot is a voter in the register, so voters = ballots; more voters
 * than people entitled means the inputs are inconsistent, and no record is better than a wrong one.
 * Binding needs both the quorum (turnout ≥ quorum) and strictly more than the threshold of the
 * valid votes: exactly 50% of 50% does not bind. Integer arithmetic, so no rounding decides.
 */
export function maakProcesVerbaal(regels: StemmingRegels, telling: Telling, opkomst: Opkomst): ProcesVerbaal {
  const { aantalKiesgerechtigden } = opkomst;
  const kiezers = telling.aantalBiljetten;
  if (!Number.isInteger(aantalKiesgerechtigden) || aantalKiesgerechtigden < kiezers) {
    throw new RangeError(`aantalKiesgerechtigden (${aantalKiesgerechtigden}) moet een geheel getal zijn en minstens het aantal kiezers (${kiezers})`);
  }
  const opkomstPercentage = aantalKiesgerechtigden === 0 ? 0 : Math.floor((kiezers * 10_000) / aantalKiesgerechtigden) / 100;
  const bindend = regels.soort === 'bindend';
  const quorum = regels.opkomstquorumPercentage ?? 0;
  const quorumGehaald = quorum === 0 || (aantalKiesgerechtigden > 0 && kiezers * 100 >= quorum * aantalKiesgerechtigden);

  const vragen = telling.vragen.map((vt, v): VraagResultaat => {
    const vraag = regels.vragen[v]!;
    const tekstVan = (optieId: string): string => vraag.opties.find((o) => o.id === optieId)!.tekst;
    const geldig = vt.opties.reduce((som, o) => som + o.stemmen, 0);
    const hoogste = Math.max(0, ...vt.opties.map((o) => o.stemmen));
    const meesteStemmen = geldig === 0 ? [] : vt.opties.filter((o) => o.stemmen === hoogste).map((o) => o.optieId);
    const basis = { vraagId: vt.vraagId, opties: vt.opties, blanco: vt.blanco, ongeldig: vt.ongeldig, geldig };

    if (!bindend) {
      const uitkomst: AdviesUitkomst = { soort: 'advies', meesteStemmen };
      const toelichting =
        meesteStemmen.length === 0
          ? 'Geen geldige stemmen: deze vraag geeft geen advies.'
          : meesteStemmen.length === 1
            ? `Advies: '${tekstVan(meesteStemmen[0]!)}' kreeg de meeste stemmen (${hoogste} van ${geldig} geldige).`
            : `Gelijke stand: ${meesteStemmen.map((id) => `'${tekstVan(id)}'`).join(' en ')} kregen elk ${hoogste} van ${geldig} geldige stemmen.`;
      return { ...basis, uitkomst, toelichting };
    }

    const drempel = regels.drempelPercentage!;
    const winnaar = vt.opties.find((o) => o.stemmen * 100 > drempel * geldig);
    let uitkomst: BindendeUitkomst;
    let toelichting: string;
    if (!quorumGehaald) {
      uitkomst = { soort: 'bindend', bindend: false, reden: 'quorum-niet-gehaald', meesteStemmen };
      toelichting = `Niet bindend: de opkomst van ${procent(opkomstPercentage)} haalde het quorum van ${quorum}% niet.`;
    } else if (geldig === 0) {
      uitkomst = { soort: 'bindend', bindend: false, reden: 'geen-geldige-stemmen', meesteStemmen };
      toelichting = 'Niet bindend: er zijn geen geldige stemmen op deze vraag.';
    } else if (winnaar) {
      uitkomst = { soort: 'bindend', bindend: true, optieId: winnaar.optieId, reden: 'drempel-gehaald', meesteStemmen };
      toelichting = `Bindend: '${tekstVan(winnaar.optieId)}' kreeg ${winnaar.stemmen} van ${geldig} geldige stemmen, meer dan ${drempel}%.`;
    } else {
      uitkomst = { soort: 'bindend', bindend: false, reden: 'geen-optie-boven-drempel', meesteStemmen };
      toelichting = `Niet bindend: geen antwoord kreeg meer dan ${drempel}% van de ${geldig} geldige stemmen.`;
    }
    return { ...basis, uitkomst, toelichting };
  });

  return {
    versie: 1,
    stemmingId: regels.stemmingId,
    vraagstukId: regels.vraagstukId,
    gemeente: regels.gemeente,
    soort: regels.soort,
    regelsHash: regelsHash(regels),
    biljettenHash: opkomst.biljettenHash,
    bonnetjesHash: opkomst.bonnetjesHash,
    aantalKiesgerechtigden,
    aantalKiezers: kiezers,
    opkomstPercentage,
    ...(bindend ? { quorumGehaald } : {}),
    vragen,
  };
}

/** sha256 (hex) of the canonical JSON of the proces-verbaal: what goes on the timeline. */
export function procesVerbaalHash(procesVerbaal: ProcesVerbaal): string {
  return sha256(canoniekeJson(procesVerbaal));
}
