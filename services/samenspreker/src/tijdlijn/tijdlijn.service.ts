import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { TIJDLIJN_MAX_LIMIET, TIJDLIJN_STANDAARD_LIMIET } from '@samen/contracts';
import { hashVan, type JsonWaarde, NUL_HASH, type TijdlijnActor, type Verificatie, verifieerKeten } from './tijdlijn-keten';
import { TijdlijnEntry } from './tijdlijn.entity';

/** What a caller appends; volgnummer, tijdstip and the hashes are the timeline's business. */
export interface NieuweTijdlijnEntry {
  vraagstukId: string;
  gemeente: string;
  soort: string;
  actor?: TijdlijnActor | null;
  gegevens: JsonWaarde;
  /**
   * The vraagstuk was inserted in this same transaction: no other transaction can see it, so none
   * can append, and the entry is volgnummer 1 without a lock or a look at the chain head (two
   * round trips of every create). Wrongly set, the unique (vraagstuk_id, volgnummer) refuses it.
   */
  eerste?: boolean;
}


/** Rows as read for verification: raw SQL, so jsonb comes back as parsed JSON and nothing is mapped or cached. */
interface EntryRij {
  vraagstuk_id: string;
  volgnummer: number;
  tijdstip: Date;
  soort: string;
  actor: TijdlijnActor | null;
  gegevens: JsonWaarde;
  vorige_hash: string;
  hash: string;
}

/** The public timeline of vraagstukken: append inside the caller's transaction, read, verify. */
@Injectable()
export class Tijdlijn {
  constructor(private readonly em: EntityManager) {}

  /**
   * Appends one entry inside the caller's transaction (pass the transactional `em`), so the entry
   * exists exactly when the change it records does. Two transactions appending to the same
   * vraagstuk are serialised by a per-vraagstuk advisory transaction lock taken before the chain
   * head is read: without it both could read the same head and fork the chain (the unique
   * constraint would then fail one of them instead of making it wait).
   */
  async voegToe(em: EntityManager, nieuw: NieuweTijdlijnEntry): Promise<TijdlijnEntry> {
    const kop = nieuw.eerste ? undefined : await this.kop(em, nieuw.vraagstukId);
    const volgnummer = kop ? kop.volgnummer + 1 : 1;
    const vorigeHash = kop ? kop.hash : NUL_HASH;
    const tijdstip = new Date();
    const actor = nieuw.actor ?? null;
    // Through JSON once, so what is hashed is exactly what jsonb will give back (no undefined, no Dates).
    const gegevens = JSON.parse(JSON.stringify(nieuw.gegevens)) as JsonWaarde;
    const hash = hashVan({ vraagstukId: nieuw.vraagstukId, volgnummer, tijdstip: tijdstip.toISOString(), soort: nieuw.soort, actor, gegevens, vorigeHash });
    const entry = Object.assign(new TijdlijnEntry(), {
      id: randomUUID(),
      vraagstukId: nieuw.vraagstukId,
      volgnummer,
      gemeente: nieuw.gemeente,
      tijdstip,
      soort: nieuw.soort,
      actor,
      gegevens,
      vorigeHash,
      hash,
    });
    // A direct insert, not persist + flush: the caller's unit of work is theirs to flush.
    await em.execute(
      `insert into "samenspreker"."tijdlijn_entry" ("id", "vraagstuk_id", "volgnummer", "gemeente", "tijdstip", "soort", "actor", "gegevens", "vorige_hash", "hash")
       values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)`,
      [entry.id, entry.vraagstukId, volgnummer, entry.gemeente, tijdstip, entry.soort, actor === null ? null : JSON.stringify(actor), JSON.stringify(gegevens), vorigeHash, hash],
    );
    return entry;
  }

  /** The last entry of the chain, read under the per-vraagstuk lock that keeps appends in line. */
  private async kop(em: EntityManager, vraagstukId: string): Promise<{ volgnummer: number; hash: string } | undefined> {
    await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`samenspreker.tijdlijn:${vraagstukId}`]);
    const [kop] = await em.execute<{ volgnummer: number; hash: string }[]>(
      `select "volgnummer", "hash" from "samenspreker"."tijdlijn_entry" where "vraagstuk_id" = ? order by "volgnummer" desc limit 1`,
      [vraagstukId],
    );
    return kop;
  }

  /**
   * Entries after volgnummer `na`, oldest first (keyset pagination by volgnummer); one over the maximum so a caller can look ahead for a next page.
   * Raw SQL under the entity's property names: a public read needs no managed entities. pg gives
   * jsonb parsed and, as MikroORM configures it, timestamptz as text.
   */
  async lees(vraagstukId: string, opties: { na?: number; limiet?: number } = {}): Promise<TijdlijnEntry[]> {
    const limiet = Math.min(Math.max(opties.limiet ?? TIJDLIJN_STANDAARD_LIMIET, 1), TIJDLIJN_MAX_LIMIET + 1);
    const rijen = await this.em.execute<Array<Omit<TijdlijnEntry, 'tijdstip'> & { tijdstip: string }>>(
      `select "id", "vraagstuk_id" as "vraagstukId", "volgnummer", "gemeente", "tijdstip", "soort", "actor", "gegevens", "vorige_hash" as "vorigeHash", "hash"
       from "samenspreker"."tijdlijn_entry" where "vraagstuk_id" = ? and "volgnummer" > ? order by "volgnummer" asc limit ?`,
      [vraagstukId, opties.na ?? 0, limiet],
    );
    return rijen.map((rij) => ({ ...rij, tijdstip: new Date(rij.tijdstip) }));
  }

  /** Recomputes every hash of the vraagstuk's chain and names the first entry that does not match. */
  async verifieer(vraagstukId: string): Promise<Verificatie> {
    const rijen = await this.em.fork().execute<EntryRij[]>(
      `select "vraagstuk_id", "volgnummer", "tijdstip", "soort", "actor", "gegevens", "vorige_hash", "hash"
       from "samenspreker"."tijdlijn_entry" where "vraagstuk_id" = ? order by "volgnummer" asc, "id" asc`,
      [vraagstukId],
    );
    return verifieerKeten(
      rijen.map((rij) => ({
        vraagstukId: rij.vraagstuk_id,
        volgnummer: rij.volgnummer,
        tijdstip: new Date(rij.tijdstip).toISOString(),
        soort: rij.soort,
        actor: rij.actor,
        gegevens: rij.gegevens,
        vorigeHash: rij.vorige_hash,
        hash: rij.hash,
      })),
    );
  }
}
