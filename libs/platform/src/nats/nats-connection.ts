import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { connect, type ConnectionOptions, type NatsConnection } from 'nats';
import { DomainError } from '../errors/domain-error';
import { natsConnectionOptions } from './options';

/**
 * A raw NATS connection, for what Nest's transport does not do: requests with a timeout,
 * JetStream publishing and consuming. It tracks whether it is connected so that a caller can
 * fail at once instead of waiting for a timeout while the broker is away.
 */
export class NatsConnectionHolder {
  private readonly logger = new Logger('Nats');
  private current?: NatsConnection;
  private connected = false;
  private readonly stopping = new AbortController();

  private constructor() {}

  /** Connects before it returns: a bouwsteen cannot do any work without the broker. */
  static async open(natsUrl: string, processName: string): Promise<NatsConnectionHolder> {
    const holder = new NatsConnectionHolder();
    holder.attach(await connect(natsConnectionOptions(natsUrl, processName)));
    return holder;
  }

  /**
   * Returns at once and keeps trying in the background. For the gateway, which must start and
   * answer 503 while the broker is away. `waitOnFirstConnect` cannot do this: its `connect()`
   * resolves only once connected and cannot be cancelled, so start-up (and shutdown) would hang.
   */
  static connectInBackground(natsUrl: string, processName: string): NatsConnectionHolder {
    const holder = new NatsConnectionHolder();
    void holder.keepTrying({ ...natsConnectionOptions(natsUrl, processName), waitOnFirstConnect: false });
    return holder;
  }

  get isConnected(): boolean {
    return this.connected && this.current !== undefined && !this.current.isClosed();
  }

  get connection(): NatsConnection {
    if (!this.current) throw new DomainError('UNAVAILABLE', 'De berichtenbus (NATS) is tijdelijk niet bereikbaar.');
    return this.current;
  }

  private attach(connection: NatsConnection): void {
    this.current = connection;
    this.connected = true;
    void this.watch(connection);
  }

  private async keepTrying(options: ConnectionOptions): Promise<void> {
    let warned = false;
    while (!this.stopping.signal.aborted) {
      try {
        const connection = await connect(options);
        if (this.stopping.signal.aborted) {
          await connection.close();
          return;
        }
        this.attach(connection);
        this.logger.log(`connected to ${connection.getServer()}`);
        return;
      } catch (error) {
        if (!warned) this.logger.warn(`NATS not reachable (${(error as Error).message}); retrying in the background`);
        warned = true;
        await sleep(options.reconnectTimeWait ?? 500, undefined, { signal: this.stopping.signal }).catch(() => undefined);
      }
    }
  }

  private async watch(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect') {
        this.connected = false;
        this.logger.warn(`disconnected from ${status.data}`);
      } else if (status.type === 'reconnect') {
        this.connected = true;
        this.logger.log(`reconnected to ${status.data}`);
      }
    }
  }

  async close(): Promise<void> {
    this.stopping.abort();
    if (!this.current || this.current.isClosed()) return;
    try {
      // Drain delivers what is still pending; only worth it while connected.
      if (this.isConnected) await this.current.drain();
    } catch {
      // fall through to close()
    }
    // While the broker is away, nats.js 2.29 resolves drain() without closing, and the
    // connection then reconnects forever: an instance stopped during a broker outage kept its
    // process alive. So close in every case.
    if (!this.current.isClosed()) await this.current.close();
  }
}
