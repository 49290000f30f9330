/**
 * The grounds recorded with each processing. Plain words, so that an inwoner reading their own
 * log understands why; a gemeente maps them onto its Art. 30 register.
 */
export const GRONDSLAGEN = {
  export: 'AVG art. 15 en 20: inzage en overdraagbaarheid, op verzoek van de betrokkene',
  verwijdering: 'AVG art. 17: recht op vergetelheid, op verzoek van de betrokkene',
  inzage: 'AVG art. 15: inzage, op verzoek van de betrokkene',
  verificatie: 'AVG art. 6 lid 1 e: vaststellen dat iemand inwoner van een gebied is, voor bindende stemmingen',
  rolwijziging: 'AVG art. 6 lid 1 e: toekennen of intrekken van een rol door het beheer van de gemeente',
} as const;
