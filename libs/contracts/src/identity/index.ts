export * from './gemeente';
export * from './rollen';
export * from './token';
export * from './accounts';
