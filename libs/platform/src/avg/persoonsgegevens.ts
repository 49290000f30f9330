import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccountVerwijderd, CloudEvent, MessageContext } from '@samen/contracts';

/**
 * What a bouwsteen holds about a person, and how it forgets them. A bouwsteen provides one under
 * {@link PERSOONSGEGEVENS_PROVIDER} (anywhere in its module tree); without one the platform's
 * default answers an empty export and pseudonymises nothing, which is right for a bouwsteen that
 * stores no personal data.
 */
export interface PersoonsgegevensProvider {
  /**
   * Everything the bouwsteen holds about the account, as plain JSON. Runs inside a transaction,
   * so a processing log entry written with `em` commits together with the export.
   */
  exporteer(accountId: string, em: EntityManager, context: MessageContext): Promise<Record<string, unknown>>;
  /**
   * After `evt.identity.v1.account-verwijderd`: remove what identifies the person and keep the
   * contributions, signed "verwijderde deelnemer". Runs in the transaction that records the event
   * in the inbox, so it happens once in effect; throwing makes the event come again.
   */
  pseudonimiseer(accountId: string, em: EntityManager, event: CloudEvent<AccountVerwijderd>): Promise<void>;
}

export const PERSOONSGEGEVENS_PROVIDER = Symbol('PERSOONSGEGEVENS_PROVIDER');

/** A bouwsteen without personal data: nothing to export, nothing to pseudonymise. */
export const GEEN_PERSOONSGEGEVENS: PersoonsgegevensProvider = {
  exporteer: async () => ({}),
  pseudonimiseer: async () => undefined,
};

/**
 * Finds the bouwsteen's provider once, wherever its module declares it, so a bouwsteen need not
 * export it up to the root module; falls back to {@link GEEN_PERSOONSGEGEVENS}.
 */
@Injectable()
export class Persoonsgegevens {
  private readonly logger = new Logger('Persoonsgegevens');
  private gevonden?: PersoonsgegevensProvider;

  constructor(private readonly moduleRef: ModuleRef) {}

  get provider(): PersoonsgegevensProvider {
    if (!this.gevonden) {
      try {
        this.gevonden = this.moduleRef.get<PersoonsgegevensProvider>(PERSOONSGEGEVENS_PROVIDER, { strict: false });
      } catch {
        this.logger.debug('no PersoonsgegevensProvider: the default (no personal data) applies');
        this.gevonden = GEEN_PERSOONSGEGEVENS;
      }
    }
    return this.gevonden;
  }
}
