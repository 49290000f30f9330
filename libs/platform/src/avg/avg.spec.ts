import type { ModuleRef } from '@nestjs/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AVG_EVENTS, type AccountVerwijderd, type CloudEvent, type Principal } from '@samen/contracts';
import { DomainError } from '../errors/domain-error';
import { eisEigenAccount, erasureConsumerName } from './avg.rules';
import { erasureHandler } from './erasure-consumer';
import { GEEN_PERSOONSGEGEVENS, Persoonsgegevens, type PersoonsgegevensProvider } from './persoonsgegevens';

const ANNA = '0b9d6c1e-7d2c-4a8e-9a51-6f4a3c2b1d00';
const BOB = '7c1f0e2a-1b3c-4d5e-8f90-a1b2c3d4e5f6';
const principal = (accountId: string, rollen: Principal['rollen'] = ['inwoner']): Principal => ({ accountId, gemeente: 'GM0637', rollen, segment: 'inwoner', tweedeFactor: false });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return undefined;
}

describe('eisEigenAccount', () => {
  it('lets an account ask for its own data', () => {
    expect(eisEigenAccount(principal(ANNA), ANNA).accountId).toBe(ANNA);
  });

  it('refuses another account with 403, also a beheerder', () => {
    expect(codeOf(() => eisEigenAccount(principal(BOB), ANNA))).toBe('FORBIDDEN');
    expect(codeOf(() => eisEigenAccount(principal(BOB, ['gemeentebeheerder', 'platformbeheerder']), ANNA))).toBe('FORBIDDEN');
  });

  it('refuses an anonymous caller with 401', () => {
    expect(codeOf(() => eisEigenAccount(undefined, ANNA))).toBe('UNAUTHENTICATED');
  });
});

describe('erasureHandler', () => {
  const event = (data: Partial<AccountVerwijderd>): CloudEvent<AccountVerwijderd> => ({
    specversion: '1.0',
    id: 'e1',
    source: 'urn:samen:identity',
    type: 'nl.samen.identity.account.verwijderd.v1',
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: data as AccountVerwijderd,
  });
  const em = {} as EntityManager;

  it('follows account-verwijderd with a durable of the bouwsteen', () => {
    const handler = erasureHandler('samenspreker', () => GEEN_PERSOONSGEGEVENS);
    expect(handler.consumer).toBe(erasureConsumerName('samenspreker'));
    expect(handler.consumer).toBe('samenspreker__account-verwijderd');
    expect(handler.subject).toBe(AVG_EVENTS.accountVerwijderd);
  });

  it('hands the account id and the transaction to the provider', async () => {
    const pseudonimiseer = jest.fn<Promise<void>, Parameters<PersoonsgegevensProvider['pseudonimiseer']>>(async () => undefined);
    const handler = erasureHandler('monitoring', () => ({ ...GEEN_PERSOONSGEGEVENS, pseudonimiseer }));
    await handler.handle(event({ accountId: ANNA, gemeente: 'GM0637' }), em);
    expect(pseudonimiseer).toHaveBeenCalledWith(ANNA, em, expect.objectContaining({ id: 'e1' }));
  });

  it('fails (and so retries, loudly) on an event without account id', async () => {
    await expect(erasureHandler('monitoring', () => GEEN_PERSOONSGEGEVENS).handle(event({}), em)).rejects.toThrow(/without accountId/);
  });
});

describe('Persoonsgegevens', () => {
  it("uses the bouwsteen's provider when there is one", () => {
    const eigen: PersoonsgegevensProvider = { exporteer: async () => ({ a: 1 }), pseudonimiseer: async () => undefined };
    const moduleRef = { get: jest.fn(() => eigen) } as unknown as ModuleRef;
    expect(new Persoonsgegevens(moduleRef).provider).toBe(eigen);
  });

  it('falls back to no personal data, with an empty export', async () => {
    const moduleRef = {
      get: jest.fn(() => {
        throw new Error('not found');
      }),
    } as unknown as ModuleRef;
    const provider = new Persoonsgegevens(moduleRef).provider;
    expect(provider).toBe(GEEN_PERSOONSGEGEVENS);
    await expect(provider.exporteer(ANNA, {} as EntityManager, { correlationId: 'c' })).resolves.toEqual({});
  });
});
