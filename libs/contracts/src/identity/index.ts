export * from './gemeente';
export * from './rollen';
export * from './token';
