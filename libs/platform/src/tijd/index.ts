export * from './nederlandse-datum';
