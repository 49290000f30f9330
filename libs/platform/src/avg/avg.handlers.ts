import { Controller, Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  persoonsgegevensExportSubject,
  PersoonsgegevensExportVerzoek,
  type Bouwsteen,
  type MessageContext,
  type PersoonsgegevensExport,
} from '@samen/contracts';
import { Ingelogd } from '../auth/auth.decorators';
import { Principal } from '../auth/principal.decorator';
import { Context } from '../context/context.decorator';
import { eisEigenAccount } from './avg.rules';
import { Persoonsgegevens } from './persoonsgegevens';

/**
 * Answers `<bouwsteen>.v1.persoonsgegevens.export` for every bouwsteen; made per bouwsteen
 * because the subject is part of the decorator (as the health handler).
 */
export function persoonsgegevensHandlers(bouwsteen: Bouwsteen): Type<unknown> {
  @Controller()
  class PersoonsgegevensHandlers {
    constructor(
      private readonly orm: MikroORM,
      private readonly persoonsgegevens: Persoonsgegevens,
    ) {}

    @Ingelogd()
    @MessagePattern(persoonsgegevensExportSubject(bouwsteen))
    async exporteer(
      @Payload() verzoek: PersoonsgegevensExportVerzoek,
      @Principal() principal: Principal | undefined,
      @Context() context: MessageContext,
    ): Promise<PersoonsgegevensExport> {
      eisEigenAccount(principal, verzoek.accountId);
      const em = this.orm.em.fork() as EntityManager;
      const gegevens = await em.transactional((tx) => this.persoonsgegevens.provider.exporteer(verzoek.accountId, tx, context));
      return { bouwsteen, gegevens };
    }
  }
  return PersoonsgegevensHandlers;
}
