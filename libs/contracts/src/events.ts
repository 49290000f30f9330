import type { Bouwsteen } from './bouwstenen';

/**
 * An event in the CloudEvents 1.0 envelope (NL GOV profile), JSON encoded. The gemeente is a
 * CloudEvents extension attribute so that a consumer outside the suite can route on it.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  /** Unique per event; also the NATS message id, so JetStream drops a duplicate publish. */
  id: string;
  /** URI reference of the producer, `urn:samen:<bouwsteen>`. */
  source: string;
  /** `nl.samen.<bouwsteen>.<resource>.<event>.v1`. */
  type: string;
  /** UTC moment of the change. */
  time: string;
  /** The id of the record the event is about. */
  subject?: string;
  datacontenttype: 'application/json';
  /** CloudEvents extension: CBS code of the gemeente. */
  gemeente?: string;
  /** CloudEvents extension: the correlation id of the request that caused it. */
  correlationid?: string;
  data: T;
}

export function eventSource(bouwsteen: Bouwsteen): string {
  return `urn:samen:${bouwsteen}`;
}

export function eventType(bouwsteen: Bouwsteen, resource: string, event: string): string {
  return `nl.samen.${bouwsteen}.${resource}.${event}.v1`;
}
