import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ClsService, ClsServiceManager } from 'nestjs-cls';
import { ClsContextModule } from './cls-context.module';

describe('ClsContextModule', () => {
  it('injects the process-wide ClsService, whose contexts the platform opens itself', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ClsContextModule] }).compile();
    const cls = moduleRef.get(ClsService);
    expect(cls).toBe(ClsServiceManager.getClsService());
    expect(cls.run(() => (cls.set('gemeente', 'GM0637'), cls.get('gemeente')))).toBe('GM0637');
  });

  it('adds no global guard or interceptor (one would put every request through the rxjs chain)', () => {
    const providers = (Reflect.getMetadata('providers', ClsContextModule) as Array<{ provide: unknown }>).map((p) => p.provide);
    expect(providers).toEqual([ClsService]);
    expect(providers).not.toContain(APP_INTERCEPTOR);
    expect(providers).not.toContain(APP_GUARD);
  });
});
