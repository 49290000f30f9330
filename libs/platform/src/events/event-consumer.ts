import { Logger } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AckPolicy,
  DeliverPolicy,
  nanos,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from 'nats';
import { CLS_ID, ClsService } from 'nestjs-cls';
import { EVENT_STREAM, type CloudEvent, type MessageContext } from '@samen/contracts';
import { MESSAGE_CONTEXT, correlationIdFrom } from '../context/message-context';

export interface EventHandler<T = unknown> {
  /** Durable consumer name, unique in the suite: `<bouwsteen>__<purpose>`. */
  consumer: string;
  /** The event subject to follow (one per consumer; NATS 2.9 takes one filter). */
  subject: string;
  /**
   * Applies the event inside the transaction that also records it in the inbox. Throwing rolls
   * both back and the event comes again later.
   */
  handle(event: CloudEvent<T>, em: EntityManager): Promise<void>;
}

export interface ConsumerOptions {
  schema: string;
  /** How long JetStream waits for an ack before delivering again. */
  ackWaitMs?: number;
  /** Upper bound of the back-off between deliveries of a failing event. */
  maxBackoffMs?: number;
  maxAckPending?: number;
}

const DURABLE = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Applies each event exactly once in effect, on top of JetStream's at-least-once delivery:
 * a durable pull consumer per handler (shared by all instances of the bouwsteen), and per event
 * one transaction that inserts (consumer, event id) into the inbox and runs the handler. If the
 * id is already there, the event is acknowledged and nothing happens. A handler that throws gets
 * the event again after a growing delay; nothing is acknowledged before its effect is committed.
 * An event that is not a CloudEvent at all is terminated and logged (it can never succeed).
 */
export class EventConsumer {
  private readonly logger = new Logger('EventConsumer');
  private readonly subscriptions: ConsumerMessages[] = [];
  private readonly loops: Promise<void>[] = [];
  private stopping = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly cls: ClsService,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: ConsumerOptions,
  ) {}

  async start<T>(handler: EventHandler<T>): Promise<void> {
    if (!DURABLE.test(handler.consumer)) throw new Error(`invalid consumer name ${handler.consumer}`);
    await this.jsm.consumers.add(EVENT_STREAM, {
      durable_name: handler.consumer,
      filter_subject: handler.subject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
      max_deliver: -1,
      max_ack_pending: this.options.maxAckPending ?? 256,
    });
    const consumer = await this.js.consumers.get(EVENT_STREAM, handler.consumer);
    const messages = await consumer.consume({ max_messages: 32 });
    this.subscriptions.push(messages);
    this.loops.push(this.loop(messages, handler as EventHandler));
  }

  private async loop(messages: ConsumerMessages, handler: EventHandler): Promise<void> {
    for await (const msg of messages) {
      await this.process(msg, handler);
      if (this.stopping) break;
    }
  }

  /** Handles one delivery; public for tests that feed it messages directly. */
  async process(msg: JsMsg, handler: EventHandler): Promise<'applied' | 'duplicate' | 'failed' | 'rejected'> {
    let event: CloudEvent;
    try {
      event = msg.json<CloudEvent>();
      if (!event || typeof event.id !== 'string' || event.id.length === 0 || event.id.length > 200 || typeof event.type !== 'string') {
        throw new Error('not a CloudEvent');
      }
    } catch (error) {
      this.logger.error({ consumer: handler.consumer, subject: msg.subject, seq: msg.seq }, `unreadable event terminated: ${(error as Error).message}`);
      msg.term();
      return 'rejected';
    }
    const context: MessageContext = {
      correlationId: correlationIdFrom(event.correlationid),
      ...(event.gemeente ? { gemeente: event.gemeente } : {}),
    };
    try {
      const outcome = await this.cls.run(async () => {
        this.cls.set(CLS_ID, context.correlationId);
        this.cls.set(MESSAGE_CONTEXT, context);
        return RequestContext.create(this.orm.em, () => this.applyOnce(event, handler));
      });
      msg.ack();
      return outcome;
    } catch (error) {
      const delivery = msg.info.redeliveryCount;
      const delay = Math.min(this.options.maxBackoffMs ?? 60_000, 250 * 2 ** Math.min(delivery, 16));
      this.logger.warn(
        { err: error, consumer: handler.consumer, eventId: event.id, delivery },
        `event handler failed; delivering again in ${delay} ms`,
      );
      msg.nak(delay);
      return 'failed';
    }
  }

  private async applyOnce(event: CloudEvent, handler: EventHandler): Promise<'applied' | 'duplicate'> {
    const em = this.orm.em.fork() as EntityManager;
    return em.transactional(async (tx) => {
      const inserted = await tx.execute<{ event_id: string }[]>(
        `insert into "${this.options.schema}"."inbox" ("consumer", "event_id") values (?, ?) on conflict do nothing returning "event_id"`,
        [handler.consumer, event.id],
      );
      if (inserted.length === 0) return 'duplicate';
      await handler.handle(event, tx);
      return 'applied';
    });
  }

  /** Stops fetching; the event in hand is finished (or, if it fails, delivered again later). */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const messages of this.subscriptions) messages.stop();
    await Promise.allSettled(this.loops);
  }
}
