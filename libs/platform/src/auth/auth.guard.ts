import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NatsContext } from '@nestjs/microservices';
import { ClsServiceManager } from 'nestjs-cls';
import { CONTEXT_HEADERS, GEMEENTE_CODE_PATTERN, type Principal } from '@samen/contracts';
import { MESSAGE_CONTEXT, readMessageContext } from '../context/message-context';
import { DomainError } from '../errors/domain-error';
import { isMalformed } from '../nats/wire';
import { PRINCIPAL } from './principal.decorator';
import { decideAccess, type AccessGranted } from './access-decision';
import { AUTH_POLICY, type AuthPolicy } from './auth.decorators';
import { TokenVerifier } from './token-verifier';

/** What the guard decided per message (keyed by its NatsContext) or HTTP request. */
const GRANTS = new WeakMap<object, AccessGranted>();

/** The guard's decision for this message or request: principal and the gemeente it acts in. */
export function grantOf(carrier: object): AccessGranted | undefined {
  return GRANTS.get(carrier);
}

interface HttpRequestLike {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The one guard of the suite, for NATS messages and HTTP requests alike (registered globally by
 * ServiceRootModule and the gateway). For NATS it runs inside the message's scope
 * (SamenNatsServer): it reads the message context from the headers strictly (a gemeente that is no
 * CBS code is refused here), puts its decision into CLS, and refuses a body that was no JSON.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AuthPolicy | undefined>(AUTH_POLICY, [context.getHandler(), context.getClass()]);
    if (!policy) {
      // A programming slip, not an attack: say which handler lacks its decorator.
      this.logger.warn(`${context.getClass().name}.${context.getHandler().name} has no @Publiek/@Ingelogd/@Rollen/@Intern: refused`);
    }
    return context.getType() === 'rpc' ? this.rpc(context, policy) : this.http(context, policy);
  }

  private async rpc(context: ExecutionContext, policy: AuthPolicy | undefined): Promise<boolean> {
    const nats = context.switchToRpc().getContext<NatsContext>();
    // The message's scope (SamenNatsServer) is open: a refusal thrown here reaches the error
    // filter, which answers it under the caller's correlation id.
    const message = readMessageContext(nats.getHeaders());
    const grant = await this.decide(policy, message.accessToken, message.gemeente);
    GRANTS.set(nats, grant);
    // The verified principal, and the token's gemeente when the message names none, for the
    // services below the handler (currentPrincipal(), @Context()).
    const cls = ClsServiceManager.getClsService();
    cls.set(MESSAGE_CONTEXT, { ...message, correlationId: cls.getId(), ...(grant.gemeente ? { gemeente: grant.gemeente } : {}) });
    if (grant.principal) cls.set(PRINCIPAL, grant.principal);
    if (isMalformed(context.switchToRpc().getData())) throw new DomainError('MALFORMED_REQUEST', 'Het bericht is geen geldige JSON.');
    return true;
  }

  private async http(context: ExecutionContext, policy: AuthPolicy | undefined): Promise<boolean> {
    // Over HTTP an internal route has its own credential (the gateway's admin token), checked by its own guard.
    if (policy?.kind === 'intern') return true;
    const request = context.switchToHttp().getRequest<HttpRequestLike>();
    const token = bearer(header(request, 'authorization'));
    const gemeente = header(request, CONTEXT_HEADERS.gemeente.toLowerCase());
    if (gemeente !== undefined && !GEMEENTE_CODE_PATTERN.test(gemeente)) {
      throw DomainError.validation([
        { name: CONTEXT_HEADERS.gemeente, code: 'matches', reason: `${CONTEXT_HEADERS.gemeente} moet een CBS-code zijn: GM gevolgd door vier cijfers (bijv. GM0637).` },
      ]);
    }
    GRANTS.set(request, await this.decide(policy, token, gemeente));
    return true;
  }

  private async decide(policy: AuthPolicy | undefined, token: string | undefined, gemeente: string | undefined): Promise<AccessGranted> {
    // Verify only where the token counts; a refused or internal route does not need identity's keys.
    let principal: Principal | undefined;
    if (token !== undefined && policy !== undefined && policy.kind !== 'intern') principal = await this.verifier.verify(token);
    return decideAccess({ policy, tokenPresent: token !== undefined, principal, gemeente });
  }
}

function header(request: HttpRequestLike, name: string): string | undefined {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

function bearer(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
}
