import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PersoonsgegevensProvider } from '@samen/platform';
import { Steunbetuiging } from '../agendering/steunbetuiging.entity';
import { Evaluatie } from '../evaluatie/evaluatie.entity';
import { Pseudoniemen, VERWIJDERD_ACCOUNT } from '../gedeeld/pseudoniem';
import { Oplossing, OplossingVersie, Positie } from '../oplossing/oplossing.entity';
import { Reactie } from '../reactie/reactie.entity';
import { Deelnemer } from '../tafel/deelnemer.entity';
import { Vraagstuk } from '../vraagstuk/vraagstuk.entity';

/** The public reason on the reacties of an erased account, in place of their text. */
export const REDEN_ACCOUNT_VERWIJDERD = 'account verwijderd';

/** Every samenspreker column holding an account id, and so everything an erasure must de-link. */
const ACCOUNT_KOLOMMEN: readonly (readonly [tabel: string, kolom: string])[] = [
  ['vraagstuk', 'initiatiefnemer_account_id'],
  ['deelnemer', 'account_id'],
  ['deelnemer', 'uitgenodigd_door'],
  ['steunbetuiging', 'account_id'],
  ['oplossing', 'auteur_account_id'],
  ['oplossing_versie', 'auteur_account_id'],
  ['positie', 'account_id'],
  ['evaluatie', 'account_id'],
  ['stemregister', 'account_id'],
  ['papieren_batch', 'ingevoerd_door'],
];

/** A register entry as the export shows it: that the person voted, where and how, never what. */
interface GestemdRij {
  stemming_id: string;
  vraagstuk_id: string;
  titel: string;
  kanaal: string;
  status: string;
}

interface BatchRij {
  stemming_id: string;
  vraagstuk_id: string;
  batchnummer: string;
  aantal: number;
}

const iso = (d: Date | undefined | null): string | null => d?.toISOString() ?? null;

/**
 * samenspreker's part of the AVG: export of everything an account did here, and erasure. Erasure
 * de-links rather than deletes: vraagstukken, steun, oplossingen, positions and evaluations are the
 * public democratic record (and counted), so they stay, with VERWIJDERD_ACCOUNT as their account.
 * Reacties are free text about anything, often about the writer: they are hidden as a moderator
 * would (reason "account verwijderd"). The timeline holds pseudonyms only and stays as it is.
 * In stemmingen: the register keeps that someone voted (the counts and the turnout stay), the retry
 * records (the receipt, encrypted under the voter's Idempotency-Key) are deleted. Ballots and
 * receipts hold no account id, so there is nothing of the person in them to export or erase.
 */
@Injectable()
export class SamensprekerPersoonsgegevens implements PersoonsgegevensProvider {
  constructor(private readonly pseudoniemen: Pseudoniemen) {}

