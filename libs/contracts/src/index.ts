export * from './bouwstenen';
export * from './subjects';
export * from './errors';
export * from './context';
export * from './reply';
export * from './events';
export * from './health';
export * from './identity';
