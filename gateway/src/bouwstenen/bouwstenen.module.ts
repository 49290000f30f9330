import { Module } from '@nestjs/common';
import { BouwsteenDiscovery } from './bouwsteen-discovery.service';
import { BouwstenenController } from './bouwstenen.controller';

/** GET /bouwstenen: which bouwstenen answer, found live over NATS. */
@Module({
  controllers: [BouwstenenController],
  providers: [BouwsteenDiscovery],
})
export class BouwstenenModule {}
