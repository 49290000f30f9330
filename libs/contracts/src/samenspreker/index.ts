export * from './vraagstuk';
export * from './tafel';
export * from './ronde';
export * from './oplossing';
export * from './reactie';
