import { Logger } from '@nestjs/common';
import { healthSubject, type HealthReply, type MessageContext } from '@samen/contracts';
import { type BouwsteenClient, DomainError, loadEnv } from '@samen/platform';
import { GatewayEnv } from '../config/gateway-env';
import { BouwsteenDiscovery } from './bouwsteen-discovery.service';

const context: MessageContext = { correlationId: 'corr-1' };

function health(bouwsteen: HealthReply['bouwsteen'], overrides: Partial<HealthReply> = {}): HealthReply {
  return { bouwsteen, version: '0.1.0', uptimeSeconds: 12, database: 'up', instance: 'host:1:abc', pendingEvents: 0, ...overrides };
}

/** A client whose answers are given per subject: a reply, or an error to throw. */
function discoveryWith(answers: Record<string, unknown>): { discovery: BouwsteenDiscovery; request: jest.Mock } {
  const request = jest.fn(async (subject: string) => {
    const answer = answers[subject];
    if (answer instanceof Error) throw answer;
    if (answer === undefined) throw new DomainError('BOUWSTEEN_ABSENT', 'draait niet');
    return answer;
  });
  const env = loadEnv(GatewayEnv, { DISCOVERY_TIMEOUT_MS: '250' });
  return { discovery: new BouwsteenDiscovery({ request } as unknown as BouwsteenClient, env), request };
}

describe('BouwsteenDiscovery', () => {
  it('asks all five health subjects with the discovery time limit and keeps the fixed order', async () => {
    const { discovery, request } = discoveryWith({ [healthSubject('samenspreker')]: health('samenspreker', { database: 'down' }) });

    const found = await discovery.all(context);

    expect(found.map((b) => b.naam)).toEqual(['identity', 'citycontent', 'samenspreker', 'beleidsagenda', 'monitoring']);
    expect(found[2]).toEqual({ naam: 'samenspreker', status: 'up', versie: '0.1.0', responstijdMs: expect.any(Number), database: 'down' });
    expect(found.filter((b) => b.status === 'absent')).toHaveLength(4);
    expect(found[0]).toEqual({ naam: 'identity', status: 'absent' });
    expect(request).toHaveBeenCalledWith(healthSubject('identity'), {}, context, { timeoutMs: 250 });
  });

  it('calls a bouwsteen that answers too late absent', async () => {
    const { discovery } = discoveryWith({ [healthSubject('identity')]: new DomainError('BOUWSTEEN_TIMEOUT', 'te laat') });
    expect(await discovery.probe('identity', context)).toEqual({ naam: 'identity', status: 'absent' });
  });

  it.each([
    ['a reply for another bouwsteen', health('monitoring')],
    ['a reply without version', { ...health('identity'), version: undefined }],
    ['a database state outside the contract', health('identity', { database: 'kapot' as HealthReply['database'] })],
    ['not an object', 'up'],
    ['null', null],
  ])('does not trust %s: absent, with a warning', async (_name, reply) => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { discovery } = discoveryWith({ [healthSubject('identity')]: reply });
    expect(await discovery.probe('identity', context)).toEqual({ naam: 'identity', status: 'absent' });
    expect(warn).toHaveBeenCalledWith({ bouwsteen: 'identity', correlationId: 'corr-1' }, expect.stringContaining('contract'));
    warn.mockRestore();
  });

  it('says the bus is away instead of calling everything absent', async () => {
    const unavailable = new DomainError('UNAVAILABLE', 'NATS weg');
    const { discovery } = discoveryWith({ [healthSubject('identity')]: unavailable });
    await expect(discovery.all(context)).rejects.toBe(unavailable);
  });
});
