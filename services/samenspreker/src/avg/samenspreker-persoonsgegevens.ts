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
];

const iso = (d: Date | undefined | null): string | null => d?.toISOString() ?? null;

/**
 * samenspreker's part of the AVG: export of everything an account did here, and erasure. Erasure
 * de-links rather than deletes: vraagstukken, steun, oplossingen, positions and evaluations are the
 * public democratic record (and counted), so they stay, with VERWIJDERD_ACCOUNT as their account.
 * Reacties are free text about anything, often about the writer: they are hidden as a moderator
 * would (reason "account verwijderd"). The timeline holds pseudonyms only and stays as it is.
 */
@Injectable()
export class SamensprekerPersoonsgegevens implements PersoonsgegevensProvider {
  constructor(private readonly pseudoniemen: Pseudoniemen) {}

  async exporteer(accountId: string, em: EntityManager): Promise<Record<string, unknown>> {
    const [vraagstukken, tafelplaatsen, steunbetuigingen, oplossingen, versies, posities, reacties, evaluaties] = await Promise.all([
      em.find(Vraagstuk, { initiatiefnemerAccountId: accountId }, { orderBy: { aangemaaktTijdstip: 'asc', id: 'asc' } }),
      em.find(Deelnemer, { accountId }, { orderBy: { sinds: 'asc', id: 'asc' } }),
      em.find(Steunbetuiging, { accountId }, { orderBy: { tijdstip: 'asc', id: 'asc' } }),
      em.find(Oplossing, { auteurAccountId: accountId }, { orderBy: { ingediendOp: 'asc', id: 'asc' } }),
      em.find(OplossingVersie, { auteurAccountId: accountId }, { orderBy: { tijdstip: 'asc', id: 'asc' } }),
      em.find(Positie, { accountId }, { orderBy: { tijdstip: 'asc', id: 'asc' } }),
      em.find(Reactie, { accountId }, { orderBy: { tijdstip: 'asc', id: 'asc' } }),
      em.find(Evaluatie, { accountId }, { orderBy: { tijdstip: 'asc', id: 'asc' } }),
    ]);
    // The vraagstuk of each version, to name the person's pseudonym there too.
    const versieOplossingen = versies.length ? await em.find(Oplossing, { id: { $in: [...new Set(versies.map((v) => v.oplossingId))] } }) : [];
    const vraagstukVan = new Map(versieOplossingen.map((o) => [o.id, o.vraagstukId]));
    const vraagstukIds = new Set([
      ...vraagstukken.map((v) => v.id),
      ...[...tafelplaatsen, ...steunbetuigingen, ...oplossingen, ...posities, ...reacties, ...evaluaties].map((r) => r.vraagstukId),
      ...vraagstukVan.values(),
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
    for (const [tabel, kolom] of ACCOUNT_KOLOMMEN) {
      await em.execute(`update "samenspreker"."${tabel}" set "${kolom}" = ? where "${kolom}" = ?`, [VERWIJDERD_ACCOUNT, accountId]);
    }
  }
}
