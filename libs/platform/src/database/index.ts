export * from './orm-options';
export * from './platform-migrations';
export * from './provision';
export * from './migrate';
