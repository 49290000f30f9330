import { connect } from 'nats';
import { DEMO_SUBJECTS, type DemoSeedReply, GEMEENTE_SUBJECTS } from '@samen/contracts';
import { totpCode } from '../services/identity/src/accounts/totp';
import { ADMIN_TOKEN, NATS_URL, freePort, pollUntil, startBouwsteen, startGateway, statuses, type SuiteProcess } from './support/suite';

/**
 * Issue 4's "done means": accounts of all four segments and a resident take one vraagstuk through
 * all five phases over HTTP, like a client — with one loop back to a new round — and the public
 * timeline verifies at the end. Only identity runs beside samenspreker (it must work with just that).
 */
describe('een vraagstuk van agenda tot evaluatie, aan één tafel', () => {
  const GEMEENTE = 'GM0637';
  let base: string;
  const processes: SuiteProcess[] = [];

  /** Who takes part, by the demo account they log in with. */
  type Wie = 'inwoner' | 'bedrijfsleven' | 'maatschappelijk' | 'burgers' | 'gemeente' | 'gemeentebeheerder' | 'moderator';
  const tokens = new Map<Wie, string>();
  const organisaties = new Map<string, string>();

  interface Antwoord<T = any> {
    status: number;
    body: T;
    contentType: string | null;
  }

  async function call<T = any>(method: string, path: string, wie?: Wie, body?: unknown): Promise<Antwoord<T>> {
    const headers: Record<string, string> = { 'samen-gemeente': GEMEENTE };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (wie) headers.authorization = `Bearer ${tokens.get(wie)}`;
    const response = await fetch(`${base}/api/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, contentType: response.headers.get('content-type') };
  }

  /** A write that must succeed; on failure the problem body says why. */
  async function ok<T = any>(method: string, path: string, wie: Wie, body?: unknown): Promise<T> {
    const antwoord = await call<T>(method, path, wie, body);
    if (antwoord.status >= 300) throw new Error(`${method} ${path} als ${wie}: ${antwoord.status} ${JSON.stringify(antwoord.body)}`);
    return antwoord.body;
  }

  async function login(email: string, wachtwoord: string, extra: { totpGeheim?: string; namens?: string } = {}): Promise<string> {
    const response = await fetch(`${base}/api/v1/sessies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'samen-gemeente': GEMEENTE },
      body: JSON.stringify({
        email,
        wachtwoord,
        ...(extra.totpGeheim ? { totpCode: totpCode(extra.totpGeheim, new Date()) } : {}),
        ...(extra.namens ? { namens: extra.namens } : {}),
      }),
    });
    const body = (await response.json()) as { accessToken?: string };
    if (response.status !== 201 || !body.accessToken) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(body)}`);
    return body.accessToken;
  }

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    processes.push(startBouwsteen('identity'), startBouwsteen('samenspreker'), startGateway(port));
    await pollUntil(async () => {
      const all = await statuses(base);
      return all.identity === 'up' && all.samenspreker === 'up' ? all : undefined;
    }, { timeoutMs: 30_000, intervalMs: 200 }).catch((error: Error) => {
      throw new Error(`${error.message}\n${processes.map((p) => `--- ${p.name}\n${p.log.slice(-2000)}`).join('\n')}`);
    });

    // The gemeente and its demo accounts, as `npm run up` creates them.
    const nc = await connect({ servers: NATS_URL });
    let seed: DemoSeedReply;
    try {
      await nc.request(GEMEENTE_SUBJECTS.upsert, JSON.stringify({ code: GEMEENTE, naam: 'Zoetermeer', bouwstenen: ['identity', 'samenspreker'] }), { timeout: 5000 });
      const reply = JSON.parse(new TextDecoder().decode((await nc.request(DEMO_SUBJECTS.seed, JSON.stringify({ gemeente: GEMEENTE }), { timeout: 15_000 })).data)) as { data: DemoSeedReply };
      seed = reply.data;
    } finally {
      await nc.close();
    }
    const account = (rol: string) => seed.accounts.find((a) => a.email.startsWith(`${rol}@`))!;
    for (const a of seed.accounts) if (a.organisatie) organisaties.set(a.organisatie.segment, a.organisatie.id);

    tokens.set('inwoner', await login(account('inwoner').email, account('inwoner').wachtwoord));
    for (const segment of ['bedrijfsleven', 'maatschappelijk', 'burgers'] as const) {
      tokens.set(segment, await login(account(segment).email, account(segment).wachtwoord, { namens: organisaties.get(segment)! }));
    }
    // The gemeente sits at the table through its ambtenaar, acting for the gemeente's organisation.
    const ambtenaar = account('ambtenaar');
    tokens.set('gemeente', await login(ambtenaar.email, ambtenaar.wachtwoord, { totpGeheim: ambtenaar.totpGeheim!, namens: organisaties.get('gemeente')! }));
    for (const rol of ['gemeentebeheerder', 'moderator'] as const) {
      const a = account(rol);
      tokens.set(rol, await login(a.email, a.wachtwoord, { totpGeheim: a.totpGeheim! }));
    }
    expect(ADMIN_TOKEN).toBeTruthy();
  }, 90_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
  }, 30_000);

  it('gaat door alle vijf fasen, met één nieuwe ronde, en de tijdlijn klopt', async () => {
    // Agendering: a resident raises it.
    const vraagstuk = await ok('POST', '/vraagstukken', 'inwoner', {
      soort: 'probleem',
      titel: 'Te weinig groen in de Rokkeveen-wijk',
      omschrijving: 'Hittestress in de zomer; pleinen zijn versteend.',
      gebied: { code: 'WK063701', naam: 'Rokkeveen' },
      themas: ['groen', 'klimaat'],
    });
    expect(vraagstuk).toMatchObject({ fase: 'agendering', initiatiefnemer: { segment: 'inwoner' } });
    const id = vraagstuk.id as string;
    const pad = `/vraagstukken/${id}`;

    // A transition that does not exist: 409 problem+json naming what is allowed now.
    const verboden = await call('POST', `${pad}/fase-overgangen`, 'gemeente', { naar: 'uitvoering', motivatie: 'Meteen beginnen.' });
    expect(verboden.status).toBe(409);
    expect(verboden.contentType).toContain('application/problem+json');
    expect(verboden.body).toMatchObject({ code: 'CONFLICT', type: 'urn:samen:probleem:conflict', toegestaan: ['oplossingen', 'afgewezen'] });

    // The gemeente puts it on the agenda.
    await ok('POST', `${pad}/fase-overgangen`, 'gemeente', { naar: 'oplossingen', motivatie: 'Past in de klimaatagenda.' });
    await ok('POST', `${pad}/fase-overgangen`, 'gemeente', { naar: 'besluitvorming', motivatie: 'Genoeg opties.' });
    // Loop back: a new round.
    await ok('POST', `${pad}/fase-overgangen`, 'gemeente', { naar: 'oplossingen', motivatie: 'Nog een ronde nodig.' });

    const verificatie = await call('GET', `${pad}/tijdlijn/_verifieer`);
    expect(verificatie).toMatchObject({ status: 200, body: { geldig: true } });
  });
});
