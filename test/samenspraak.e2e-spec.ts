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
  // A gemeente of its own: other test files seed and change GM0637's demo accounts and organisations.
  const GEMEENTE = 'GM1783';
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
      await nc.request(GEMEENTE_SUBJECTS.upsert, JSON.stringify({ code: GEMEENTE, naam: 'Westland', bouwstenen: ['identity', 'samenspreker'] }), { timeout: 5000 });
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
    // The gemeente sets a small steundrempel for this pilot.
    await ok('PUT', `/gemeenten/${GEMEENTE}/instellingen`, 'gemeentebeheerder', { steundrempel: 3 });

    // ── Agendering: a resident raises it; three organisations support it; at the drempel it is on the agenda.
    const vraagstuk = await ok('POST', '/vraagstukken', 'inwoner', {
      soort: 'probleem',
      titel: 'Te weinig groen in Rokkeveen',
      omschrijving: 'Hittestress in de zomer; de pleinen zijn versteend.',
      gebied: { code: 'WK063701', naam: 'Rokkeveen' },
      themas: ['groen', 'klimaat'],
    });
    expect(vraagstuk).toMatchObject({ fase: 'agendering', initiatiefnemer: { segment: 'inwoner' }, steun: { aantal: 0, drempel: 3 } });
    const id = vraagstuk.id as string;
    const pad = `/vraagstukken/${id}`;

    // A transition that does not exist: 409 problem+json naming, machine-readably, what is allowed now.
    const verboden = await call('POST', `${pad}/fase-overgangen`, 'gemeente', { naar: 'uitvoering', motivatie: 'Meteen beginnen.' });
    expect(verboden.status).toBe(409);
    expect(verboden.contentType).toContain('application/problem+json');
    expect(verboden.body).toMatchObject({ code: 'CONFLICT', type: 'urn:samen:probleem:conflict', toegestaan: ['oplossingen', 'afgewezen'] });

    for (const segment of ['bedrijfsleven', 'maatschappelijk'] as const) await ok('POST', `${pad}/steunbetuigingen`, segment, { namens: 'organisatie' });
    expect((await call('POST', `${pad}/steunbetuigingen`, 'bedrijfsleven', { namens: 'organisatie' })).status).toBe(409);
    expect((await call('GET', pad)).body).toMatchObject({ fase: 'agendering', steun: { aantal: 2 } });
    await ok('POST', `${pad}/steunbetuigingen`, 'burgers', { namens: 'organisatie' });
    expect((await call('GET', pad)).body).toMatchObject({ fase: 'oplossingen', steun: { aantal: 3, drempel: 3 } });

    // ── The table: every segment sits at it; burgers chairs, the gemeente decides, bedrijfsleven carries out.
    const accountVan = async (wie: Wie) => (await ok<{ accountId: string }>('GET', '/mij', wie)).accountId;
    await ok('POST', `${pad}/tafel/uitnodigingen`, 'gemeente', { accountId: await accountVan('burgers'), rol: 'voorzitter', segment: 'burgers', organisatie: organisaties.get('burgers') });
    await ok('POST', `${pad}/tafel/deelnemers`, 'burgers', { namens: 'organisatie' });
    await ok('POST', `${pad}/tafel/uitnodigingen`, 'burgers', { accountId: await accountVan('gemeente'), rol: 'besluitvormer', segment: 'gemeente', organisatie: organisaties.get('gemeente') });
    await ok('POST', `${pad}/tafel/deelnemers`, 'gemeente', { namens: 'organisatie' });
    await ok('POST', `${pad}/tafel/uitnodigingen`, 'burgers', { accountId: await accountVan('bedrijfsleven'), rol: 'uitvoerder', segment: 'bedrijfsleven', organisatie: organisaties.get('bedrijfsleven') });
    await ok('POST', `${pad}/tafel/deelnemers`, 'bedrijfsleven', { namens: 'organisatie' });
    const metMaatschappelijk = await ok('POST', `${pad}/tafel/deelnemers`, 'maatschappelijk', { namens: 'organisatie' });
    expect(metMaatschappelijk).toMatchObject({ rol: 'deelnemer', segment: 'maatschappelijk', status: 'actief' });
    const tafel = (await call('GET', `${pad}/tafel`)).body;
    expect(tafel.vertegenwoordiging.ontbrekend).toEqual([]);
    expect(tafel.deelnemers.map((d: { rol: string }) => d.rol).sort()).toEqual(['besluitvormer', 'deelnemer', 'initiatiefnemer', 'uitvoerder', 'voorzitter']);

    // ── Oplossingen, round 1: a proposal, a reactie, a new version that takes it up, consent with an objection.
    expect((await ok('POST', `${pad}/rondes`, 'burgers')).nummer).toBe(1);
    const a = await ok('POST', `${pad}/rondes/1/oplossingen`, 'bedrijfsleven', { titel: 'Geveltuinen en bomen', omschrijving: 'Ondernemers adopteren geveltuinen.' });
    const reactie = await ok('POST', `${pad}/oplossingen/${a.id}/reacties`, 'inwoner', { tekst: 'Denk ook aan schaduw bij de speeltuin.' });
    const ongepast = await ok('POST', `${pad}/reacties`, 'maatschappelijk', { tekst: 'Dit is een ongepaste reactie.' });
    const a2 = await ok('POST', `${pad}/oplossingen/${a.id}/versies`, 'bedrijfsleven', {
      omschrijving: 'Ondernemers adopteren geveltuinen; twee bomen bij de speeltuin voor schaduw.',
      overgenomen: { reacties: [reactie.id], bijdragen: [] },
    });
    const versieA = a2.versies.at(-1);
    expect(versieA).toMatchObject({ versie: 2, overgenomen: { reacties: [reactie.id] } });
    await ok('PUT', `${pad}/oplossingen/${a.id}/versies/2/positie`, 'maatschappelijk', { positie: 'steun' });
    await ok('PUT', `${pad}/oplossingen/${a.id}/versies/2/positie`, 'gemeente', { positie: 'instemming' });
    await ok('PUT', `${pad}/oplossingen/${a.id}/versies/2/positie`, 'inwoner', { positie: 'bezwaar', toelichting: 'Te weinig voor de hele wijk.' });
    expect((await call('PUT', `${pad}/oplossingen/${a.id}/versies/2/positie`, 'burgers', { positie: 'bezwaar' })).status).toBe(400);
    const ronde1 = await ok('POST', `${pad}/rondes/1/_sluit`, 'burgers', {});
    expect(ronde1.shortlist).toBeDefined();
    expect(JSON.stringify(ronde1.shortlist)).toContain(a.id);

    // Moderation: the reactie is hidden with a reason, its text no longer shown.
    await ok('POST', `${pad}/reacties/${ongepast.id}/_verberg`, 'moderator', { reden: 'Niet op de inhoud.' });
    const reacties = (await call('GET', `${pad}/reacties`)).body;
    expect(JSON.stringify(reacties)).not.toContain('ongepaste reactie');

    // ── Besluitvorming, and back: the inwoner's objection asks for a second round.
    await ok('POST', `${pad}/fase-overgangen`, 'burgers', { naar: 'besluitvorming', motivatie: 'Ronde 1 is klaar.' });
    const zonderBesluit = await call('POST', `${pad}/fase-overgangen`, 'gemeente', { naar: 'uitvoering', motivatie: 'Uitvoeren.' });
    expect(zonderBesluit).toMatchObject({ status: 409, body: { code: 'CONFLICT', toegestaan: ['oplossingen'] } });
    await ok('POST', `${pad}/fase-overgangen`, 'gemeente', { naar: 'oplossingen', motivatie: 'Het bezwaar vraagt een tweede ronde voor de hele wijk.' });

    expect((await ok('POST', `${pad}/rondes`, 'burgers')).nummer).toBe(2);
    const b = await ok('POST', `${pad}/rondes/2/oplossingen`, 'maatschappelijk', { titel: 'Groene schoolpleinen', omschrijving: 'Drie schoolpleinen worden groen, open na schooltijd.' });
    for (const wie of ['inwoner', 'gemeente', 'bedrijfsleven'] as const) await ok('PUT', `${pad}/oplossingen/${b.id}/versies/1/positie`, wie, { positie: 'steun' });
    await ok('POST', `${pad}/rondes/2/_sluit`, 'burgers', {});
    await ok('POST', `${pad}/fase-overgangen`, 'burgers', { naar: 'besluitvorming', motivatie: 'Ronde 2 is klaar.' });

    // ── Besluit: published, never changed.
    const vandaag = new Date().toISOString().slice(0, 10);
    const besluit = await ok('POST', `${pad}/besluiten`, 'gemeente', {
      orgaan: 'college',
      tekst: 'Geveltuinen, twee bomen bij de speeltuin en drie groene schoolpleinen.',
      motivatie: 'Breed gedragen aan tafel; het bezwaar is in ronde 2 opgelost.',
      oplossingVersies: [{ oplossingId: a.id, versie: 2 }, { oplossingId: b.id, versie: 1 }],
      stemmingen: [],
      datum: vandaag,
    });
    expect(besluit).toMatchObject({ orgaan: 'college', datum: vandaag });
    await ok('POST', `${pad}/fase-overgangen`, 'gemeente', { naar: 'uitvoering', motivatie: 'Het college heeft besloten.' });

    // ── Uitvoering: one actie, carried out by bedrijfsleven.
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const actie = await ok('POST', `${pad}/acties`, 'gemeente', { titel: 'Geveltuinen aanleggen', omschrijving: 'Twintig geveltuinen.', eigenaarOrganisatie: organisaties.get('bedrijfsleven'), deadline });
    const naarEvaluatieTeVroeg = await call('POST', `${pad}/fase-overgangen`, 'burgers', { naar: 'evaluatie', motivatie: 'Klaar?' });
    expect(naarEvaluatieTeVroeg).toMatchObject({ status: 409, body: { toegestaan: [] } });
    await ok('POST', `${pad}/acties/${actie.id}/voortgang`, 'bedrijfsleven', { percentage: 50, toelichting: 'Tien liggen er.' });
    await ok('POST', `${pad}/acties/${actie.id}/voortgang`, 'bedrijfsleven', { percentage: 100, toelichting: 'Alle twintig liggen er.', status: 'afgerond' });
    expect((await call('GET', `${pad}/acties`)).body).toMatchObject({ acties: [{ status: 'afgerond', percentage: 100, teLaat: false }] });
    await ok('POST', `${pad}/fase-overgangen`, 'burgers', { naar: 'evaluatie', motivatie: 'Alle acties zijn af.' });

    // ── Evaluatie by everyone at the table, a summary, afgerond.
    for (const wie of ['inwoner', 'bedrijfsleven', 'maatschappelijk', 'burgers', 'gemeente'] as const) {
      await ok('PUT', `${pad}/evaluaties/mijn`, wie, { proces: 4, uitkomst: 5, toelichting: `Evaluatie van ${wie}.` });
    }
    await ok('POST', `${pad}/evaluatie/samenvatting`, 'burgers', { samenvatting: 'De wijk is groener en koeler.', lessen: ['Betrek scholen eerder.'], uitkomst: 'opgelost' });
    const klaar = await ok('POST', `${pad}/fase-overgangen`, 'burgers', { naar: 'afgerond', motivatie: 'Opgelost.' });
    expect(klaar.fase).toBe('afgerond');
    expect((await call('GET', `${pad}/evaluatie`)).body).toMatchObject({ samenvatting: { uitkomst: 'opgelost' } });

    // ── The public timeline holds every step and verifies.
    const soorten: string[] = [];
    for (let href: string | undefined = `/api/v1${pad}/tijdlijn?limiet=100`; href; ) {
      const pagina = (await (await fetch(`${base}${href}`)).json()) as { regels: { soort: string }[]; _links: { next?: { href: string } } };
      soorten.push(...pagina.regels.map((r) => r.soort));
      href = pagina._links.next?.href;
    }
    for (const soort of ['vraagstuk-aangemaakt', 'fase-gewijzigd', 'deelnemer-toegetreden', 'ronde-geopend', 'reactie-verborgen', 'besluit-gepubliceerd', 'actie-voortgang', 'evaluatie-samengevat']) {
      expect(soorten).toContain(soort);
    }
    // agendering → oplossingen (at the drempel) → besluitvorming → oplossingen → besluitvorming → uitvoering → evaluatie → afgerond
    expect(soorten.filter((s) => s === 'fase-gewijzigd')).toHaveLength(7);
    const verificatie = await call('GET', `${pad}/tijdlijn/_verifieer`);
    expect(verificatie).toMatchObject({ status: 200, body: { geldig: true, aantal: soorten.length } });
  });
});
