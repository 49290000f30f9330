import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Bouwsteen, DatabaseState, HealthReply } from '@samen/contracts';
import { suiteVersion } from '../config/version';
import { OutboxMessage } from '../events/outbox.entity';

const STARTED = Date.now();
/** Tells instances apart, also two in one process (tests) or two pods with one host name. */
const INSTANCE_SALT = () => randomBytes(3).toString('hex');

@Injectable()
export class HealthService {
  private readonly instance = `${hostname()}:${process.pid}:${INSTANCE_SALT()}`;

  constructor(
    private readonly bouwsteen: Bouwsteen,
    private readonly orm: MikroORM,
    private readonly version: string = suiteVersion(),
  ) {}

  async check(): Promise<HealthReply> {
    const em = this.orm.em.fork() as EntityManager;
    let database: DatabaseState = 'down';
    let pendingEvents = 0;
    try {
      pendingEvents = await withTimeout(em.count(OutboxMessage, { publishedAt: null }), 1000);
      database = 'up';
    } catch {
      database = 'down';
    }
    return {
      bouwsteen: this.bouwsteen,
      version: this.version,
      uptimeSeconds: Math.round((Date.now() - STARTED) / 1000),
      database,
      instance: this.instance,
      pendingEvents,
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}
