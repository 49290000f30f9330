import type { Principal } from '@samen/contracts';
import { DomainError } from '../errors/domain-error';
import type { AuthPolicy } from './auth.decorators';

export interface AccessRequest {
  /** The handler's policy; undefined when it has none (then: refused). */
  policy: AuthPolicy | undefined;
  /** Whether the caller sent a bearer token at all. */
  tokenPresent: boolean;
  /** The verified token's principal (only when a token was sent and verified). */
  principal: Principal | undefined;
  /** The gemeente the request names (Samen-Gemeente), if any. */
  gemeente: string | undefined;
}

export interface AccessGranted {
  /** Who acts; absent for an anonymous caller (or a token of another gemeente on a public route). */
  principal?: Principal;
  /** The gemeente the request acts in: the one named, else the token's. */
  gemeente?: string;
}

const NEEDS_TOKEN = 'Log in: stuur een geldig toegangstoken mee (Authorization: Bearer <token>).';

/**
 * The guard's decision, free of Nest and of transports so that every case has a unit test.
 * Throws UNAUTHENTICATED (401) or FORBIDDEN (403); returns the principal and gemeente to act in.
 */
export function decideAccess({ policy, tokenPresent, principal, gemeente }: AccessRequest): AccessGranted {
  if (!policy) {
    throw new DomainError('FORBIDDEN', 'Deze bewerking is niet vrijgegeven.');
  }
  if (policy.kind === 'intern') {
    // A user token on an internal subject means a route forwarded a user's request where it
    // should not: refuse rather than act as the platform on their behalf.
    if (tokenPresent) throw new DomainError('FORBIDDEN', 'Deze bewerking is alleen voor de suite zelf, niet namens een gebruiker.');
    return gemeente ? { gemeente } : {};
  }
  if (tokenPresent && !principal) throw new DomainError('UNAUTHENTICATED', NEEDS_TOKEN);

  const inScope = principal === undefined || isPlatformbeheerder(principal) || gemeente === undefined || principal.gemeente === gemeente;
  if (policy.kind === 'publiek') {
    // Public data is public to everyone: a resident of one gemeente reads another's public pages,
    // but as an anonymous visitor there, never as someone who may act in it.
    if (!principal || !inScope) return gemeente ? { gemeente } : {};
    return { principal, ...scope(principal, gemeente) };
  }

  if (!principal) throw new DomainError('UNAUTHENTICATED', NEEDS_TOKEN);
  if (!inScope) throw new DomainError('FORBIDDEN', 'Uw toegangstoken hoort bij een andere gemeente.');
  if (policy.kind === 'rollen' && !policy.rollen.some((rol) => principal.rollen.includes(rol))) {
    throw new DomainError('FORBIDDEN', 'U heeft niet de rol die hiervoor nodig is.');
  }
  return { principal, ...scope(principal, gemeente) };
}

function isPlatformbeheerder(principal: Principal): boolean {
  return principal.rollen.includes('platformbeheerder');
}

function scope(principal: Principal, gemeente: string | undefined): { gemeente?: string } {
  const acting = gemeente ?? principal.gemeente;
  return acting ? { gemeente: acting } : {};
}
