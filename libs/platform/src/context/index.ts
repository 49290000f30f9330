export * from './message-context';
export * from './context.decorator';
export * from './cls-context.module';
