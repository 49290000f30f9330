import type { EntityManager } from '@mikro-orm/postgresql';
import type { MijAccount } from '@samen/contracts';
import { Account } from '../accounts/account.entity';
import { Lidmaatschap, Organisatie } from '../organisaties/organisatie.entity';
import { Verificatie } from '../verificatie/verificatie.entity';

/**
 * The account as its owner sees it. Only the fields a person should recognise as theirs: the
 * password hash, the TOTP secret and the lockout counters are credentials, not data about them.
 * Undefined for an erased (tombstone) or unknown account.
 */
export async function mijnAccount(em: EntityManager, accountId: string): Promise<MijAccount | undefined> {
  const account = await em.findOne(Account, { id: accountId });
  // A tombstone has no e-mail: there is nothing of the person left to show.
  if (!account || account.email === null || account.weergavenaam === null) return undefined;
  // One after the other: inside a transaction they share one connection (pg refuses overlapping queries from pg 9 on).
  const verificatie = await em.findOne(Verificatie, { accountId }, { orderBy: { geverifieerdTijdstip: 'desc' } });
  const lidmaatschappen = await em.find(Lidmaatschap, { accountId }, { orderBy: { sindsTijdstip: 'asc' } });
  const organisaties = lidmaatschappen.length ? await em.find(Organisatie, { id: { $in: lidmaatschappen.map((l) => l.organisatieId) } }) : [];
  const naamVan = new Map(organisaties.map((o) => [o.id, o]));
  return {
    accountId: account.id,
    ...(account.gemeente ? { gemeente: account.gemeente } : {}),
    email: account.email,
    weergavenaam: account.weergavenaam,
    rollen: [...account.rollen],
    emailBevestigd: account.emailBevestigdTijdstip !== null,
    tweedeFactorActief: account.totpActief,
    aangemaaktTijdstip: account.aangemaaktTijdstip.toISOString(),
    ...(verificatie
      ? { verificatie: { gebied: verificatie.gebied, methode: verificatie.methode, geverifieerdTijdstip: verificatie.geverifieerdTijdstip.toISOString() } }
      : {}),
    lidmaatschappen: lidmaatschappen.map((l) => ({
      organisatieId: l.organisatieId,
      naam: naamVan.get(l.organisatieId)?.naam ?? '',
      segment: naamVan.get(l.organisatieId)?.segment ?? '',
      rol: l.rol,
      sindsTijdstip: l.sindsTijdstip.toISOString(),
    })),
  };
}
