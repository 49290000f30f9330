import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode as NatsErrorCode, headers as natsHeaders, NatsError } from 'nats';
import { CONTEXT_HEADERS, isErrorReply, type MessageContext, type Reply } from '@samen/contracts';
import { DomainError } from '../errors/domain-error';
import { decodeJson, encodeJson } from './wire';
import { NatsConnectionHolder } from './nats-connection';

export const REQUEST_TIMEOUT_MS = Symbol('REQUEST_TIMEOUT_MS');

export interface RequestOptions {
  /** Overrides the default time limit (NATS_REQUEST_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * The one way to ask a bouwsteen something: a NATS request with the message context in headers
 * and a hard time limit. It never hangs and never returns an unmapped error:
 * no responder → BOUWSTEEN_ABSENT (503, at once); no answer in time → BOUWSTEEN_TIMEOUT (504);
 * broker away → UNAVAILABLE (503, at once); an error reply → the same DomainError.
 */
@Injectable()
export class BouwsteenClient {
  constructor(
    private readonly nats: NatsConnectionHolder,
    @Inject(REQUEST_TIMEOUT_MS) private readonly defaultTimeoutMs: number,
  ) {}

  async request<T>(subject: string, payload: object, context: MessageContext, options: RequestOptions = {}): Promise<T> {
    if (!this.nats.isConnected) {
      throw new DomainError('UNAVAILABLE', 'De berichtenbus (NATS) is tijdelijk niet bereikbaar.');
    }
    const headers = natsHeaders();
    headers.set(CONTEXT_HEADERS.correlationId, context.correlationId);
    if (context.gemeente) headers.set(CONTEXT_HEADERS.gemeente, context.gemeente);
    if (context.accessToken) headers.set(CONTEXT_HEADERS.authorization, `Bearer ${context.accessToken}`);
    const timeout = options.timeoutMs ?? this.defaultTimeoutMs;
    let reply: Reply<T>;
    try {
      const msg = await this.nats.connection.request(subject, encodeJson(payload), { timeout, headers });
      reply = decodeJson<Reply<T>>(msg.data);
    } catch (error) {
      throw mapRequestError(error, subject);
    }
    if (isErrorReply(reply)) throw DomainError.fromWire(reply.error);
    return reply.data;
  }
}

function owner(subject: string): string {
  return subject.split('.')[0] ?? subject;
}

function mapRequestError(error: unknown, subject: string): DomainError {
  if (error instanceof NatsError) {
    switch (error.code) {
      case NatsErrorCode.NoResponders:
        return new DomainError('BOUWSTEEN_ABSENT', `De bouwsteen ${owner(subject)} draait nu niet.`);
      case NatsErrorCode.Timeout:
        return new DomainError('BOUWSTEEN_TIMEOUT', `De bouwsteen ${owner(subject)} antwoordde niet op tijd.`);
      case NatsErrorCode.ConnectionClosed:
      case NatsErrorCode.ConnectionDraining:
      case NatsErrorCode.Disconnect:
        return new DomainError('UNAVAILABLE', 'De berichtenbus (NATS) is tijdelijk niet bereikbaar.');
    }
  }
  if (error instanceof SyntaxError) {
    return new DomainError('INTERNAL', `De bouwsteen ${owner(subject)} gaf een onleesbaar antwoord.`);
  }
  return new DomainError('INTERNAL', `Vraag aan ${owner(subject)} mislukte.`);
}
