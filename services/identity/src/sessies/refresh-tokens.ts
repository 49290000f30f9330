import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashToken, nieuwOpaakToken } from './opaque-token';
import { RefreshToken } from './refresh-token.entity';
import { beoordeelVernieuwing, REFRESH_LEVENSDUUR_MS, verloopVanOpvolger, type Vernieuwingsoordeel } from './vernieuwing';

export interface UitgegevenRefreshToken {
  refreshToken: string;
  verlooptTijdstip: Date;
}

export type Rotatie =
  | { oordeel: 'geldig'; accountId: string; amr: string[]; organisatie: string | null; opvolger: UitgegevenRefreshToken; opvolgerRij: RefreshToken }
  | { oordeel: Exclude<Vernieuwingsoordeel, 'geldig'> };

/**
 * The refresh-token store: families, rotation, revocation. Every method works inside the
 * caller's transaction (`em`), so a revocation commits together with whatever caused it.
 */
@Injectable()
export class RefreshTokens {
  /** Starts a family at login; `organisatie` is whom it acts for (null: the account itself). */
  start(em: EntityManager, accountId: string, amr: string[], organisatie: string | null = null, nu = new Date()): UitgegevenRefreshToken {
    const { token, hash } = nieuwOpaakToken();
    const verlooptTijdstip = new Date(nu.getTime() + REFRESH_LEVENSDUUR_MS);
    em.persist(
      em.create(RefreshToken, { familie: randomUUID(), accountId, hash, amr, organisatie, familieBeginTijdstip: nu, aangemaaktTijdstip: nu, verlooptTijdstip }),
    );
    return { refreshToken: token, verlooptTijdstip };
  }

  /**
   * Spends the presented token and issues its successor; a spent token presented again revokes
   * its whole family. The row is locked, so two refreshes with one token cannot both succeed.
   */
  async roteer(em: EntityManager, token: string, nu = new Date()): Promise<Rotatie> {
    const huidig = await em.findOne(RefreshToken, { hash: hashToken(token) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const oordeel = beoordeelVernieuwing(huidig, nu);
    if (oordeel !== 'geldig' || !huidig) {
      if (oordeel === 'hergebruikt' && huidig) await this.trekFamilieIn(em, huidig.familie, nu);
      return { oordeel: oordeel === 'geldig' ? 'onbekend' : oordeel };
    }
    huidig.vervangenTijdstip = nu;
    const { token: nieuw, hash } = nieuwOpaakToken();
    const verlooptTijdstip = verloopVanOpvolger(nu, huidig.familieBeginTijdstip);
    const opvolgerRij = em.create(RefreshToken, {
      familie: huidig.familie,
      vorige: huidig.id,
      accountId: huidig.accountId,
      hash,
      amr: huidig.amr,
      organisatie: huidig.organisatie,
      familieBeginTijdstip: huidig.familieBeginTijdstip,
      aangemaaktTijdstip: nu,
      verlooptTijdstip,
    });
    em.persist(opvolgerRij);
    return {
      oordeel: 'geldig',
      accountId: huidig.accountId,
      amr: [...huidig.amr],
      organisatie: huidig.organisatie,
      opvolger: { refreshToken: nieuw, verlooptTijdstip },
      opvolgerRij,
    };
  }

  /** Revokes the family of a token (logout); unknown tokens are ignored. */
  async trekFamilieInVan(em: EntityManager, token: string, nu = new Date()): Promise<void> {
    const gevonden = await em.findOne(RefreshToken, { hash: hashToken(token) });
    if (gevonden) await this.trekFamilieIn(em, gevonden.familie, nu);
  }

  async trekFamilieIn(em: EntityManager, familie: string, nu = new Date()): Promise<void> {
    await em.nativeUpdate(RefreshToken, { familie, ingetrokkenTijdstip: null }, { ingetrokkenTijdstip: nu });
  }

  /** Every session of the account ends (password reset, logout everywhere). */
  async trekAllesIn(em: EntityManager, accountId: string, nu = new Date()): Promise<void> {
    await em.nativeUpdate(RefreshToken, { accountId, ingetrokkenTijdstip: null }, { ingetrokkenTijdstip: nu });
  }
}
