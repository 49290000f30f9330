import { Controller } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { NatsContext } from '@nestjs/microservices';
import { ClsServiceManager } from 'nestjs-cls';
import { headers as natsHeaders } from 'nats';
import { CONTEXT_HEADERS, type Jwks } from '@samen/contracts';
import { testTokenSigner, type TestTokenSigner } from '@samen/testing/tokens';
import { DomainError } from '../errors/domain-error';
import { MESSAGE_CONTEXT } from '../context/message-context';
import { PRINCIPAL } from './principal.decorator';
import { AuthGuard, grantOf } from './auth.guard';
import { Ingelogd, Intern, Publiek, Rollen } from './auth.decorators';
import { TokenVerifier } from './token-verifier';

@Controller()
class Handlers {
  @Publiek()
  open(): void {}

  @Rollen('ambtenaar')
  staff(): void {}

  @Ingelogd()
  mine(): void {}

  @Intern()
  internal(): void {}

  forgotten(): void {}
}

@Publiek()
@Controller()
class PublicByClass {
  anything(): void {}

  @Rollen('gemeentebeheerder')
  butThis(): void {}
}

type HandlerName = 'open' | 'staff' | 'mine' | 'internal' | 'forgotten';

function rpc(handler: () => void, cls: object, values: Record<string, string>): { context: ExecutionContextHost; nats: NatsContext } {
  const h = natsHeaders();
  for (const [k, v] of Object.entries(values)) h.set(k, v);
  const nats = new NatsContext(['identity.v1.test', h]);
  const context = new ExecutionContextHost([{}, nats], cls as never, handler);
  context.setType('rpc');
  return { context, nats };
}

function http(handler: () => void, cls: object, headers: Record<string, string>): { context: ExecutionContextHost; request: object } {
  const request = { headers };
  const context = new ExecutionContextHost([request, {}], cls as never, handler);
  context.setType('http');
  return { context, request };
}

/** The guard over NATS runs inside the message's scope (SamenNatsServer opens it). */
function inScope<T>(fn: () => Promise<T>): Promise<T> {
  return ClsServiceManager.getClsService().run(fn);
}

