export * from './vraagstuk';
export * from './tafel';
