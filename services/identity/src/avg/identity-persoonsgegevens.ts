import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MessageContext } from '@samen/contracts';
import type { PersoonsgegevensProvider } from '@samen/platform';
import { RefreshToken } from '../sessies/refresh-token.entity';
import { Verificatie } from '../verificatie/verificatie.entity';
import { GRONDSLAGEN } from './grondslagen';
import { mijnAccount } from './mijn-gegevens';
import { Verwerking } from './verwerking.entity';
import { toView, Verwerkingslog } from './verwerkingslog';

/**
 * identity's part of "all my data": the account, memberships, verifications, the metadata of
 * sessions (never a token or its hash) and the processing log about the person. The export itself
 * is logged in the same transaction.
 */
@Injectable()
export class IdentityPersoonsgegevens implements PersoonsgegevensProvider {
  constructor(private readonly verwerkingslog: Verwerkingslog) {}

  async exporteer(accountId: string, em: EntityManager, context: MessageContext): Promise<Record<string, unknown>> {
    const account = await mijnAccount(em, accountId);
    if (!account) return {};
    // One after the other: they share the transaction's connection.
    const verificaties = await em.find(Verificatie, { accountId }, { orderBy: { geverifieerdTijdstip: 'asc' } });
    const sessies = await em.find(RefreshToken, { accountId }, { orderBy: { aangemaaktTijdstip: 'asc' } });
    const verwerkingen = await em.find(Verwerking, { betrokkene: accountId }, { orderBy: { tijdstip: 'asc', id: 'asc' } });
    this.verwerkingslog.vastleggen(em, {
      actor: accountId,
      betrokkene: accountId,
      gemeente: account.gemeente ?? null,
      handeling: 'export',
      grondslag: GRONDSLAGEN.export,
      correlationId: context.correlationId,
    });
    return {
      account,
      verificaties: verificaties.map((v) => ({ gebied: v.gebied, methode: v.methode, geverifieerdTijdstip: v.geverifieerdTijdstip.toISOString() })),
      sessies: sessies.map((s) => ({
        aangemaaktTijdstip: s.aangemaaktTijdstip.toISOString(),
        verlooptTijdstip: s.verlooptTijdstip.toISOString(),
        vervangenTijdstip: s.vervangenTijdstip?.toISOString() ?? null,
        ingetrokkenTijdstip: s.ingetrokkenTijdstip?.toISOString() ?? null,
        methoden: [...s.amr],
      })),
      verwerkingen: verwerkingen.map(toView),
    };
  }

  /** identity erases in the transaction that writes the event; nothing is left to do on it. */
  async pseudonimiseer(): Promise<void> {
    return undefined;
  }
}
