import { DomainError } from '@samen/platform';

/** Where a page of vraagstukken ended: the (aangemaaktTijdstip, id) of its last row, the list's sort key. */
export interface VraagstukCursor {
  tijdstip: Date;
  id: string;
}

/** Opaque to clients (base64url JSON), so the sort key can change without breaking the contract. */
export function maakCursor(cursor: VraagstukCursor): string {
  return Buffer.from(JSON.stringify([cursor.tijdstip.toISOString(), cursor.id])).toString('base64url');
}

export function leesCursor(na: string): VraagstukCursor {
  try {
    const waarde: unknown = JSON.parse(Buffer.from(na, 'base64url').toString('utf8'));
    if (Array.isArray(waarde) && waarde.length === 2 && typeof waarde[0] === 'string' && typeof waarde[1] === 'string' && /^[0-9a-f-]{36}$/.test(waarde[1])) {
      const tijdstip = new Date(waarde[0]);
      if (!Number.isNaN(tijdstip.getTime())) return { tijdstip, id: waarde[1] };
    }
  } catch {
    // Falls through to the same answer as a well-formed but wrong cursor.
  }
  throw DomainError.validation([{ name: 'na', code: 'cursor', reason: 'na moet een cursor uit een vorig antwoord zijn' }]);
}
