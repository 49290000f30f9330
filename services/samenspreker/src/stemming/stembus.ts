import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CanoniekStembiljet, Stemkanaal, StemmingRegels, StemmingStatus } from '@samen/contracts';

/** What a cast needs of its stemming, read under a lock that closing must wait for. */
export interface StemmingVoorStem {
  id: string;
  vraagstukId: string;
  gemeente: string;
  regels: StemmingRegels;
  status: StemmingStatus;
}

const S = '"samenspreker"';

/** A PostgreSQL array literal of uuids or receipt codes (both without quotes, commas or braces). */
const pgArray = (waarden: readonly string[]): string => `{${waarden.join(',')}}`;

/**
 * The register of who voted, the ballot box and the receipts, in plain SQL inside the caller's
 * transaction. Not through the unit of work: nothing here should sit in an identity map or a
 * flush beside anything else, and every statement touches exactly one of the three, so no
 * statement (and so no error message or log line) holds an account and a ballot together.
 */
@Injectable()
export class Stembus {
  /**
   * FOR KEY SHARE: casts do not block each other, but closing (FOR UPDATE) waits until every cast
   * that got in has committed, and every later cast waits for closing and then sees it closed. No
   * ballot slips in after the count, and no count misses a ballot.
   */
  async stemmingVoorStem(em: EntityManager, stemmingId: string): Promise<StemmingVoorStem | undefined> {
    const [rij] = await em.execute<Array<{ id: string; vraagstuk_id: string; gemeente: string; regels: StemmingRegels; status: StemmingStatus }>>(
      `select "id", "vraagstuk_id", "gemeente", "regels", "status" from ${S}."stemming" where "id" = ? for key share`,
      [stemmingId],
    );
    return rij && { id: rij.id, vraagstukId: rij.vraagstuk_id, gemeente: rij.gemeente, regels: rij.regels, status: rij.status };
  }

  /**
   * Puts the kiezers in the register; the unique index on (stemming, account) refuses a second vote.
   * Returns those who were not in it yet. In a sorted order, so two batches naming the same
   * people wait for each other instead of deadlocking.
   */
  async registreer(em: EntityManager, stemmingId: string, accountIds: readonly string[], kanaal: Stemkanaal): Promise<Set<string>> {
    const rijen = await em.execute<Array<{ account_id: string }>>(
      `insert into ${S}."stemregister" ("stemming_id", "account_id", "kanaal")
       select ?, a, ? from unnest(?::uuid[]) as a order by a
       on conflict do nothing returning "account_id"`,
      [stemmingId, kanaal, pgArray(accountIds)],
    );
    return new Set(rijen.map((rij) => rij.account_id));
  }

  /** Ballots and receipts, apart: two statements, two tables, nothing in common but the stemming. */
  async legIn(em: EntityManager, stemmingId: string, biljetten: readonly CanoniekStembiljet[], bonnetjes: readonly string[]): Promise<void> {
    await em.execute(`insert into ${S}."stembiljet" ("stemming_id", "biljet") select ?, b from jsonb_array_elements(?::jsonb) as b`, [stemmingId, JSON.stringify(biljetten)], 'run');
    await em.execute(`insert into ${S}."bonnetje" ("code", "stemming_id") select c, ? from unnest(?::varchar[]) as c`, [stemmingId, pgArray(bonnetjes)], 'run');
  }

  async bewaarHerhaling(em: EntityManager, stemmingId: string, accountId: string, bonnetjeVersleuteld: string): Promise<void> {
    await em.execute(`insert into ${S}."stem_idempotentie" ("stemming_id", "account_id", "bonnetje_versleuteld") values (?, ?, ?)`, [stemmingId, accountId, bonnetjeVersleuteld], 'run');
  }

  async herhaling(em: EntityManager, stemmingId: string, accountId: string): Promise<string | undefined> {
    const [rij] = await em.execute<Array<{ bonnetje_versleuteld: string }>>(
      `select "bonnetje_versleuteld" from ${S}."stem_idempotentie" where "stemming_id" = ? and "account_id" = ?`,
      [stemmingId, accountId],
    );
    return rij?.bonnetje_versleuteld;
  }

  /** Batch numbers are unique per stemming: entering the same batch twice is refused. */
  async nieuweBatch(em: EntityManager, stemmingId: string, batchnummer: string, aantal: number, ambtenaar: string): Promise<boolean> {
    const rijen = await em.execute<unknown[]>(
      `insert into ${S}."papieren_batch" ("stemming_id", "batchnummer", "aantal", "ingevoerd_door") values (?, ?, ?, ?) on conflict do nothing returning 1`,
      [stemmingId, batchnummer, aantal, ambtenaar],
    );
    return rijen.length === 1;
  }

  async aantalKiezers(em: EntityManager, stemmingId: string): Promise<number> {
    const [rij] = await em.execute<Array<{ n: number }>>(`select count(*)::int as n from ${S}."stemregister" where "stemming_id" = ?`, [stemmingId]);
    return rij!.n;
  }

