import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { BouwsteenClient, REQUEST_TIMEOUT_MS } from './bouwsteen-client';
import { NatsConnectionHolder } from './nats-connection';

export interface NatsModuleOptions {
  natsUrl: string;
  processName: string;
  requestTimeoutMs: number;
  /**
   * Start without waiting for the broker and connect in the background (the gateway, which must
   * answer 503 while NATS is away). A bouwsteen leaves it off: it cannot work without NATS.
   */
  connectInBackground?: boolean;
}

@Global()
@Module({})
export class NatsModule implements OnApplicationShutdown {
  constructor(@Inject(NatsConnectionHolder) private readonly holder: NatsConnectionHolder) {}

  static forRoot(options: NatsModuleOptions): DynamicModule {
    return {
      module: NatsModule,
      providers: [
        {
          provide: NatsConnectionHolder,
          useFactory: () =>
            options.connectInBackground
              ? NatsConnectionHolder.connectInBackground(options.natsUrl, options.processName)
              : NatsConnectionHolder.open(options.natsUrl, options.processName),
        },
        { provide: REQUEST_TIMEOUT_MS, useValue: options.requestTimeoutMs },
        BouwsteenClient,
      ],
      exports: [NatsConnectionHolder, BouwsteenClient],
    };
  }

  // Runs after the Nest transport has stopped taking requests, so replies still go out.
  async onApplicationShutdown(): Promise<void> {
    await this.holder.close();
  }
}
