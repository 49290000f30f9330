import { MikroORM, RequestContext } from '@mikro-orm/core';
import { ServerNats, type NatsContext } from '@nestjs/microservices';
import { CONTEXT_HEADERS, type MessageContext } from '@samen/contracts';
import type { MsgHdrs } from 'nats';
import { CLS_ID, type ClsService } from 'nestjs-cls';
import { MESSAGE_CONTEXT, correlationIdFrom, readMessageContext } from '../context/message-context';
import type { NatsServerOptions } from './options';

/**
 * Nest's NATS server with each message in its own scope, opened by the transport itself:
 * a CLS context (correlation id, gemeente, token; the guard adds the principal) and a MikroORM
 * request context (its own identity map; Nest's MikroORM middleware covers HTTP only,
 * nestjs-notes §0.2).
 *
 * Opened here, through Nest's processing-start hook, rather than by a global interceptor: the
 * scope then holds for the guard, the pipes, the handler and the error filter alike (so every
 * reply and log line carries the correlation id without each of them mapping errors), and with
 * no interceptor Nest skips its rxjs interceptor chain, which per message costs an Observable
 * and an `AsyncResource.bind` (whose deprecation wrapper alone was ~3 % of a bouwsteen's CPU).
 */
export class SamenNatsServer extends ServerNats {
  constructor(options: NatsServerOptions) {
    super(options);
  }

  /** Call once the application exists: from then on every message runs in its own scope. */
  openScopesWith(cls: ClsService, orm: MikroORM): void {
    this.setOnProcessingStartHook((_transport, context, done) =>
      cls.run(() => {
        const headers = (context as NatsContext).getHeaders() as MsgHdrs | undefined;
        const correlationId = correlationIdFrom(headers?.get(CONTEXT_HEADERS.correlationId));
        cls.set(CLS_ID, correlationId);
        cls.set(MESSAGE_CONTEXT, lenientMessageContext(headers, correlationId));
        return RequestContext.create(orm.em, done);
      }),
    );
  }

  /**
   * Subjects are plain strings. Nest first tries `JSON.parse` on every incoming subject (for
   * object patterns), which throws and catches a SyntaxError per message.
   */
  override getRouteFromPattern(pattern: string): string {
    return pattern.startsWith('{') ? super.getRouteFromPattern(pattern) : pattern;
  }
}

/**
 * The context as far as the headers are sound. A bad one (a gemeente that is no CBS code) is
 * refused by the guard, which reads the headers strictly; until then the scope keeps only the
 * correlation id, so that refusal is answered and logged under the caller's id.
 */
function lenientMessageContext(headers: MsgHdrs | undefined, correlationId: string): MessageContext {
  try {
    return { ...readMessageContext(headers), correlationId };
  } catch {
    return { correlationId };
  }
}
