export * from './vraagstuk';
export * from './tafel';
export * from './besluit';
export * from './actie';
export * from './evaluatie';
