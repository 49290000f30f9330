import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import type { Principal as VerifiedPrincipal } from '@samen/contracts';
import { grantOf } from './auth.guard';

export const PRINCIPAL = 'samen.principal';

/** Who acts, as verified by the guard: `handle(@Principal() principal: Principal)`. */
export type Principal = VerifiedPrincipal;

/**
 * The verified principal of this message or request; undefined for an anonymous caller (only on
 * @Publiek and @Intern handlers: the others refuse anonymous callers before the handler runs).
 */
export const Principal = createParamDecorator((_data: unknown, context: ExecutionContext): VerifiedPrincipal | undefined => {
  const carrier: object = context.getType() === 'rpc' ? context.switchToRpc().getContext() : context.switchToHttp().getRequest();
  return grantOf(carrier)?.principal;
});

/** The principal of the message being handled, for services below the handler (from CLS). */
export function currentPrincipal(): VerifiedPrincipal | undefined {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? cls.get<VerifiedPrincipal | undefined>(PRINCIPAL) : undefined;
}
