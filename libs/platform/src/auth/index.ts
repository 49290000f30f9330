export * from './auth.decorators';
export * from './access-decision';
export * from './token-verifier';
export * from './auth.guard';
export * from './principal.decorator';
export * from './auth.module';
export * from './handler-policies';
