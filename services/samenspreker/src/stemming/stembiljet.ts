import { BLANCO, type CanoniekStembiljet, type InvalidParam, ONGELDIG, type StemmingRegels } from '@samen/contracts';

/**
 * A ballot is judged per question: each answer is one option, blank, or invalid, independently of
 * the other answers. A mistake on one question (two crosses on paper) does not throw away the
 * voter's clear choice on another, every question's total (options + blank + invalid) is the
 * number of ballots, and it is how a multi-question paper form is counted by hand anyway.
 *
 * The channel decides what an invalid answer means: a digital ballot with any fault is refused
 * (400, nothing stored) so the voter can correct it; a paper ballot is entered as it is, and its
 * invalid answers are counted as invalid.
 */
export interface Beoordeling {
  biljet: CanoniekStembiljet;
  /** Per question that became `ongeldig`, and per unknown question id: where and why. */
  fouten: InvalidParam[];
}

const isObject = (waarde: unknown): waarde is Record<string, unknown> => typeof waarde === 'object' && waarde !== null && !Array.isArray(waarde);

/**
 * The canonical ballot of what was handed in. Throws a TypeError only when the input is not a
 * ballot at all (no `antwoorden` object); everything else ends up in `fouten`.
 */
export function beoordeelStembiljet(regels: StemmingRegels, invoer: unknown): Beoordeling {
  if (!isObject(invoer) || !isObject(invoer.antwoorden)) throw new TypeError('een stembiljet heeft een object antwoorden');
  const antwoorden = invoer.antwoorden;
  const fouten: InvalidParam[] = [];
  const biljet = regels.vragen.map((vraag) => {
    const name = `antwoorden.${vraag.id}`;
    const ongeldig = (code: string, reason: string): string => {
      fouten.push({ name, code, reason });
      return ONGELDIG;
    };
    const antwoord = Object.hasOwn(antwoorden, vraag.id) ? antwoorden[vraag.id] : undefined;
    // Paper: the official enters every marked option; none is blank, one is that option.
    const gekozen = Array.isArray(antwoord) ? (antwoord.length === 0 ? null : antwoord.length === 1 ? antwoord[0] : antwoord) : antwoord;
    if (gekozen === undefined || gekozen === null || gekozen === BLANCO) return BLANCO;
    if (gekozen === ONGELDIG) return ongeldig('ongeldig', `${name} is als ongeldig ingevoerd`);
    if (Array.isArray(gekozen)) return ongeldig('meerdereKeuzes', `${name}: er is meer dan één antwoord gekozen`);
    if (typeof gekozen !== 'string' || !vraag.opties.some((optie) => optie.id === gekozen)) {
      return ongeldig('isIn', `${name} moet een van ${vraag.opties.map((o) => o.id).join(', ')} zijn, of blanco`);
    }
    return gekozen;
  });
  for (const vraagId of Object.keys(antwoorden)) {
    if (!regels.vragen.some((vraag) => vraag.id === vraagId)) {
      fouten.push({ name: `antwoorden.${vraagId}`, code: 'onbekendeVraag', reason: `deze stemming heeft geen vraag '${vraagId}'` });
    }
  }
  return { biljet, fouten };
}

/** The bytes a canonical ballot is stored and published as. */
export function biljetTekst(biljet: CanoniekStembiljet): string {
  return JSON.stringify(biljet);
}
