import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import type { NatsContext } from '@nestjs/microservices';
import { ClsService } from 'nestjs-cls';
import { RpcException } from '@nestjs/microservices';
import { catchError, Observable, throwError } from 'rxjs';
import { toDomainError } from '../errors/rpc-error.filter';
import { DomainError } from '../errors/domain-error';
import { isMalformed } from '../nats/wire';
import { CONTEXT_HEADERS, type MessageContext } from '@samen/contracts';
import { MESSAGE_CONTEXT, correlationIdFrom, readMessageContext } from '../context/message-context';
import { grantOf } from '../auth/auth.guard';
import { PRINCIPAL } from '../auth/principal.decorator';

/**
 * Wraps every incoming message in its own message context (CLS: correlation id, gemeente,
 * token) and its own MikroORM request context. Nest's MikroORM middleware covers HTTP only; a
 * handler without this would share the global identity map (nestjs-notes §0.2).
 */
@Injectable()
export class MessageScopeInterceptor implements NestInterceptor {
  private readonly logger = new Logger('MessageHandler');

  constructor(
    private readonly cls: ClsService,
    private readonly orm: MikroORM,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const nats = context.switchToRpc().getContext<NatsContext>();
    const payload = context.switchToRpc().getData();
    return new Observable((subscriber) => {
      this.cls.run(() => {
        let messageContext: MessageContext;
        try {
          messageContext = readMessageContext(nats.getHeaders());
        } catch (error) {
          // A bad context header (e.g. a gemeente that is no CBS code) is the caller's mistake;
          // answer it with the caller's correlation id too, or their trace ends here.
          const correlationId = correlationIdFrom(nats.getHeaders()?.get(CONTEXT_HEADERS.correlationId));
          subscriber.error(new RpcException(toDomainError(error, this.logger).toWire(correlationId)));
          return;
        }
        // The guard has verified the token: its principal, and its gemeente when the message names none.
        const grant = grantOf(nats);
        if (grant?.gemeente && !messageContext.gemeente) messageContext = { ...messageContext, gemeente: grant.gemeente };
        this.cls.set('CLS_ID', messageContext.correlationId);
        this.cls.set(MESSAGE_CONTEXT, messageContext);
        if (grant?.principal) this.cls.set(PRINCIPAL, grant.principal);
        if (isMalformed(payload)) {
          subscriber.error(new RpcException(new DomainError('MALFORMED_REQUEST', 'Het bericht is geen geldige JSON.').toWire(messageContext.correlationId)));
          return;
        }
        RequestContext.create(this.orm.em, () => {
          next
            .handle()
            // Map errors here, inside the message's context, so the log line and the reply
            // both carry the correlation id.
            .pipe(catchError((error: unknown) => throwError(() => new RpcException(toDomainError(error, this.logger).toWire(messageContext.correlationId)))))
            .subscribe(subscriber);
        });
      });
    });
  }
}