  async exporteer(accountId: string, em: EntityManager): Promise<Record<string, unknown>> {
    // One after the other: they share the transaction's connection (pg refuses overlapping queries from pg 9 on).
    const vraagstukken = await em.find(Vraagstuk, { initiatiefnemerAccountId: accountId }, { orderBy: { aangemaaktTijdstip: 'asc', id: 'asc' } });
    const tafelplaatsen = await em.find(Deelnemer, { accountId }, { orderBy: { sinds: 'asc', id: 'asc' } });
    const steunbetuigingen = await em.find(Steunbetuiging, { accountId }, { orderBy: { tijdstip: 'asc', id: 'asc' } });
    const oplossingen = await em.find(Oplossing, { auteurAccountId: accountId }, { orderBy: { ingediendOp: 'asc', id: 'asc' } });
    const versies = await em.find(OplossingVersie, { auteurAccountId: accountId }, { orderBy: { tijdstip: 'asc', id: 'asc' } });
    const posities = await em.find(Positie, { accountId }, { orderBy: { tijdstip: 'asc', id: 'asc' } });
    const reacties = await em.find(Reactie, { accountId }, { orderBy: { tijdstip: 'asc', id: 'asc' } });
    const evaluaties = await em.find(Evaluatie, { accountId }, { orderBy: { tijdstip: 'asc', id: 'asc' } });
    // The register and the paper batches have no entity (Stembus writes them in plain SQL).
    const gestemd = await em.execute<GestemdRij[]>(
      `select r."stemming_id", s."vraagstuk_id", s."regels" ->> 'titel' as "titel", r."kanaal", s."status"
         from "samenspreker"."stemregister" r join "samenspreker"."stemming" s on s."id" = r."stemming_id"
        where r."account_id" = ? order by s."aangemaakt_tijdstip", s."id"`,
      [accountId],
    );
    const batches = await em.execute<BatchRij[]>(
      `select b."stemming_id", s."vraagstuk_id", b."batchnummer", b."aantal"
         from "samenspreker"."papieren_batch" b join "samenspreker"."stemming" s on s."id" = b."stemming_id"
        where b."ingevoerd_door" = ? order by s."aangemaakt_tijdstip", s."id", b."batchnummer"`,
      [accountId],
    );
    // The vraagstuk of each version, to name the person's pseudonym there too.
    const versieOplossingen = versies.length ? await em.find(Oplossing, { id: { $in: [...new Set(versies.map((v) => v.oplossingId))] } }) : [];
    const vraagstukVan = new Map(versieOplossingen.map((o) => [o.id, o.vraagstukId]));
    const vraagstukIds = new Set([
      ...vraagstukken.map((v) => v.id),
      ...[...tafelplaatsen, ...steunbetuigingen, ...oplossingen, ...posities, ...reacties, ...evaluaties].map((r) => r.vraagstukId),
      ...vraagstukVan.values(),
      // Entering a batch is a timeline step under the ambtenaar's pseudonym; a vote is no step at all.
      ...batches.map((b) => b.vraagstuk_id),
    ]);
    return {
      // How the public knows the person in each vraagstuk (timeline, positions, reacties, tafel).
      pseudoniemen: [...vraagstukIds].sort().map((vraagstukId) => ({ vraagstukId, pseudoniem: this.pseudoniemen.van(vraagstukId, accountId) })),
      vraagstukken: vraagstukken.map((v) => ({
        id: v.id,
        gemeente: v.gemeente,
        soort: v.soort,
        titel: v.titel,
        omschrijving: v.omschrijving,
        segment: v.initiatiefnemerSegment,
        organisatie: v.initiatiefnemerOrganisatie ?? null,
        fase: v.fase,
        aangemaaktTijdstip: iso(v.aangemaaktTijdstip),
      })),
      tafelplaatsen: tafelplaatsen.map((d) => ({
        id: d.id,
        vraagstukId: d.vraagstukId,
        rol: d.rol,
        segment: d.segment,
        organisatie: d.organisatie ?? null,
        status: d.status,
        sinds: iso(d.sinds),
        tot: iso(d.tot),
      })),
      steunbetuigingen: steunbetuigingen.map((s) => ({ vraagstukId: s.vraagstukId, segment: s.segment, organisatie: s.organisatie ?? null, tijdstip: iso(s.tijdstip) })),
      oplossingen: oplossingen.map((o) => ({ id: o.id, vraagstukId: o.vraagstukId, segment: o.auteurSegment, organisatie: o.auteurOrganisatie ?? null, ingediendOp: iso(o.ingediendOp) })),
      oplossingVersies: versies.map((v) => ({
        oplossingId: v.oplossingId,
        vraagstukId: vraagstukVan.get(v.oplossingId) ?? null,
        versie: v.versie,
        titel: v.titel,
        omschrijving: v.omschrijving,
        tijdstip: iso(v.tijdstip),
      })),
      posities: posities.map((p) => ({
        vraagstukId: p.vraagstukId,
        oplossingVersieId: p.oplossingVersieId,
        positie: p.positie,
        toelichting: p.toelichting ?? null,
        segment: p.segment,
        organisatie: p.organisatie ?? null,
        tijdstip: iso(p.tijdstip),
      })),
      reacties: reacties.map((r) => ({
        id: r.id,
        vraagstukId: r.vraagstukId,
        oplossingId: r.oplossingId ?? null,
        antwoordOp: r.antwoordOp ?? null,
        tekst: r.tekst,
        tijdstip: iso(r.tijdstip),
        verborgen: r.verborgenOp ? { op: iso(r.verborgenOp), reden: r.verborgenReden ?? null } : null,
      })),
      evaluaties: evaluaties.map((e) => ({ vraagstukId: e.vraagstukId, proces: e.proces, uitkomst: e.uitkomst, toelichting: e.toelichting, tijdstip: iso(e.tijdstip) })),
      // That the person voted and through which channel; how is in no table linked to them, and the
      // receipt only in the retry record, encrypted under a key samenspreker does not have.
      gestemd: gestemd.map((g) => ({ stemmingId: g.stemming_id, vraagstukId: g.vraagstuk_id, titel: g.titel, kanaal: g.kanaal, stemmingStatus: g.status })),
      // As ambtenaar: the paper batches they entered (which batch held a kiezer's envelope is not kept).
      papierenBatches: batches.map((b) => ({ stemmingId: b.stemming_id, vraagstukId: b.vraagstuk_id, batchnummer: b.batchnummer, aantal: b.aantal })),
    };
  }

  /**
   * In the inbox's transaction: ends the account's open seats, hides its reacties and replaces its id
   * by VERWIJDERD_ACCOUNT everywhere. Plain SQL, so rows this instance never loaded are reached too;
   * the immutability triggers allow exactly these updates (Migration20261127096000Avg).
   */
  async pseudonimiseer(accountId: string, em: EntityManager): Promise<void> {
    // A seat of nobody cannot speak at the table: it ends, as if the person left.
    await em.execute(
      `update "samenspreker"."deelnemer" set "status" = 'vertrokken', "tot" = greatest(now(), "sinds")
        where "account_id" = ? and "status" in ('uitgenodigd', 'actief')`,
      [accountId],
    );
    await em.execute(
      `update "samenspreker"."reactie" set "account_id" = ?,
        "verborgen_op" = coalesce("verborgen_op", now()), "verborgen_reden" = coalesce("verborgen_reden", ?)
        where "account_id" = ?`,
      [VERWIJDERD_ACCOUNT, REDEN_ACCOUNT_VERWIJDERD, accountId],
    );
    // The receipt of an open stemming's cast, kept for a retry: no one may retry as this account any more.
    await em.execute(`delete from "samenspreker"."stem_idempotentie" where "account_id" = ?`, [accountId]);
    for (const [tabel, kolom] of ACCOUNT_KOLOMMEN) {
      await em.execute(`update "samenspreker"."${tabel}" set "${kolom}" = ? where "${kolom}" = ?`, [VERWIJDERD_ACCOUNT, accountId]);
    }
  }
}
