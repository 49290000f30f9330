import type { DynamicModule, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA } from '@nestjs/common/constants';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { AUTH_POLICY, type AuthPolicy } from './auth.decorators';

export interface HandlerPolicy {
  handler: string;
  policy: AuthPolicy | undefined;
}

type ModuleRef = Type<unknown> | DynamicModule | Promise<DynamicModule> | undefined;

/**
 * Every message and HTTP handler reachable from a module, with the policy the guard will apply,
 * read from the decorators alone (no app, no database). Tests use it to find a handler that
 * lacks a decorator before the guard refuses it at run time.
 */
export function handlerPolicies(root: Type<unknown> | DynamicModule): HandlerPolicy[] {
  const seen = new Set<unknown>();
  const found: HandlerPolicy[] = [];
  const visit = (ref: ModuleRef): void => {
    if (!ref || ref instanceof Promise || seen.has(ref)) return;
    seen.add(ref);
    const dynamic = typeof ref === 'function' ? undefined : ref;
    const type = typeof ref === 'function' ? ref : ref.module;
    const imports = [...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) as ModuleRef[] | undefined) ?? []), ...((dynamic?.imports as ModuleRef[] | undefined) ?? [])];
    const controllers = [...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) as Type<unknown>[] | undefined) ?? []), ...(dynamic?.controllers ?? [])];
    for (const controller of controllers) {
      if (seen.has(controller)) continue;
      seen.add(controller);
      const classPolicy = Reflect.getMetadata(AUTH_POLICY, controller) as AuthPolicy | undefined;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const method = proto[name];
        if (name === 'constructor' || typeof method !== 'function') continue;
        const isHandler = Reflect.hasMetadata(PATTERN_METADATA, method) || Reflect.hasMetadata(METHOD_METADATA, method);
        if (!isHandler) continue;
        const policy = (Reflect.getMetadata(AUTH_POLICY, method) as AuthPolicy | undefined) ?? classPolicy;
        found.push({ handler: `${controller.name}.${name}`, policy });
      }
    }
    for (const imported of imports) visit(imported);
  };
  visit(root);
  return found;
}
