import type { Deserializer, IncomingRequest, Serializer } from '@nestjs/microservices';
import type { Reply, WireError } from '@samen/contracts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Marks a request body that was not JSON; the context interceptor answers MALFORMED_REQUEST. */
export const MALFORMED = Symbol('malformed');
export interface MalformedPayload {
  [MALFORMED]: true;
}
export function isMalformed(value: unknown): value is MalformedPayload {
  return typeof value === 'object' && value !== null && MALFORMED in value;
}

/**
 * Reads a plain JSON request, not Nest's `{pattern, data, id}` envelope, so that a bouwsteen can be
 * called (and replaced) by anything that speaks NATS request-reply with JSON (DESIGN rule 3).
 * Never throws: a throw here would be an unhandled rejection inside the NATS callback.
 */
export class PlainRequestDeserializer implements Deserializer<Uint8Array, IncomingRequest> {
  deserialize(value: Uint8Array, options?: { channel?: string; replyTo?: string }): IncomingRequest {
    let data: unknown;
    try {
      data = value && value.length > 0 ? JSON.parse(decoder.decode(value)) : {};
    } catch {
      data = { [MALFORMED]: true };
    }
    // Nest treats a message without id as an event; a request is one that expects a reply.
    return { pattern: options?.channel ?? '', data, id: options?.replyTo ?? (undefined as unknown as string) };
  }
}

interface OutgoingPacket {
  id?: string;
  response?: unknown;
  err?: unknown;
  isDisposed?: boolean;
}

/** Writes `{"data": …}` or `{"error": …}` (see {@link Reply}). */
export class PlainReplySerializer implements Serializer<OutgoingPacket, { data: Uint8Array }> {
  serialize(packet: OutgoingPacket): { data: Uint8Array } {
    const reply: Reply<unknown> =
      packet.err !== undefined ? { error: asWireError(packet.err) } : { data: packet.response ?? null };
    return { data: encoder.encode(JSON.stringify(reply)) };
  }
}

function asWireError(err: unknown): WireError {
  if (typeof err === 'object' && err !== null && 'code' in err && 'status' in err) return err as WireError;
  // Only reached when Nest itself answers (e.g. no handler for the pattern).
  return { code: 'INTERNAL', status: 500, message: typeof err === 'string' ? err : 'Onbekende fout.' };
}

export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export function decodeJson<T>(data: Uint8Array): T {
  return JSON.parse(decoder.decode(data)) as T;
}
