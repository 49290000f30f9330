import type { StemmingRegels } from '@samen/contracts';

/**
 * Who may vote in a stemming, as a plain function of what the service layer knows about the
 * caller: the token's gemeente and verified gebied (Principal) and whether they sit at the table.
 * Whether they already voted is the register's business, not this function's.
 */
export interface Kiezer {
  /** The gemeente the caller acts in (token or Samen-Gemeente header). */
  gemeente?: string;
  /** Wijk or buurt code the caller is a verified resident of (Principal.geverifieerdGebied). */
  geverifieerdGebied?: string;
  /** An active deelnemer of this vraagstuk's table. */
  tafelDeelnemer: boolean;
}

export type StemrechtReden = 'andere-gemeente' | 'niet-geverifieerd' | 'ander-gebied' | 'geen-tafeldeelnemer';

export type Stemrecht = { mag: true } | { mag: false; reden: StemrechtReden; toelichting: string };

/**
 * A CBS code names its parents in its digits: GM0637 ⊃ WK063701 ⊃ BU06370101. So a resident
 * verified for a buurt may vote in a stemming for its wijk or gemeente. Other codes (a gemeente's
 * own gebied codes, taken as given when citycontent is absent) only match exactly.
 */
const CBS = /^(GM|WK|BU)(\d{4}|\d{6}|\d{8})$/;
const CBS_LENGTE = { GM: 4, WK: 6, BU: 8 } as const;

export function ligtIn(gebied: string, binnen: string): boolean {
  if (gebied === binnen) return true;
  const a = CBS.exec(gebied);
  const b = CBS.exec(binnen);
  if (!a || !b) return false;
  const [, soortA, cijfersA] = a as unknown as [string, keyof typeof CBS_LENGTE, string];
  const [, soortB, cijfersB] = b as unknown as [string, keyof typeof CBS_LENGTE, string];
  // Only well-formed codes (prefix and digit count agree) take part in the hierarchy.
  if (cijfersA.length !== CBS_LENGTE[soortA] || cijfersB.length !== CBS_LENGTE[soortB]) return false;
  return cijfersA.length > cijfersB.length && cijfersA.startsWith(cijfersB);
}

export function magStemmen(regels: StemmingRegels, kiezer: Kiezer): Stemrecht {
  if (kiezer.gemeente !== regels.gemeente) {
    return { mag: false, reden: 'andere-gemeente', toelichting: 'Deze stemming hoort bij een andere gemeente dan die waarin u nu werkt.' };
  }
  const kg = regels.kiesgerechtigden;
  if (kg.soort === 'tafel') {
    if (kiezer.tafelDeelnemer) return { mag: true };
    return { mag: false, reden: 'geen-tafeldeelnemer', toelichting: 'Alleen de deelnemers aan de tafel van dit vraagstuk stemmen hierover.' };
  }
  if (!kiezer.geverifieerdGebied) {
    return { mag: false, reden: 'niet-geverifieerd', toelichting: 'Alleen geverifieerde inwoners van het gebied stemmen hierover; laat eerst uw adres verifiëren.' };
  }
  if (!ligtIn(kiezer.geverifieerdGebied, kg.gebied)) {
    return { mag: false, reden: 'ander-gebied', toelichting: 'U bent geverifieerd als inwoner van een ander gebied dan dat van deze stemming.' };
  }
  return { mag: true };
}
