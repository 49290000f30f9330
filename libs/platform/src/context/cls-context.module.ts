import { Global, Module } from '@nestjs/common';
import { ClsService, ClsServiceManager } from 'nestjs-cls';

/**
 * The ClsService (nestjs-cls's process-wide instance) for injection, without ClsModule.forRoot.
 * That root module always registers a global guard and a global interceptor, even when told not
 * to mount them (then they do nothing); a global interceptor alone makes Nest run every request
 * through its rxjs interceptor chain (an AsyncResource.bind, and an Observable per request):
 * measurable in the gateway, which has no interceptor of its own. The suite opens its CLS
 * contexts itself (SamenNatsServer per message, the event consumer), so nothing else is needed.
 */
@Global()
@Module({
  providers: [{ provide: ClsService, useValue: ClsServiceManager.getClsService() }],
  exports: [ClsService],
})
export class ClsContextModule {}
