import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Rol } from '@samen/contracts';

export const AUTH_POLICY = 'samen.authPolicy';

/**
 * Who may call a handler. A handler (or its controller) without one is refused: secure by
 * default, so a forgotten decorator fails closed instead of publishing a route.
 */
export type AuthPolicy =
  /** Anyone; a token that is sent is still verified (a bad one is a 401). */
  | { kind: 'publiek' }
  /** Any valid token. */
  | { kind: 'ingelogd' }
  /** A valid token holding at least one of these roles. */
  | { kind: 'rollen'; rollen: readonly Rol[] }
  /**
   * Platform-internal: called by processes of the suite, not on behalf of a user. Over NATS it
   * takes only messages without a user token (the broker's subject permissions decide who may
   * send them); over HTTP this guard steps aside and the route's own guard authenticates.
   */
  | { kind: 'intern' };

/** No token needed; a token that is sent is still verified. */
export const Publiek = (): ClassDecorator & MethodDecorator => SetMetadata(AUTH_POLICY, { kind: 'publiek' } satisfies AuthPolicy);

/** A valid access token, whatever its roles. */
export const Ingelogd = (): ClassDecorator & MethodDecorator => SetMetadata(AUTH_POLICY, { kind: 'ingelogd' } satisfies AuthPolicy);

/** A valid access token with at least one of these roles (401 without a good token, 403 without the role). */
export const Rollen = (...rollen: Rol[]): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(AUTH_POLICY, { kind: 'rollen', rollen } satisfies AuthPolicy));

/** Platform-internal, see {@link AuthPolicy}. */
export const Intern = (): ClassDecorator & MethodDecorator => SetMetadata(AUTH_POLICY, { kind: 'intern' } satisfies AuthPolicy);
