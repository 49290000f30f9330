import { GEMEENTE_SUBJECTS, type GemeenteInstellingen, type MessageContext } from '@samen/contracts';
import type { BouwsteenClient } from '@samen/platform';
import type { SamensprekerEnv } from '../config/samenspreker-env';
import { GemeenteInstellingenBron } from './gemeente-instellingen';

const INSTELLINGEN = { steundrempel: 25, reactietermijnDagen: 20 } as GemeenteInstellingen;
const context: MessageContext = { correlationId: 'c-1', gemeente: 'GM0637', accessToken: 'het-token-van-de-beller' };

function bron(bewaartijdMs: number, antwoord: () => Promise<unknown> = async () => ({ code: 'GM0637', instellingen: INSTELLINGEN })) {
  const request = jest.fn(antwoord);
  const client = { request } as unknown as BouwsteenClient;
  return { request, bron: new GemeenteInstellingenBron(client, { GEMEENTE_INSTELLINGEN_BEWAARTIJD_MS: bewaartijdMs } as SamensprekerEnv) };
}

describe('GemeenteInstellingenBron', () => {
  afterEach(() => jest.useRealTimers());

  it('asks identity once within the reuse time, publicly (without the caller token), and again after it', async () => {
    jest.useFakeTimers({ now: 0 });
    const { bron: b, request } = bron(10_000);
    expect(await b.van('GM0637', context)).toBe(INSTELLINGEN);
    expect(await b.van('GM0637', context)).toBe(INSTELLINGEN);
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith(GEMEENTE_SUBJECTS.get, { code: 'GM0637' }, { correlationId: 'c-1', gemeente: 'GM0637' });
    jest.setSystemTime(10_001);
    await b.van('GM0637', context);
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('keeps gemeenten apart, shares one request between concurrent askers, and asks every time with 0', async () => {
    const { bron: b, request } = bron(10_000);
    await Promise.all([b.van('GM0637', context), b.van('GM0637', context), b.van('GM0518', context)]);
    expect(request).toHaveBeenCalledTimes(2);
    const { bron: altijd, request: elkeKeer } = bron(0);
    await altijd.van('GM0637', context);
    await altijd.van('GM0637', context);
    expect(elkeKeer).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failure: the next ask goes to identity again', async () => {
    let keer = 0;
    const { bron: b, request } = bron(10_000, async () => {
      if (keer++ === 0) throw new Error('identity is weg');
      return { code: 'GM0637', instellingen: INSTELLINGEN };
    });
    await expect(b.van('GM0637', context)).rejects.toThrow('identity is weg');
    expect(await b.van('GM0637', context)).toBe(INSTELLINGEN);
    expect(request).toHaveBeenCalledTimes(2);
  });
});
