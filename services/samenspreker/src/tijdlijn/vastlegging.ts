import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MessageContext } from '@samen/contracts';
import { Outbox } from '@samen/platform';
import type { Handelende } from '../gedeeld/werk-context';
import { Pseudoniemen } from '../gedeeld/pseudoniem';
import type { JsonWaarde, TijdlijnActor } from './tijdlijn-keten';
import { Tijdlijn } from './tijdlijn.service';

export interface Stap<T> {
  vraagstukId: string;
  gemeente: string;
  /** Timeline entry kind, e.g. `steun-betuigd`; by convention the event name without resource. */
  soort: string;
  /** Who did it; recorded as the vraagstuk's pseudonym, never as the account id. */
  actor: Handelende | null;
  /** What the public timeline shows (and hashes) for this step. */
  gegevens: JsonWaarde;
  /** The event for other bouwstenen; every step has one (issue 4: events for every step). */
  event: { subject: string; resource: string; event: string; about: string; data: T };
  /** The step that created the vraagstuk, in this transaction: its first entry (see NieuweTijdlijnEntry.eerste). */
  eerste?: boolean;
}

/**
 * Records one step of a vraagstuk: the timeline entry and the event, inside the caller's
 * transaction (pass the transactional `em`), so both exist exactly when the change does.
 * Every aggregate records its steps through this, never through Tijdlijn or Outbox alone.
 */
@Injectable()
export class Vastlegging {
  constructor(
    private readonly tijdlijn: Tijdlijn,
    private readonly outbox: Outbox,
    private readonly pseudoniemen: Pseudoniemen,
  ) {}

  async leg<T>(em: EntityManager, stap: Stap<T>, context: MessageContext): Promise<void> {
    const actor: TijdlijnActor | null = stap.actor && {
      pseudoniem: this.pseudoniemen.van(stap.vraagstukId, stap.actor.accountId),
      segment: stap.actor.segment,
      ...(stap.actor.organisatie ? { organisatie: stap.actor.organisatie } : {}),
    };
    await this.tijdlijn.voegToe(em, { vraagstukId: stap.vraagstukId, gemeente: stap.gemeente, soort: stap.soort, actor, gegevens: stap.gegevens, ...(stap.eerste ? { eerste: true } : {}) });
    await this.outbox.add(em, { ...stap.event, context: { gemeente: stap.gemeente, correlationId: context.correlationId } });
  }
}
