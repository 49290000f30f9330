import { hostname } from 'node:os';
import { Transport, type NatsOptions } from '@nestjs/microservices';
import { queueGroup, type Bouwsteen } from '@samen/contracts';
import type { ConnectionOptions } from 'nats';
import { PlainReplySerializer, PlainRequestDeserializer } from './wire';

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
  };
}

/** The Nest NATS transport of a bouwsteen: its queue group, plain JSON wire, graceful stop. */
export function natsServerOptions(bouwsteen: Bouwsteen, natsUrl: string, graceMs: number): NatsOptions {
  return {
    transport: Transport.NATS,
    options: {
      ...natsConnectionOptions(natsUrl, bouwsteen),
      queue: queueGroup(bouwsteen),
      serializer: new PlainReplySerializer(),
      deserializer: new PlainRequestDeserializer(),
      // Unsubscribe first (new requests go to other instances or get "no responders"),
      // then give the requests in flight this long to finish before the connection closes.
      gracefulShutdown: graceMs > 0,
      gracePeriod: graceMs,
    },
  };
}
