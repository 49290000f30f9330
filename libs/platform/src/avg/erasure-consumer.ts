import { OnApplicationBootstrap } from '@nestjs/common';
import { AVG_EVENTS, type AccountVerwijderd, type Bouwsteen } from '@samen/contracts';
import { EventConsumer, type EventHandler } from '../events/event-consumer';
import { erasureConsumerName } from './avg.rules';
import { Persoonsgegevens, type PersoonsgegevensProvider } from './persoonsgegevens';

/**
 * The handler that pseudonymises an erased account in one bouwsteen: durable consumer
 * `<bouwsteen>__account-verwijderd`, once in effect thanks to the inbox. An event without an
 * account id cannot succeed and is refused loudly (it is a bug at the producer).
 */
export function erasureHandler(bouwsteen: Bouwsteen, provider: () => PersoonsgegevensProvider): EventHandler<AccountVerwijderd> {
  return {
    consumer: erasureConsumerName(bouwsteen),
    subject: AVG_EVENTS.accountVerwijderd,
    async handle(event, em) {
      const accountId = event.data?.accountId;
      if (typeof accountId !== 'string' || accountId.length === 0) throw new Error(`account-verwijderd ${event.id} without accountId`);
      await provider().pseudonimiseer(accountId, em, event);
    },
  };
}

/**
 * Starts the erasure consumer of every bouwsteen but identity, which erases in the transaction
 * that writes the event and has nothing left to do when it arrives.
 */
export class ErasureConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly bouwsteen: Bouwsteen,
    private readonly consumer: EventConsumer,
    private readonly persoonsgegevens: Persoonsgegevens,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.bouwsteen === 'identity') return;
    await this.consumer.start(erasureHandler(this.bouwsteen, () => this.persoonsgegevens.provider));
  }
}