  /**
   * Everyone entitled at a table vote: who voted (also those who left the table since), plus who sits
   * at the table now and did not vote. Counted per register row, not as a union of account ids:
   * erased voters all carry the one tombstone id and each still counts.
   */
  async aantalTafelKiesgerechtigden(em: EntityManager, stemmingId: string, vraagstukId: string): Promise<number> {
    const [rij] = await em.execute<Array<{ n: number }>>(
      `select ((select count(*) from ${S}."stemregister" where "stemming_id" = ?)
            + (select count(*) from ${S}."deelnemer" d where d."vraagstuk_id" = ? and d."status" = 'actief'
                 and not exists (select 1 from ${S}."stemregister" r where r."stemming_id" = ? and r."account_id" = d."account_id")))::int
            as n`,
      [stemmingId, vraagstukId, stemmingId],
    );
    return rij!.n;
  }

  /**
   * The box grouped: each distinct ballot once, with how many there are. PostgreSQL groups a
   * million rows in a fraction of the time it takes to send them, so the closing count never
   * loads the ballots one by one.
   */
  async biljetGroepen(em: EntityManager, stemmingId: string): Promise<Array<{ biljet: CanoniekStembiljet; aantal: number }>> {
    return em.execute<Array<{ biljet: CanoniekStembiljet; aantal: number }>>(
      `select "biljet", count(*)::int as "aantal" from ${S}."stembiljet" where "stemming_id" = ? group by "biljet"`,
      [stemmingId],
    );
  }

  /**
   * A page of the ballot box for the export: in the order of the random ids (after closing also the
   * physical order), from just after `na`. Keyset on (stemming, id), so every page is one index range.
   */
  async biljettenPagina(em: EntityManager, stemmingId: string, na: string | undefined, aantal: number): Promise<Array<{ id: string; biljet: CanoniekStembiljet }>> {
    return em.execute<Array<{ id: string; biljet: CanoniekStembiljet }>>(
      `select "id", "biljet" from ${S}."stembiljet" where "stemming_id" = ?${na === undefined ? '' : ' and "id" > ?'} order by "id" limit ?`,
      na === undefined ? [stemmingId, aantal] : [stemmingId, na, aantal],
    );
  }

  /** A page of the receipts for the export, in the order of their (random) codes: unrelated to the ballots' order. */
  async bonnetjesPagina(em: EntityManager, stemmingId: string, na: string | undefined, aantal: number): Promise<string[]> {
    const rijen = await em.execute<Array<{ code: string }>>(
      `select "code" from ${S}."bonnetje" where "stemming_id" = ?${na === undefined ? '' : ' and "code" > ?'} order by "code" limit ?`,
      na === undefined ? [stemmingId, aantal] : [stemmingId, na, aantal],
    );
    return rijen.map((rij) => rij.code);
  }

  async bonnetjes(em: EntityManager, stemmingId: string): Promise<string[]> {
    const rijen = await em.execute<Array<{ code: string }>>(`select "code" from ${S}."bonnetje" where "stemming_id" = ? order by "code"`, [stemmingId]);
    return rijen.map((rij) => rij.code);
  }

  /**
   * At closing, inside the closing transaction. The retry records go (no one can vote any more, so
   * nothing ties an account to a receipt after this, not even encrypted). The ballots and receipts
   * of the stemming are replaced by copies in random order: new ids, and the closing transaction's
   * id (xmin) on every copy, where each original carried the id of the transaction that also wrote
   * its voter's register row. {@link herschrijf} then removes the originals from the files.
   */
  async schud(em: EntityManager, stemmingId: string): Promise<void> {
    await em.execute(`delete from ${S}."stem_idempotentie" where "stemming_id" = ?`, [stemmingId], 'run');
    await em.execute(`set local samen.stembus_schudden = 'aan'`, [], 'run');
    await em.execute(`create temporary table "oude_biljetten" on commit drop as select "biljet" from ${S}."stembiljet" where "stemming_id" = ?`, [stemmingId], 'run');
    await em.execute(`create temporary table "oude_bonnetjes" on commit drop as select "code" from ${S}."bonnetje" where "stemming_id" = ?`, [stemmingId], 'run');
    await em.execute(`delete from ${S}."stembiljet" where "stemming_id" = ?`, [stemmingId], 'run');
    await em.execute(`delete from ${S}."bonnetje" where "stemming_id" = ?`, [stemmingId], 'run');
    await em.execute(`insert into ${S}."stembiljet" ("stemming_id", "biljet") select ?, "biljet" from "oude_biljetten" order by random()`, [stemmingId], 'run');
    await em.execute(`insert into ${S}."bonnetje" ("code", "stemming_id") select "code", ? from "oude_bonnetjes" order by random()`, [stemmingId], 'run');
    await em.execute(`set local samen.stembus_schudden = 'uit'`, [], 'run');
  }

  /**
   * After the closing transaction committed: CLUSTER rewrites both tables into new files, in the
   * order of their random keys, without the deleted originals (and so without their cast order
   * and transaction ids). Outside a transaction, so the originals are dead to everyone by now.
   * Casts in other stemmingen wait for it (a table lock, held for the rewrite only).
   */
  async herschrijf(em: EntityManager): Promise<void> {
    await em.getConnection().execute(`cluster ${S}."stembiljet" using "stembiljet_pkey"`, [], 'run');
    await em.getConnection().execute(`cluster ${S}."bonnetje" using "bonnetje_pkey"`, [], 'run');
  }
}
