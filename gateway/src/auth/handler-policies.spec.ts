import { Controller, Get, Module } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { BOUWSTENEN } from '@samen/contracts';
import { Publiek } from '@samen/platform';
import { handlerPolicies, loadEnv, ServiceEnv, ServiceRootModule } from '@samen/platform';
import { definitionOf } from '@samen/testing/services';
import { GatewayEnv } from '../config/gateway-env';
import { GatewayModule } from '../gateway.module';

// The guard refuses a handler without @Publiek/@Ingelogd/@Rollen/@Intern at run time (secure by
// default); this finds such a handler in any bouwsteen or the gateway before anyone calls it.
describe('every handler says who may call it', () => {
  const settings = { NODE_ENV: 'test', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };

  it('finds handlers without a decorator, through imports, and takes a controller-wide one', () => {
    @Controller()
    class Forgotten {
      @MessagePattern('x.v1.a.b')
      message(): void {}

      @Get('y')
      route(): void {}

      helper(): void {}
    }
    @Publiek()
    @Controller()
    class Open {
      @Get('z')
      route(): void {}
    }
    @Module({ controllers: [Forgotten] })
    class Inner {}
    @Module({ imports: [Inner], controllers: [Open] })
    class Outer {}
    expect(handlerPolicies(Outer)).toEqual([
      { handler: 'Open.route', policy: { kind: 'publiek' } },
      { handler: 'Forgotten.message', policy: undefined },
      { handler: 'Forgotten.route', policy: undefined },
    ]);
  });

  it.each(BOUWSTENEN)('%s', (bouwsteen) => {
    const definition = definitionOf(bouwsteen);
    const env = loadEnv(definition.env ?? ServiceEnv, settings);
    const handlers = handlerPolicies(ServiceRootModule.create(definition, env));
    // The platform's own handlers are found too.
    expect(handlers.map((h) => h.handler)).toEqual(expect.arrayContaining(['HealthHandlers.check', 'HealthProbes.live']));
    expect(handlers.filter((h) => h.policy === undefined).map((h) => h.handler)).toEqual([]);
  });

  it('gateway', () => {
    const handlers = handlerPolicies(GatewayModule.forRoot(loadEnv(GatewayEnv, { NODE_ENV: 'test' })));
    expect(handlers.map((h) => h.handler)).toEqual(expect.arrayContaining(['MijController.get', 'SleutelsController.get', 'GemeentenController.put']));
    expect(handlers.filter((h) => h.policy === undefined).map((h) => h.handler)).toEqual([]);
  });
});
