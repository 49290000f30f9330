import { createHmac } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Principal, SamenspraakAuteur, Segment } from '@samen/contracts';
import { SamensprekerEnv } from '../config/samenspreker-env';

/** Public, and so not secret: only for development and tests (production refuses to start without its own key). */
export const ONTWIKKEL_PSEUDONIEM_SLEUTEL = 'samen-development-pseudoniem-sleutel-not-for-production';

/**
 * The account id that replaces an erased account in every samenspreker row: its contributions stay
 * (and count), but point at nobody. One fixed value, so "was this erased?" is a plain comparison.
 */
export const VERWIJDERD_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/** What the public sees for an erased account, in every vraagstuk. */
export const VERWIJDERDE_DEELNEMER = 'verwijderd';

/**
 * How the public knows a person within one vraagstuk: the first 20 hex characters (80 bits) of
 * HMAC-SHA256(sleutel, `${vraagstukId}:${accountId}`). Stable within the vraagstuk, so the table
 * can see whose objection it must meet; unlinkable across vraagstukken without the key.
 */
export function pseudoniem(sleutel: string, vraagstukId: string, accountId: string): string {
  if (accountId === VERWIJDERD_ACCOUNT) return VERWIJDERDE_DEELNEMER;
  return createHmac('sha256', sleutel).update(`${vraagstukId}:${accountId}`, 'utf8').digest('hex').slice(0, 20);
}

/** {@link pseudoniem} under this instance's SAMENSPREKER_PSEUDONIEM_SLEUTEL. */
@Injectable()
export class Pseudoniemen {
  private readonly sleutel: string;

  constructor(env: SamensprekerEnv) {
    if (env.SAMENSPREKER_PSEUDONIEM_SLEUTEL === undefined) {
      new Logger('Pseudoniemen').warn('SAMENSPREKER_PSEUDONIEM_SLEUTEL not set: pseudonyms use the public development key');
    }
    this.sleutel = env.SAMENSPREKER_PSEUDONIEM_SLEUTEL ?? ONTWIKKEL_PSEUDONIEM_SLEUTEL;
  }

  van(vraagstukId: string, accountId: string): string {
    return pseudoniem(this.sleutel, vraagstukId, accountId);
  }

  /** A person as public views show them; `eigen` when the caller is that person. */
  persoon(vraagstukId: string, wie: { accountId: string; segment: Segment; organisatie?: string }, kijker?: Principal): SamenspraakAuteur {
    return {
      pseudoniem: this.van(vraagstukId, wie.accountId),
      segment: wie.segment,
      ...(wie.organisatie ? { organisatie: wie.organisatie } : {}),
      ...(kijker?.accountId === wie.accountId ? { eigen: true as const } : {}),
    };
  }
}
