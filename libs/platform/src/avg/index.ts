export * from './persoonsgegevens';
export * from './avg.rules';
export * from './avg.handlers';
export * from './erasure-consumer';
