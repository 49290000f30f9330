export * from './orm-options';
export * from './platform-migrations';
export * from './request-context.interceptor';
export * from './provision';
export * from './migrate';
