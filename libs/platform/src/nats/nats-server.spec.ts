import type { MikroORM } from '@mikro-orm/core';
import { RequestContext } from '@mikro-orm/core';
import { NatsContext, Transport } from '@nestjs/microservices';
import { ClsServiceManager } from 'nestjs-cls';
import { headers as natsHeaders } from 'nats';
import { CONTEXT_HEADERS } from '@samen/contracts';
import { MESSAGE_CONTEXT } from '../context/message-context';
import { SamenNatsServer } from './nats-server';

/** An ORM whose entity manager forks into a recognisable object: which fork serves this message? */
function fakeOrm(): { orm: MikroORM; forks: object[] } {
  const forks: object[] = [];
  const em = { name: 'default', fork: () => forks[forks.push({ fork: forks.length + 1 }) - 1] };
  return { orm: { em } as unknown as MikroORM, forks };
}

function message(values: Record<string, string>): NatsContext {
  const h = natsHeaders();
  for (const [k, v] of Object.entries(values)) h.set(k, v);
  return new NatsContext(['samenspreker.v1.test', h]);
}

describe('SamenNatsServer: each message in its own scope', () => {
  const cls = ClsServiceManager.getClsService();
  const { orm, forks } = fakeOrm();
  const server = new SamenNatsServer({ servers: ['nats://127.0.0.1:1'] });
  server.openScopesWith(cls, orm);
  /** Runs `inside` as Nest runs a handler: through the processing-start hook. */
  const handle = <T>(context: NatsContext, inside: () => Promise<T>): Promise<T> =>
    new Promise((resolve, reject) =>
      (server as unknown as { onProcessingStartHook: (t: Transport, c: NatsContext, done: () => Promise<unknown>) => void }).onProcessingStartHook(Transport.NATS, context, () =>
        inside().then(resolve, reject),
      ),
    );

  it('carries the caller’s correlation id and gemeente, for logs (cls.getId) and handlers', async () => {
    const seen = await handle(message({ [CONTEXT_HEADERS.correlationId]: 'vraag-42', [CONTEXT_HEADERS.gemeente]: 'GM0637' }), async () => ({
      id: cls.getId(),
      context: cls.get(MESSAGE_CONTEXT),
    }));
    expect(seen).toEqual({ id: 'vraag-42', context: { correlationId: 'vraag-42', gemeente: 'GM0637' } });
  });

  it('gives a message without a usable correlation id a fresh one, the same for logs and context', async () => {
    const seen = await handle(message({ [CONTEXT_HEADERS.correlationId]: 'not ok!' }), async () => ({ id: cls.getId(), context: cls.get(MESSAGE_CONTEXT) }));
    expect(seen.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.context).toEqual({ correlationId: seen.id });
  });

  it('keeps the correlation id of a message whose gemeente header is bad, for the guard’s refusal', async () => {
    const seen = await handle(message({ [CONTEXT_HEADERS.correlationId]: 'slecht-1', [CONTEXT_HEADERS.gemeente]: 'Zoetermeer' }), async () => cls.get(MESSAGE_CONTEXT));
    expect(seen).toEqual({ correlationId: 'slecht-1' });
  });

  it('gives every message its own entity manager fork, also when they overlap', async () => {
    const [a, b] = await Promise.all(
      [1, 2].map((i) =>
        handle(message({ [CONTEXT_HEADERS.correlationId]: `m-${i}` }), async () => {
          await new Promise((r) => setTimeout(r, 5));
          return { em: RequestContext.getEntityManager(), id: cls.getId() };
        }),
      ),
    );
    expect(a.em).toBeDefined();
    expect(a.em).not.toBe(b.em);
    expect(forks).toEqual(expect.arrayContaining([a.em, b.em]));
    expect([a.id, b.id]).toEqual(['m-1', 'm-2']);
  });

  it('routes plain subjects as they are, without Nest’s JSON.parse attempt', () => {
    const parse = jest.spyOn(JSON, 'parse');
    expect(server.getRouteFromPattern('samenspreker.v1.vraagstukken.get')).toBe('samenspreker.v1.vraagstukken.get');
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });
});
