export * from './outbox.entity';
export * from './inbox.entity';
export * from './outbox';
export * from './outbox-relay';
export * from './event-consumer';
export * from './stream';
export * from './events.module';
