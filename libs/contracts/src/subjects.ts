import type { Bouwsteen } from './bouwstenen';

/**
 * Subjects are the addresses of the contract. The major version sits in the subject, so a
 * breaking change is a `v2` subject beside `v1`, served side by side during a transition.
 */
export const CONTRACT_VERSION = 'v1';

const TOKEN = /^[a-z][a-z0-9-]*$/;

function token(kind: string, value: string): string {
  if (!TOKEN.test(value)) throw new Error(`Invalid subject ${kind} '${value}': use lower-case kebab-case`);
  return value;
}

/** Request-reply subject `<bouwsteen>.v1.<resource>.<action>`, served by queue group `<bouwsteen>`. */
export function requestSubject(bouwsteen: Bouwsteen, resource: string, action: string): string {
  return `${bouwsteen}.${CONTRACT_VERSION}.${token('resource', resource)}.${token('action', action)}`;
}

/** Every bouwsteen answers its health on `<bouwsteen>.v1.health`. */
export function healthSubject(bouwsteen: Bouwsteen): string {
  return `${bouwsteen}.${CONTRACT_VERSION}.health`;
}

/** Durable fact subject `evt.<bouwsteen>.v1.<event>` on the JetStream stream {@link EVENT_STREAM}. */
export function eventSubject(bouwsteen: Bouwsteen, event: string): string {
  return `evt.${bouwsteen}.${CONTRACT_VERSION}.${token('event', event)}`;
}

/** The one JetStream stream that carries every bouwsteen's events. */
export const EVENT_STREAM = 'SAMEN_EVENTS';
export const EVENT_STREAM_SUBJECTS = ['evt.>'];

/** The queue group of a bouwsteen: every instance of it shares the requests. */
export function queueGroup(bouwsteen: Bouwsteen): string {
  return bouwsteen;
}
