export * from './vraagstuk';
export * from './tafel';
export * from './stemming';
export * from './agendering';
export * from './ronde';
export * from './oplossing';
export * from './reactie';
