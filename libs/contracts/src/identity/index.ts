export * from './gemeente';
