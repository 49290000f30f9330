import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { MikroORM, type EventSubscriber, type TransactionEventArgs } from '@mikro-orm/core';
import { ClsService } from 'nestjs-cls';
import type { Bouwsteen } from '@samen/contracts';
import { NatsConnectionHolder } from '../nats/nats-connection';
import { EventConsumer } from './event-consumer';
import { Outbox, TRANSACTIES_MET_EVENTS } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { ensureEventStream } from './stream';

export interface EventsModuleOptions {
  bouwsteen: Bouwsteen;
  outboxPollMs: number;
}

const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');

/** The outbox, its relay and the event consumer of one bouwsteen. */
@Global()
@Module({})
export class EventsModule implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly orm: MikroORM,
    private readonly nats: NatsConnectionHolder,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
  ) {}

  static forRoot(options: EventsModuleOptions): DynamicModule {
    return {
      module: EventsModule,
      providers: [
        { provide: EVENTS_OPTIONS, useValue: options },
        { provide: Outbox, useFactory: () => new Outbox(options.bouwsteen) },
        {
          provide: OutboxRelay,
          inject: [MikroORM, NatsConnectionHolder],
          useFactory: (orm: MikroORM, nats: NatsConnectionHolder) =>
            new OutboxRelay(orm, nats.connection.jetstream(), { bouwsteen: options.bouwsteen, pollMs: options.outboxPollMs }),
        },
        {
          provide: EventConsumer,
          inject: [MikroORM, ClsService, NatsConnectionHolder],
          useFactory: async (orm: MikroORM, cls: ClsService, nats: NatsConnectionHolder) =>
            new EventConsumer(orm, cls, nats.connection.jetstream(), await nats.connection.jetstreamManager(), {
              schema: options.bouwsteen,
            }),
        },
      ],
      exports: [Outbox, OutboxRelay, EventConsumer],
    };
  }

  async onModuleInit(): Promise<void> {
    await ensureEventStream(await this.nats.connection.jetstreamManager());
    this.orm.em.getEventManager().registerSubscriber(wakeRelayAfterCommitWithEvents(this.relay));
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.relay.stop();
  }
}

export { EVENTS_OPTIONS };

/**
 * Wakes the relay after a commit that wrote events (Outbox.add marks its transaction), so they leave
 * at once rather than at the next poll. Only such commits: waking on every commit would include the
 * relay's own, and the relay would wake itself for ever.
 */
export function wakeRelayAfterCommitWithEvents(relay: Pick<OutboxRelay, 'wake'>): EventSubscriber {
  return {
    afterTransactionCommit: ({ em }: TransactionEventArgs) => {
      if (TRANSACTIES_MET_EVENTS.delete(em)) relay.wake();
    },
  };
}
