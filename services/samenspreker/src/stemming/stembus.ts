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
/** How long a rewrite waits for its table lock before it steps back, and how often it tries. */
const REWRITE_LOCK_TIMEOUT = '2s';
const REWRITE_POGINGEN = 5;
/** SQLSTATE lock_not_available: the lock_timeout passed. */
const LOCK_NOT_AVAILABLE = '55P03';

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

  /**
   * How many receipts, and their `bonnetjesHash` (telling.ts: sha256 of the canonical JSON of the
   * sorted codes), computed by PostgreSQL: the closing count and the export check no longer fetch a
   * million codes into Node to sort and hash them there. Codes are ASCII (Crockford base32 and
   * dashes), so byte order ("C") is the order of a JavaScript sort, and `to_json` quotes them as
   * `JSON.stringify` does; hertel, which hashes in JavaScript, checks the two agree.
   */
  async bonnetjesTelling(em: EntityManager, stemmingId: string): Promise<{ aantal: number; hash: string }> {
    const [rij] = await em.execute<Array<{ aantal: number; hash: string }>>(
      `select count(*)::int as "aantal",
              encode(sha256(convert_to('[' || coalesce(string_agg(to_json("code")::text, ',' order by "code" collate "C"), '') || ']', 'UTF8')), 'hex') as "hash"
       from ${S}."bonnetje" where "stemming_id" = ?`,
      [stemmingId],
    );
    return rij!;
  }

  /** At closing, in the count's transaction: no one can vote any more, so nothing ties an account to a receipt after this, not even encrypted. */
  async vergeetHerhalingen(em: EntityManager, stemmingId: string): Promise<void> {
    await em.execute(`delete from ${S}."stem_idempotentie" where "stemming_id" = ?`, [stemmingId], 'run');
  }

  /**
   * The closed stemmingen whose ballot box is still to be shuffled: normally only the one just
   * closed; more if a shuffle failed or its process stopped (the sweep finishes them).
   */
  async teSchudden(em: EntityManager): Promise<string[]> {
    const rijen = await em.execute<Array<{ id: string }>>(
      `select "id" from ${S}."stemming" where "status" = 'gesloten' and "geschud_tijdstip" is null order by "gesloten_tijdstip" limit 100`,
    );
    return rijen.map((rij) => rij.id);
  }

  /**
   * After the count committed, in a transaction of its own: replaces the ballots and the receipts of
   * the stemming by copies, and marks it shuffled. The copies get new random ids (ballots) and are
   * written in the order of their keys, random ids and random codes, so neither their order nor their
   * transaction id (xmin: this transaction's, where each original carried the one that also wrote its
   * voter's register row) says anything about the casts. Key order also makes the inserts append to
   * the indexes instead of landing on random pages. {@link herschrijf} then removes the originals from
   * the files. The row is locked FOR NO KEY UPDATE: a second shuffler waits and then finds nothing to
   * do, while casts (FOR KEY SHARE, refused as closed) and every read go on. Returns false when there
   * was nothing to shuffle.
   */
  async schud(em: EntityManager, stemmingId: string, nu: Date): Promise<boolean> {
    const [rij] = await em.execute<Array<{ id: string }>>(
      `select "id" from ${S}."stemming" where "id" = ? and "status" = 'gesloten' and "geschud_tijdstip" is null for no key update`,
      [stemmingId],
    );
    if (!rij) return false;
    await em.execute(`set local samen.stembus_schudden = 'aan'`, [], 'run');
    await em.execute(
      `with weg as (delete from ${S}."stembiljet" where "stemming_id" = ? returning "biljet")
       insert into ${S}."stembiljet" ("id", "stemming_id", "biljet") select gen_random_uuid(), ?, "biljet" from weg order by 1`,
      [stemmingId, stemmingId],
      'run',
    );
    await em.execute(
      `with weg as (delete from ${S}."bonnetje" where "stemming_id" = ? returning "code")
       insert into ${S}."bonnetje" ("code", "stemming_id") select "code", ? from weg order by 1`,
      [stemmingId, stemmingId],
      'run',
    );
    await em.execute(`set local samen.stembus_schudden = 'uit'`, [], 'run');
    await em.execute(`update ${S}."stemming" set "geschud_tijdstip" = ? where "id" = ?`, [nu, stemmingId], 'run');
    return true;
  }

  /**
   * After the shuffle committed: CLUSTER rewrites both tables into new files, in the order of their
   * random keys, without the deleted originals (and so without their cast order and transaction
   * ids). Outside the shuffle's transaction, so the originals are dead to everyone by now. Casts and
   * exports of every stemming wait for it (an ACCESS EXCLUSIVE lock per table, held for its rewrite),
   * so each table is rewritten in a transaction of its own that gives up waiting for the lock after
   * REWRITE_LOCK_TIMEOUT and tries again: a queued exclusive lock would otherwise hold up every cast
   * behind it for as long as whatever it waits for (a long read, a dump) runs. The sort gets more
   * working memory than the default, so a large box is sorted in memory rather than on disk.
   */
  async herschrijf(em: EntityManager): Promise<void> {
    for (const [tabel, index] of [
      ['stembiljet', 'stembiljet_pkey'],
      ['bonnetje', 'bonnetje_pkey'],
    ] as const) {
      for (let poging = 1; ; poging++) {
        try {
          await em.fork().transactional(async (tx) => {
            await tx.execute(`set local lock_timeout = '${REWRITE_LOCK_TIMEOUT}'`, [], 'run');
            await tx.execute(`set local maintenance_work_mem = '256MB'`, [], 'run');
            await tx.execute(`cluster ${S}."${tabel}" using "${index}"`, [], 'run');
          });
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE || poging >= REWRITE_POGINGEN) throw error;
          await new Promise((klaar) => setTimeout(klaar, poging * 1000));
        }
      }
    }
  }
}
