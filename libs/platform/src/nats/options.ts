import { hostname } from 'node:os';
import type { NatsOptions } from '@nestjs/microservices';
import { queueGroup, type Bouwsteen } from '@samen/contracts';
import type { ConnectionOptions } from 'nats';
import { PlainReplySerializer, PlainRequestDeserializer } from './wire';

export type NatsServerOptions = NonNullable<NatsOptions['options']>;

export interface NatsServersAndCredentials {
  servers: string[];
  user?: string;
  pass?: string;
}

/**
 * Splits NATS_URL into servers and credentials. nats.js ignores a user and password written in
 * the URL, so they are taken out (of the first URL that has them) and passed as options; the
 * servers are then given without them, which also keeps the password out of connection logs.
 */
export function natsServers(natsUrl: string): NatsServersAndCredentials {
  const result: NatsServersAndCredentials = { servers: [] };
  for (const entry of natsUrl.split(',').map((s) => s.trim()).filter(Boolean)) {
    const url = new URL(entry);
    if (url.username && result.user === undefined) {
      result.user = decodeURIComponent(url.username);
      result.pass = decodeURIComponent(url.password);
    }
    result.servers.push(`${url.protocol}//${url.host}`);
  }
  return result;
}

export function instanceName(processName: string): string {
  return `${processName}@${hostname()}:${process.pid}`;
}

/**
 * Connection options shared by every NATS connection of the suite: keep reconnecting forever
 * (a broker restart must not need a service restart) and allow starting before the broker.
 * No async traces: nats.js would otherwise build an Error (and its stack) for every request
 * just in case it fails, a measurable share of each process's CPU under load. A failed request
 * becomes a DomainError naming the bouwsteen (bouwsteen-client.ts) and logs carry the
 * correlation id, which say more than that stack.
 */
export function natsConnectionOptions(natsUrl: string, processName: string): ConnectionOptions {
  const { servers, user, pass } = natsServers(natsUrl);
  return {
    servers,
    ...(user !== undefined ? { user, pass } : {}),
    name: instanceName(processName),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
    pingInterval: 10_000,
    noAsyncTraces: true,
  };
}

/** The options of a bouwsteen's NATS server (SamenNatsServer): its queue group, plain JSON wire, graceful stop. */
export function natsServerOptions(bouwsteen: Bouwsteen, natsUrl: string, graceMs: number): NatsServerOptions {
  return {
    ...natsConnectionOptions(natsUrl, bouwsteen),
    queue: queueGroup(bouwsteen),
    serializer: new PlainReplySerializer(),
    deserializer: new PlainRequestDeserializer(),
    // Unsubscribe first (new requests go to other instances or get "no responders"),
    // then give the requests in flight this long to finish before the connection closes.
    gracefulShutdown: graceMs > 0,
    gracePeriod: graceMs,
  };
}
