import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { eventSource, eventType, type Bouwsteen, type CloudEvent, type MessageContext } from '@samen/contracts';
import { OutboxMessage } from './outbox.entity';

export interface NewEvent<T> {
  /** Full subject, from the contract, e.g. `evt.identity.v1.gemeente-vastgelegd`. */
  subject: string;
  /** Resource and event name for the CloudEvents type, e.g. `gemeente`, `vastgelegd`. */
  resource: string;
  event: string;
  /** Id of the record the event is about. */
  about: string;
  data: T;
  context?: Pick<MessageContext, 'gemeente' | 'correlationId'>;
}

export const BOUWSTEEN = Symbol('BOUWSTEEN');

/**
 * Adds events to the outbox of the current unit of work. Call it inside the transaction that makes
 * the change; the event then exists if and only if the change does (DESIGN rule 2). Nothing is
 * published here: the relay does that after commit.
 */
@Injectable()
export class Outbox {
  constructor(private readonly bouwsteen: Bouwsteen) {}

  add<T>(em: EntityManager, input: NewEvent<T>): CloudEvent<T> {
    const now = new Date();
    const event: CloudEvent<T> = {
      specversion: '1.0',
      id: randomUUID(),
      source: eventSource(this.bouwsteen),
      type: eventType(this.bouwsteen, input.resource, input.event),
      time: now.toISOString(),
      subject: input.about,
      datacontenttype: 'application/json',
      ...(input.context?.gemeente ? { gemeente: input.context.gemeente } : {}),
      ...(input.context?.correlationId ? { correlationid: input.context.correlationId } : {}),
      data: input.data,
    };
    const message = em.create(OutboxMessage, { id: event.id, subject: input.subject, event, occurredAt: now, attempts: 0 });
    em.persist(message);
    return event;
  }
}
