import { Logger } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';
import { natsConnectionOptions } from './options';

/**
 * A raw NATS connection, for what Nest's transport does not do: requests with a timeout,
 * JetStream publishing and consuming. It tracks whether it is connected so that a caller can
 * fail at once instead of waiting for a timeout while the broker is away.
 */
export class NatsConnectionHolder {
  private readonly logger = new Logger('Nats');
  private connected = false;

  private constructor(readonly connection: NatsConnection) {
    this.connected = true;
    void this.watch();
  }

  static async open(natsUrl: string, processName: string): Promise<NatsConnectionHolder> {
    return new NatsConnectionHolder(await connect(natsConnectionOptions(natsUrl, processName)));
  }

  get isConnected(): boolean {
    return this.connected && !this.connection.isClosed();
  }

  private async watch(): Promise<void> {
    for await (const status of this.connection.status()) {
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
    if (this.connection.isClosed()) return;
    try {
      await this.connection.drain();
    } catch {
      await this.connection.close();
    }
  }
}
