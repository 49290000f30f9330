import type { Principal } from '@samen/contracts';
import { DomainError } from '../errors/domain-error';

/**
 * Only the person may have their own data exported: not a beheerder, not another account. The
 * token's subject must be the account asked for (a 403 otherwise, also for staff: a request for
 * inzage by someone else goes through the gemeente's own procedure, not through this API).
 */
export function eisEigenAccount(principal: Principal | undefined, accountId: string): Principal {
  if (!principal) throw new DomainError('UNAUTHENTICATED', 'Log in om uw gegevens op te vragen.');
  if (principal.accountId !== accountId) throw new DomainError('FORBIDDEN', 'U kunt alleen uw eigen gegevens opvragen.');
  return principal;
}

/** The durable consumer of a bouwsteen that follows erasures. */
export function erasureConsumerName(bouwsteen: string): string {
  return `${bouwsteen}__account-verwijderd`;
}
