import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import { eventSource, eventType, type Bouwsteen, type CloudEvent, type MessageContext } from '@samen/contracts';

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

/** The transactions (their entity managers) that wrote events: the relay is woken after their commit (events.module.ts). */
export const TRANSACTIES_MET_EVENTS = new WeakSet<object>();

/**
 * Adds events to the outbox, inside the transaction that makes the change: the event then exists
 * if and only if the change does (DESIGN rule 2); outside a transaction it refuses. Nothing is
 * published here: the relay does that after commit.
 *
 * One INSERT rather than an entity for the unit of work: nearly every write adds an event, and the
 * flush of a new entity (change set, knex, the generated seq read back) cost more than the row.
 */
@Injectable()
export class Outbox {
  constructor(private readonly bouwsteen: Bouwsteen) {}

  async add<T>(em: EntityManager, input: NewEvent<T>): Promise<CloudEvent<T>> {
    if (!em.isInTransaction()) throw new Error('Outbox.add buiten een transactie / outside a transaction: the event would not share the change’s fate');
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
    await em.getConnection().execute(
      `insert into "${this.bouwsteen}"."outbox" ("id", "subject", "event", "occurred_at", "attempts") values (?, ?, ?::jsonb, ?, 0)`,
      [event.id, input.subject, JSON.stringify(event), now],
      'run',
      em.getTransactionContext(),
    );
    TRANSACTIES_MET_EVENTS.add(em);
    return event;
  }
}
