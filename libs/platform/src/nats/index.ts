export * from './wire';
export * from './options';
export * from './nats-server';
export * from './nats-connection';
export * from './bouwsteen-client';
export * from './nats.module';
