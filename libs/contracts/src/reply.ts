import type { WireError } from './errors';

/**
 * A reply on a request subject is plain JSON: `{"data": …}` on success, `{"error": …}` on
 * failure. Requests are plain JSON of the request payload class. A service in any language can
 * speak this without our code (see docs/asyncapi.yaml).
 */
export type Reply<T> = { data: T } | { error: WireError };

export function isErrorReply<T>(reply: Reply<T>): reply is { error: WireError } {
  return typeof reply === 'object' && reply !== null && 'error' in reply;
}
