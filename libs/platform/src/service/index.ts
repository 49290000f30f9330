export * from './service-definition';
export * from './service-root.module';
export * from './run-service';
