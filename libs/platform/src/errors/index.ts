export * from './domain-error';
export * from './invalid-params';
export * from './validation.pipe';
export * from './rpc-error.filter';
