import { Injectable } from '@nestjs/common';
import { GEMEENTE_SUBJECTS, type GemeenteInstellingen, type GemeenteView, type MessageContext } from '@samen/contracts';
import { BouwsteenClient } from '@samen/platform';
import { SamensprekerEnv } from '../config/samenspreker-env';

/**
 * A gemeente's settings as identity holds them (steundrempel, reactietermijn, peilingen), asked over
 * NATS and reused for a few seconds: raising a vraagstuk or publishing a stemming asked identity
 * every time, which was most of identity's work under load. A change in identity applies to new
 * vraagstukken and stemmingen within GEMEENTE_INSTELLINGEN_BEWAARTIJD_MS (0: ask every time). The
 * settings are public, so identity is asked without the caller's token (it would otherwise verify it
 * a third time).
 */
@Injectable()
export class GemeenteInstellingenBron {
  private readonly bewaard = new Map<string, { instellingen: Promise<GemeenteInstellingen>; tot: number }>();

  private readonly bewaartijdMs: number;

  constructor(
    private readonly bouwstenen: BouwsteenClient,
    env: SamensprekerEnv,
  ) {
    this.bewaartijdMs = env.GEMEENTE_INSTELLINGEN_BEWAARTIJD_MS;
  }

  /** Fails with identity's 404/503/504 when it cannot answer: no promise is made on settings nobody set. */
  async van(gemeente: string, context: MessageContext): Promise<GemeenteInstellingen> {
    const nu = Date.now();
    const bewaard = this.bewaard.get(gemeente);
    if (bewaard && bewaard.tot > nu) return bewaard.instellingen;
    // (A map per gemeente stays small: one entry per gemeente that runs samenspreker.)
    const instellingen = this.bouwstenen
      .request<GemeenteView>(GEMEENTE_SUBJECTS.get, { code: gemeente }, { correlationId: context.correlationId, gemeente })
      .then((view) => view.instellingen);
    // Concurrent askers share one request; a failure is not kept.
    this.bewaard.set(gemeente, { instellingen, tot: nu + this.bewaartijdMs });
    instellingen.catch(() => this.bewaard.delete(gemeente));
    return instellingen;
  }
}
