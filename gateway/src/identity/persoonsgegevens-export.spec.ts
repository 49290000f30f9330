import { DomainError } from '@samen/platform';
import { exportBestandsnaam, verzamelExport } from './persoonsgegevens-export';

const ID = '0b9d6c1e-7d2c-4a8e-9a51-6f4a3c2b1d00';

describe('verzamelExport', () => {
  it('takes what each bouwsteen gives and marks the absent ones', async () => {
    const nu = new Date('2026-11-27T08:00:00Z');
    const volledig = await verzamelExport(
      ID,
      async (b) => {
        if (b === 'identity') return { account: { accountId: ID } };
        if (b === 'samenspreker') return {};
        if (b === 'monitoring') throw new DomainError('BOUWSTEEN_TIMEOUT', 'traag');
        throw new DomainError('BOUWSTEEN_ABSENT', 'weg');
      },
      nu,
    );
    expect(volledig).toEqual({
      accountId: ID,
      aangemaaktTijdstip: '2026-11-27T08:00:00.000Z',
      bouwstenen: [
        { bouwsteen: 'identity', status: 'geleverd', gegevens: { account: { accountId: ID } } },
        { bouwsteen: 'citycontent', status: 'absent' },
        { bouwsteen: 'samenspreker', status: 'geleverd', gegevens: {} },
        { bouwsteen: 'beleidsagenda', status: 'absent' },
        { bouwsteen: 'monitoring', status: 'absent' },
      ],
    });
  });

  it('fails when identity is absent: without it there is no export', async () => {
    await expect(verzamelExport(ID, async () => Promise.reject(new DomainError('BOUWSTEEN_ABSENT', 'weg')))).rejects.toMatchObject({ code: 'BOUWSTEEN_ABSENT' });
  });

  it('fails on any refusal, so no one gets a partial export', async () => {
    const vraag = async (b: string) => {
      if (b === 'samenspreker') throw new DomainError('FORBIDDEN', 'nee');
      return {};
    };
    await expect(verzamelExport(ID, vraag)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('exportBestandsnaam', () => {
  it('holds the date and nothing personal', () => {
    expect(exportBestandsnaam(new Date('2026-11-27T23:59:00Z'))).toBe('samen-mijn-gegevens-2026-11-27.json');
  });
});