/** A refusal over NATS: a DomainError, which the error filter answers under the message's correlation id. */
async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('AuthGuard', () => {
  let signer: TestTokenSigner;
  let guard: AuthGuard;
  const handlers = new Handlers();
  const on = (name: HandlerName) => handlers[name] as () => void;

  beforeAll(async () => {
    signer = await testTokenSigner();
    const jwks: Jwks = signer.jwks;
    guard = new AuthGuard(new Reflector(), new TokenVerifier(async () => jwks));
  });

  describe('over NATS', () => {
    it('lets a good token through, records the principal and takes the token’s gemeente', async () => {
      const token = await signer.sign({ rollen: ['ambtenaar'], gemeente: 'GM0637' });
      const { context, nats } = rpc(on('staff'), Handlers, { [CONTEXT_HEADERS.authorization]: `Bearer ${token}` });
      const cls = ClsServiceManager.getClsService();
      const inCls = await inScope(async () => {
        await expect(guard.canActivate(context)).resolves.toBe(true);
        return { context: cls.get(MESSAGE_CONTEXT), principal: cls.get(PRINCIPAL) };
      });
      expect(grantOf(nats)).toMatchObject({ gemeente: 'GM0637', principal: { rollen: ['ambtenaar'] } });
      // For the services below the handler: the principal, and the token's gemeente as the message's.
      expect(inCls).toMatchObject({ context: { gemeente: 'GM0637' }, principal: { rollen: ['ambtenaar'] } });
    });

    it('refuses a message without a token to a handler that needs one', async () => {
      const { context } = rpc(on('staff'), Handlers, { [CONTEXT_HEADERS.correlationId]: 'corr-7' });
      expect(await refusal(inScope(() => guard.canActivate(context)))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    });

    it('403 for the wrong role, and for a token of another gemeente', async () => {
      const inwoner = await signer.sign({ rollen: ['inwoner'] });
      expect(await refusal(inScope(() => guard.canActivate(rpc(on('staff'), Handlers, { [CONTEXT_HEADERS.authorization]: `Bearer ${inwoner}` }).context)))).toMatchObject({ code: 'FORBIDDEN' });
      const ambtenaar = await signer.sign({ rollen: ['ambtenaar'], gemeente: 'GM0637' });
      const elsewhere = rpc(on('staff'), Handlers, { [CONTEXT_HEADERS.authorization]: `Bearer ${ambtenaar}`, [CONTEXT_HEADERS.gemeente]: 'GM0518' });
      expect(await refusal(inScope(() => guard.canActivate(elsewhere.context)))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    });

    it('refuses a handler without a decorator, even to a good token', async () => {
      const token = await signer.sign({ rollen: ['platformbeheerder'], gemeente: undefined });
      expect(await refusal(inScope(() => guard.canActivate(rpc(on('forgotten'), Handlers, { [CONTEXT_HEADERS.authorization]: `Bearer ${token}` }).context)))).toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('verifies a token on a public handler too', async () => {
      expect(await inScope(() => guard.canActivate(rpc(on('open'), Handlers, {}).context))).toBe(true);
      expect(await refusal(inScope(() => guard.canActivate(rpc(on('open'), Handlers, { [CONTEXT_HEADERS.authorization]: 'Bearer x.y.z' }).context)))).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    });

    it('takes a policy from the controller, and a handler’s own over it', async () => {
      expect(await inScope(() => guard.canActivate(rpc(PublicByClass.prototype.anything, PublicByClass, {}).context))).toBe(true);
      expect(await refusal(inScope(() => guard.canActivate(rpc(PublicByClass.prototype.butThis, PublicByClass, {}).context)))).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('an internal handler takes messages without a user token only', async () => {
      expect(await inScope(() => guard.canActivate(rpc(on('internal'), Handlers, {}).context))).toBe(true);
      const token = await signer.sign({ rollen: ['platformbeheerder'], gemeente: undefined });
      expect(await refusal(inScope(() => guard.canActivate(rpc(on('internal'), Handlers, { [CONTEXT_HEADERS.authorization]: `Bearer ${token}` }).context)))).toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('answers a bad gemeente header as UNKNOWN_GEMEENTE', async () => {
      expect(await refusal(inScope(() => guard.canActivate(rpc(on('open'), Handlers, { [CONTEXT_HEADERS.gemeente]: 'Zoetermeer' }).context)))).toMatchObject({
        code: 'UNKNOWN_GEMEENTE',
      });
    });
  });

  describe('over HTTP', () => {
    it('throws DomainErrors for the gateway’s problem filter (401, 403)', async () => {
      await expect(guard.canActivate(http(on('mine'), Handlers, {}).context)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      const token = await signer.sign({ gemeente: 'GM0637' });
      await expect(guard.canActivate(http(on('mine'), Handlers, { authorization: `Bearer ${token}`, 'samen-gemeente': 'GM0518' }).context)).rejects.toBeInstanceOf(DomainError);
      const { context, request } = http(on('mine'), Handlers, { authorization: `Bearer ${token}` });
      await expect(guard.canActivate(context)).resolves.toBe(true);
      expect(grantOf(request)?.gemeente).toBe('GM0637');
    });

    it('steps aside on an internal route, whose own guard checks its credential', async () => {
      await expect(guard.canActivate(http(on('internal'), Handlers, { authorization: 'Bearer admin-token' }).context)).resolves.toBe(true);
    });

    it('refuses a Samen-Gemeente header that is no CBS code (400)', async () => {
      await expect(guard.canActivate(http(on('open'), Handlers, { 'samen-gemeente': 'GM1' }).context)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });
});
