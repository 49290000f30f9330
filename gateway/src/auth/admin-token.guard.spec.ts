import type { ExecutionContext } from '@nestjs/common';
import { loadEnv } from '@samen/platform';
import { GatewayEnv } from '../config/gateway-env';
import { AdminTokenGuard } from './admin-token.guard';

const TOKEN = 'a-very-long-bootstrap-admin-token-0123456789';

function guard(token?: string): AdminTokenGuard {
  return new AdminTokenGuard(loadEnv(GatewayEnv, token ? { SAMEN_ADMIN_TOKEN: token } : {}));
}

function withAuthorization(authorization?: string): ExecutionContext {
  const request = { headers: authorization === undefined ? {} : { authorization } };
  return { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

describe('AdminTokenGuard', () => {
  it('lets the right token through', () => {
    expect(guard(TOKEN).canActivate(withAuthorization(`Bearer ${TOKEN}`))).toBe(true);
  });

  it.each([[undefined], ['Bearer wrong'], [`Bearer ${TOKEN}x`], [`Bearer ${TOKEN.slice(0, -1)}`], [`Basic ${TOKEN}`], [TOKEN]])(
    'answers 401 to authorization %j',
    (authorization) => {
      expect(() => guard(TOKEN).canActivate(withAuthorization(authorization))).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', status: 401 }));
    },
  );

  it('answers 403 to everyone while SAMEN_ADMIN_TOKEN is unset', () => {
    expect(() => guard().canActivate(withAuthorization(`Bearer ${TOKEN}`))).toThrow(expect.objectContaining({ code: 'FORBIDDEN', status: 403 }));
  });
});
