import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { EVENT_STREAM, GEMEENTE_SUBJECTS, type Rol, type StemmingExport } from '@samen/contracts';
import { erasureConsumerName } from '@samen/platform';
import { dataOf, definitionOf, natsConnect, outboxDrained, request, startTestService } from '@samen/testing';
import type { NatsConnection } from 'nats';
import { TokenIssuer } from '../services/identity/src/sleutels/token-issuer';
import { hertel } from '../services/samenspreker/src/stemming/export';
import { freePort, pollUntil, startBouwsteen, startGateway, statuses, type SuiteProcess } from './support/suite';

/**
 * Issue 5's fault test: samenspreker is killed with SIGKILL while votes stream in through the
 * gateway, and started again. Clients do what a client should: retry a cast that got no 2xx with
 * the same Idempotency-Key. Every cast that got a 2xx must be counted, none twice.
 */
describe('stemmen while samenspreker is killed and restarted', () => {
  const GEMEENTE = 'GM1892';
  const GEBIED = 'WK189201';
  const KIEZERS = 60;
  let identity: NestFastifyApplication;
  let nc: NatsConnection;
  let samenspreker: SuiteProcess;
  let gateway: SuiteProcess;
  let base: string;

  async function token(rollen: Rol[], gebied?: string): Promise<string> {
    const staf = rollen.some((rol) => rol !== 'inwoner');
    const { accessToken } = await identity.get(TokenIssuer).issueAccessToken({
      accountId: randomUUID(),
      rollen,
      segment: staf ? 'gemeente' : 'inwoner',
      gemeente: GEMEENTE,
      amr: ['pwd', 'otp'],
      ...(gebied ? { geverifieerdGebied: gebied } : {}),
    });
    return accessToken;
  }

  async function call(method: string, path: string, as?: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { 'samen-gemeente': GEMEENTE, ...(as ? { authorization: `Bearer ${as}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async function ok(method: string, path: string, as: string, body?: unknown) {
    const antwoord = await call(method, path, as, body);
    if (antwoord.status >= 300) throw new Error(`${method} ${path}: ${antwoord.status} ${JSON.stringify(antwoord.body)}`);
    return antwoord.body;
  }

  const samensprekerUp = () => pollUntil(async () => ((await statuses(base)).samenspreker === 'up' ? true : undefined), { timeoutMs: 30_000, intervalMs: 100 });

  beforeAll(async () => {
    identity = await startTestService(definitionOf('identity'));
    nc = await natsConnect();
    dataOf(await request(GEMEENTE_SUBJECTS.upsert, { code: GEMEENTE, naam: 'Rijswijk', bouwstenen: ['identity', 'samenspreker'] }, {}, { nc }));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    samenspreker = startBouwsteen('samenspreker');
    gateway = startGateway(port);
    await samensprekerUp().catch((error: Error) => {
      throw new Error(`${error.message}\n${[gateway, samenspreker].map((p) => `--- ${p.name}\n${p.log.slice(-2000)}`).join('\n')}`);
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([samenspreker, gateway].filter(Boolean).map((p) => p.stop()));
    await outboxDrained('identity');
    await (await nc.jetstreamManager()).consumers.delete(EVENT_STREAM, erasureConsumerName('identity')).catch(() => undefined);
    await nc?.close();
    await identity?.close();
  }, 30_000);

  it('counts every cast that got a 2xx exactly once', async () => {
    const ambtenaar = await token(['ambtenaar']);
    const inwoner = await token(['inwoner']);
    const vraagstuk = await ok('POST', '/vraagstukken', inwoner, { soort: 'probleem', titel: 'Parkeren bij het station', omschrijving: 'Vol.', gebied: { code: GEBIED, naam: 'Station' } });
    for (const naar of ['oplossingen', 'besluitvorming']) await ok('POST', `/vraagstukken/${vraagstuk.id}/fase-overgangen`, ambtenaar, { naar, motivatie: 'Verder.' });

    // The rules must be public before the stemming opens: open in a few seconds, close soon after.
    const opening = Date.now() + 4_000;
    const sluiting = opening + 22_000;
    const stemming = await ok('POST', `/vraagstukken/${vraagstuk.id}/stemmingen`, ambtenaar, {
      titel: 'Betaald parkeren?',
      soort: 'advies',
      kiesgerechtigden: { soort: 'inwoners-gebied', gebied: GEBIED },
      vragen: [{ id: 'parkeren', tekst: 'Betaald parkeren?', opties: [{ id: 'ja', tekst: 'Ja' }, { id: 'nee', tekst: 'Nee' }] }],
      openingTijdstip: new Date(opening).toISOString(),
      sluitingTijdstip: new Date(sluiting).toISOString(),
      kanalen: ['digitaal'],
      aantalKiesgerechtigden: KIEZERS,
    });
    const kiezers = await Promise.all(Array.from({ length: KIEZERS }, async (_, i) => ({ token: await token(['inwoner'], GEBIED), sleutel: randomUUID(), keuze: i % 3 === 0 ? 'nee' : 'ja' })));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, opening - Date.now() + 200)));

    // A client: cast, and on anything but a 2xx (503, 504, a dropped connection) try again with the same key.
    const bonnetjes = new Map<number, string>();
    const pogingen: number[] = [];
    const stem = async (i: number) => {
      const kiezer = kiezers[i]!;
      for (let poging = 1; ; poging++) {
        const antwoord = await call('POST', `/stemmingen/${stemming.id}/stemmen`, kiezer.token, { antwoorden: { parkeren: kiezer.keuze } }, { 'idempotency-key': kiezer.sleutel }).catch(() => ({ status: 0, body: undefined }));
        if (antwoord.status === 200 || antwoord.status === 201) {
          const eerder = bonnetjes.get(i);
          if (eerder) expect(antwoord.body.bonnetje).toBe(eerder);
          bonnetjes.set(i, antwoord.body.bonnetje);
          pogingen[i] = poging;
          return;
        }
        expect([0, 502, 503, 504]).toContain(antwoord.status);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    let volgende = 0;
    const werkers = Array.from({ length: 8 }, async () => {
      while (volgende < KIEZERS) await stem(volgende++);
    });

    // Kill it mid-stream, the hard way, and bring it back.
    await pollUntil(async () => (bonnetjes.size >= 15 ? true : undefined), { timeoutMs: 20_000, intervalMs: 5 });
    await samenspreker.kill();
    await new Promise((resolve) => setTimeout(resolve, 500));
    samenspreker = startBouwsteen('samenspreker');
    await Promise.all(werkers);
    expect(pogingen.filter((n) => n > 1).length).toBeGreaterThan(0);

    // A second vote by someone who already voted (another key) is refused, and not counted.
    expect((await call('POST', `/stemmingen/${stemming.id}/stemmen`, kiezers[0]!.token, { antwoorden: { parkeren: 'nee' } }, { 'idempotency-key': randomUUID() })).status).toBe(409);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, sluiting - Date.now() + 200)));
    const uitslag = await ok('POST', `/stemmingen/${stemming.id}/_sluit`, ambtenaar);
    expect(uitslag).toBeDefined();

    const { body: exportBody } = await call('GET', `/stemmingen/${stemming.id}/export`);
    const publicatie = exportBody as StemmingExport;
    expect(bonnetjes.size).toBe(KIEZERS);
    expect(publicatie.stembiljetten).toHaveLength(KIEZERS);
    expect(new Set(publicatie.bonnetjes)).toEqual(new Set(bonnetjes.values()));
    const nee = kiezers.filter((k) => k.keuze === 'nee').length;
    expect(publicatie.procesVerbaal).toMatchObject({ aantalKiezers: KIEZERS, vragen: [{ opties: [{ optieId: 'ja', stemmen: KIEZERS - nee }, { optieId: 'nee', stemmen: nee }] }] });
    expect(hertel(publicatie)).toMatchObject({ klopt: true, fouten: [] });
  }, 90_000);
});
