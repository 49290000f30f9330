export * from './health.service';
export * from './health.controllers';
