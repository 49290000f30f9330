export * from './vraagstuk';
