export * from './vraagstuk';
export * from './tafel';
export * from './stemming';
export * from './stemmen';
