import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { connect, headers as natsHeaders, type NatsConnection, type StoredMsg } from 'nats';
import { EVENT_STREAM, isErrorReply, type CloudEvent, type Reply, type WireError } from '@samen/contracts';
import { testEnv } from './env';

/** Debian installs nats-server in /usr/sbin, which is not on a normal user's PATH. */
export function findNatsServer(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = join(dir, 'nats-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface NatsServerHandle {
  url: string;
  port: number;
  /** JetStream store; pass it to a second spawn on the same port to "restart" the broker. */
  storeDir: string;
  process: ChildProcess;
  /** Stops the server (SIGTERM, then SIGKILL) and removes a store directory it created. */
  stop(): Promise<void>;
}

export interface SpawnNatsOptions {
  port?: number;
  storeDir?: string;
}

/**
 * Starts a private nats-server with JetStream on loopback, so tests never share a broker (or a
 * stream) with a developer's running suite on 4222. Fault tests can stop it and start another
 * one on the same port and store to simulate a broker restart.
 */
export async function spawnNatsServer(options: SpawnNatsOptions = {}): Promise<NatsServerHandle> {
  const binary = findNatsServer();
  if (!binary) {
    throw new Error('nats-server not found on PATH or in /usr/sbin; install it (apt-get install nats-server) or set TEST_NATS_URL.');
  }
  const port = options.port ?? (await freePort());
  const ownStore = options.storeDir === undefined;
  const storeDir = options.storeDir ?? mkdtempSync(join(tmpdir(), 'samen-nats-'));
  const child = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 10_000;
  while (!(await portOpen(port))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nats-server exited at start (code ${child.exitCode}): ${stderr.trim()}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nats-server did not listen on ${port} within 10 s: ${stderr.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    if (ownStore) rmSync(storeDir, { recursive: true, force: true });
  };
  return { url: `nats://127.0.0.1:${port}`, port, storeDir, process: child, stop };
}

/** A connection to the test broker; the caller closes it (drain or close). */
export function natsConnect(name = 'samen-test'): Promise<NatsConnection> {
  return connect({ servers: testEnv().natsUrl, name });
}

export interface RequestOptions {
  timeoutMs?: number;
  /** Reuse a connection; without one, a connection is opened and closed for this request. */
  nc?: NatsConnection;
}

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * A raw NATS request as any client of the contract would send it: the payload as plain JSON (a
 * string or bytes go out unchanged, to test malformed input), the context in headers.
 */
export async function request<T = unknown>(
  subject: string,
  payload: unknown,
  headers: Record<string, string> = {},
  options: RequestOptions = {},
): Promise<Reply<T>> {
  const nc = options.nc ?? (await natsConnect());
  try {
    const h = natsHeaders();
    for (const [key, value] of Object.entries(headers)) h.set(key, value);
    const body =
      payload instanceof Uint8Array ? payload : new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload));
    // Generous: on a loaded 2-core machine a busy service can take seconds; a timeout here should mean a hang, not load.
    const msg = await nc.request(subject, body, { timeout: options.timeoutMs ?? REQUEST_TIMEOUT_MS, headers: h });
    return msg.json<Reply<T>>();
  } finally {
    if (!options.nc) await nc.close();
  }
}

export interface StreamEvent {
  seq: number;
  subject: string;
  /** The Nats-Msg-Id the message was published with (JetStream's dedupe key). */
  msgId: string | undefined;
  /** The CloudEvent, or undefined when the message was not JSON. */
  event: CloudEvent | undefined;
}

/** The stream's last sequence number now; pass it to {@link streamEvents} to see only what follows. */
export async function streamLastSeq(nc: NatsConnection): Promise<number> {
  const jsm = await nc.jetstreamManager();
  const info = await jsm.streams.info(EVENT_STREAM);
  return info.state.last_seq;
}

/** Every message of the event stream after sequence `after`, read directly from storage. */
export async function streamEvents(nc: NatsConnection, after = 0): Promise<StreamEvent[]> {
  const jsm = await nc.jetstreamManager();
  const { state } = (await jsm.streams.info(EVENT_STREAM));
  const events: StreamEvent[] = [];
  for (let seq = Math.max(after + 1, state.first_seq); seq <= state.last_seq; seq++) {
    let msg: StoredMsg;
    try {
      msg = await jsm.streams.getMessage(EVENT_STREAM, { seq });
    } catch {
      continue; // deleted
    }
    let event: CloudEvent | undefined;
    try {
      event = msg.json<CloudEvent>();
    } catch {
      event = undefined;
    }
    events.push({ seq, subject: msg.subject, msgId: msg.header?.get('Nats-Msg-Id') || undefined, event });
  }
  return events;
}

/** The data of a reply; fails the test with the error if it was one. */
export function dataOf<T>(reply: Reply<T>): T {
  if (isErrorReply(reply)) throw new Error(`expected data, got error ${JSON.stringify(reply.error)}`);
  return reply.data;
}

/** The error of a reply; fails the test with the data if it was none. */
export function errorOf(reply: Reply<unknown>): WireError {
  if (!isErrorReply(reply)) throw new Error(`expected an error, got ${JSON.stringify(reply)}`);
  return reply.error;
}
