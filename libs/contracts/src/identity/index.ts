export * from './gemeente';
export * from './organisaties';
export * from './rollen';
export * from './roltoekenning';
export * from './token';
export * from './verificatie';
export * from './accounts';
