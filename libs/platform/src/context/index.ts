export * from './message-context';
export * from './context.decorator';
