/**
 * The context every message carries (DESIGN rule 4). It travels in NATS headers, never in the
 * payload, so a payload class stays a pure description of the business data.
 */
export interface MessageContext {
  /** CBS code of the gemeente, e.g. `GM0637`; absent for platform-wide questions. */
  gemeente?: string;
  /** The caller's access token (a JWT), or absent for an anonymous caller. */
  accessToken?: string;
  /** Follows one request across every bouwsteen and log line. */
  correlationId: string;
}

/** NATS header names of the message context. */
export const CONTEXT_HEADERS = {
  gemeente: 'Samen-Gemeente',
  authorization: 'Authorization',
  correlationId: 'Samen-Correlation-Id',
} as const;

/** A CBS gemeente code: `GM` and four digits. */
export const GEMEENTE_CODE_PATTERN = /^GM\d{4}$/;
