import type { ErrorCode } from '@samen/contracts';

interface ProblemText {
  /** Short, the same for every occurrence of the code (RFC 9457 `title`). */
  title: string;
  /** Used when the source of the error has no safe Dutch message of its own (Nest, Fastify). */
  detail: string;
}

/**
 * Dutch texts per error code. Typed as a mapped type over ErrorCode, so a new code in
 * libs/contracts does not compile until it has its texts here.
 */
export const PROBLEM_TEXTS: { readonly [Code in ErrorCode]: ProblemText } = {
  VALIDATION_FAILED: { title: 'Ongeldige invoer', detail: 'De invoer klopt niet; zie de lijst met ongeldige invoer.' },
  MALFORMED_REQUEST: { title: 'Onleesbaar verzoek', detail: 'Het verzoek kon niet worden gelezen, bijvoorbeeld door ongeldige JSON of een verkeerd gecodeerde URL.' },
  UNKNOWN_GEMEENTE: { title: 'Onbekende gemeente', detail: 'Deze gemeente is bij deze installatie niet bekend.' },
  UNAUTHENTICATED: { title: 'Niet aangemeld', detail: 'Voor dit verzoek is een geldig toegangstoken nodig.' },
  FORBIDDEN: { title: 'Geen toegang', detail: 'Dit verzoek is niet toegestaan.' },
  NOT_FOUND: { title: 'Niet gevonden', detail: 'Deze resource bestaat niet.' },
  METHOD_NOT_ALLOWED: { title: 'Methode niet toegestaan', detail: 'Deze HTTP-methode kan niet op deze resource; zie de header Allow.' },
  NOT_ACCEPTABLE: { title: 'Formaat niet beschikbaar', detail: 'De API antwoordt alleen in JSON.' },
  CONFLICT: { title: 'Conflict', detail: 'Het verzoek botst met de huidige toestand.' },
  PAYLOAD_TOO_LARGE: { title: 'Verzoek te groot', detail: 'De body van het verzoek is groter dan toegestaan.' },
  UNSUPPORTED_MEDIA_TYPE: { title: 'Mediatype niet ondersteund', detail: 'Stuur de body als JSON met Content-Type: application/json.' },
  RULE_VIOLATED: { title: 'Regel overtreden', detail: 'Het verzoek is geldig, maar mag volgens de regels nu niet.' },
  TOO_MANY_REQUESTS: { title: 'Te veel verzoeken', detail: 'Er kwamen te veel verzoeken vanaf dit adres; probeer het na Retry-After seconden opnieuw.' },
  INTERNAL: { title: 'Interne fout', detail: 'Er ging iets onverwachts mis. Vermeld het correlationId bij een melding.' },
  BOUWSTEEN_ABSENT: { title: 'Bouwsteen niet beschikbaar', detail: 'De bouwsteen die dit verzoek afhandelt draait nu niet.' },
  UNAVAILABLE: { title: 'Tijdelijk niet beschikbaar', detail: 'Een onderdeel van de installatie is tijdelijk niet bereikbaar.' },
  BOUWSTEEN_TIMEOUT: { title: 'Bouwsteen antwoordt niet op tijd', detail: 'De bouwsteen antwoordde niet binnen de tijdslimiet.' },
};
