import { BLANCO, type CanoniekStembiljet, ONGELDIG, type StemmingRegels } from '@samen/contracts';

/**
 * A fixed example stemming for the unit tests and bench/telling.js (which loads it from dist/),
 * so both measure and check the same three-question referendum.
 */
export function proefRegels(wijziging: Partial<StemmingRegels> = {}): StemmingRegels {
  return {
    versie: 1,
    stemmingId: '6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60',
    vraagstukId: '0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d',
    gemeente: 'GM0637',
    titel: 'Het Stadhuisplein',
    soort: 'bindend',
    kiesgerechtigden: { soort: 'inwoners-gebied', gebied: 'WK063701' },
    vragen: [
      { id: 'plein', tekst: 'Wordt het plein autovrij?', opties: [{ id: 'ja', tekst: 'Ja' }, { id: 'nee', tekst: 'Nee' }] },
      {
        id: 'tempo',
        tekst: 'Hoe snel?',
        opties: [
          { id: 'dit-jaar', tekst: 'Dit jaar' },
          { id: 'volgend-jaar', tekst: 'Volgend jaar' },
          { id: 'later', tekst: 'Later' },
        ],
      },
      { id: 'bomen', tekst: 'Komen er bomen?', opties: [{ id: 'ja', tekst: 'Ja' }, { id: 'nee', tekst: 'Nee' }] },
    ],
    drempelPercentage: 50,
    opkomstquorumPercentage: 30,
    openingTijdstip: '2026-12-01T08:00:00Z',
    sluitingTijdstip: '2026-12-15T20:00:00Z',
    kanalen: ['digitaal', 'papier'],
    ...wijziging,
  };
}

/**
 * `aantal` ballots spread over every answer (blank and invalid included) by a fixed linear
 * congruential sequence: the same every run, so a measured time is comparable between runs.
 * Each ballot is its own array, as after reading an export.
 */
export function proefBiljetten(regels: StemmingRegels, aantal: number): CanoniekStembiljet[] {
  const antwoorden = regels.vragen.map((vraag) => [...vraag.opties.map((o) => o.id), BLANCO, ONGELDIG]);
  let toestand = 12345;
  const volgende = (bereik: number): number => {
    toestand = (Math.imul(toestand, 1103515245) + 12345) >>> 0;
    return (toestand >>> 8) % bereik;
  };
  const biljetten: CanoniekStembiljet[] = new Array(aantal);
  for (let i = 0; i < aantal; i++) biljetten[i] = antwoorden.map((mogelijk) => mogelijk[volgende(mogelijk.length)]!);
  return biljetten;
}
