import { randomUUID } from 'node:crypto';
import { type Principal, VRAAGSTUK_FASEN } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { drempelBereikt, isEigenSteun, reactieUiterlijk, steunPartij, termijnVerstreken } from './agendering-regels';

const inwoner = (extra: Partial<Principal> = {}): Principal => ({ accountId: randomUUID(), rollen: ['inwoner'], segment: 'inwoner', tweedeFactor: false, ...extra });

describe('agendering rules', () => {
  it('reaches the threshold at exactly drempel supporters, not one before', () => {
    expect(drempelBereikt(2, 3)).toBe(false);
    expect(drempelBereikt(3, 3)).toBe(true);
    expect(drempelBereikt(4, 3)).toBe(true);
    expect(drempelBereikt(1, 1)).toBe(true);
    expect(drempelBereikt(0, 1)).toBe(false);
  });

  it('promises a response so many whole days after the vraagstuk was raised', () => {
    expect(reactieUiterlijk(new Date('2026-11-27T09:15:00.000Z'), 20).toISOString()).toBe('2026-12-17T09:15:00.000Z');
    expect(reactieUiterlijk(new Date('2026-12-31T23:00:00.000Z'), 1).toISOString()).toBe('2027-01-01T23:00:00.000Z');
  });

  it('is overdue only in agendering and only after the promised moment', () => {
    const uiterlijk = new Date('2026-12-17T09:15:00.000Z');
    expect(termijnVerstreken('agendering', uiterlijk, new Date('2026-12-17T09:15:00.000Z'))).toBe(false);
    expect(termijnVerstreken('agendering', uiterlijk, new Date('2026-12-17T09:15:00.001Z'))).toBe(true);
    // Any phase change out of agendering is the answer, even a late one.
    for (const fase of VRAAGSTUK_FASEN.filter((f) => f !== 'agendering')) {
      expect([fase, termijnVerstreken(fase, uiterlijk, new Date('2027-06-01T00:00:00Z'))]).toEqual([fase, false]);
    }
  });

  it('supports for the organisation only with an organisation in the token; for oneself a member speaks as inwoner', () => {
    const organisatie = randomUUID();
    const lid = inwoner({ segment: 'bedrijfsleven', organisatie });
    expect(steunPartij(lid, 'organisatie')).toEqual({ accountId: lid.accountId, segment: 'bedrijfsleven', organisatie });
    expect(steunPartij(lid, 'mijzelf')).toEqual({ accountId: lid.accountId, segment: 'inwoner' });
    const ambtenaar = inwoner({ rollen: ['ambtenaar'], segment: 'gemeente' });
    expect(steunPartij(ambtenaar, 'mijzelf')).toEqual({ accountId: ambtenaar.accountId, segment: 'gemeente' });

    let fout: unknown;
    try {
      steunPartij(inwoner(), 'organisatie');
    } catch (error) {
      fout = error;
    }
    expect(fout).toBeInstanceOf(DomainError);
    expect(fout).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('namens een organisatie') });
  });

  it('refuses the party that raised the vraagstuk, not another party of the same person', () => {
    const anne = inwoner();
    const organisatie = randomUUID();
    const anneVoorOrganisatie = inwoner({ accountId: anne.accountId, segment: 'maatschappelijk', organisatie });
    const collega = inwoner({ segment: 'maatschappelijk', organisatie });

    // Raised by Anne for herself.
    const persoonlijk = { accountId: anne.accountId };
    expect(isEigenSteun(persoonlijk, steunPartij(anne, 'mijzelf'))).toBe(true);
    expect(isEigenSteun(persoonlijk, steunPartij(anneVoorOrganisatie, 'organisatie'))).toBe(false);
    expect(isEigenSteun(persoonlijk, steunPartij(collega, 'mijzelf'))).toBe(false);

    // Raised by Anne for her organisation: no member adds the organisation's support, Anne may add her own.
    const namensOrganisatie = { accountId: anne.accountId, organisatie };
    expect(isEigenSteun(namensOrganisatie, steunPartij(collega, 'organisatie'))).toBe(true);
    expect(isEigenSteun(namensOrganisatie, steunPartij(anneVoorOrganisatie, 'organisatie'))).toBe(true);
    expect(isEigenSteun(namensOrganisatie, steunPartij(anneVoorOrganisatie, 'mijzelf'))).toBe(false);
    expect(isEigenSteun(namensOrganisatie, steunPartij(collega, 'mijzelf'))).toBe(false);
  });
});
