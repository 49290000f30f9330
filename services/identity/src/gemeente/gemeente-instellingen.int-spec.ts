import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { CONTEXT_HEADERS, GEMEENTE_EVENTS, GEMEENTE_SUBJECTS, type GemeenteView, type Rol } from '@samen/contracts';
import { dataOf, errorOf, pollUntil, request, streamEvents, streamLastSeq, truncate, withClient, startIdentityMetGemeenten, type IdentityFixture } from '@samen/testing';
import { TokenIssuer } from '../sleutels/token-issuer';
import { standaardInstellingen } from './instellingen';

describe('identity over NATS (gemeente-instellingen)', () => {
  let app: NestFastifyApplication;
  let nc: NatsConnection;
  let fixture: IdentityFixture | undefined;

  async function token(rollen: Rol[], gemeente?: string): Promise<string> {
    const issued = await app.get(TokenIssuer).issueAccessToken({
      accountId: randomUUID(),
      rollen,
      segment: 'inwoner',
      amr: ['pwd', 'otp'],
      ...(gemeente ? { gemeente } : {}),
    });
    return issued.accessToken;
  }

  function wijzig(code: string, instellingen: unknown, bearer?: string, gemeente: string | undefined = code) {
    const headers: Record<string, string> = {};
    if (bearer) headers[CONTEXT_HEADERS.authorization] = `Bearer ${bearer}`;
    if (gemeente) headers[CONTEXT_HEADERS.gemeente] = gemeente;
    return request<GemeenteView>(GEMEENTE_SUBJECTS.instellingenWijzigen, { code, instellingen }, headers, { nc });
  }

  beforeAll(async () => {
    await truncate('identity', ['gemeente', 'outbox', 'inbox']);
    fixture = await startIdentityMetGemeenten();
    ({ app, nc } = fixture);
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('gives a new gemeente the default settings', async () => {
    const view = dataOf(await request<GemeenteView>(GEMEENTE_SUBJECTS.get, { code: 'GM0637' }, {}, { nc }));
    expect(view.instellingen).toEqual(standaardInstellingen());
  });

  it('lets the gemeentebeheerder change some settings, keeps the rest, and publishes the full settings once', async () => {
    const since = await streamLastSeq(nc);
    const beheer = await token(['gemeentebeheerder'], 'GM0637');
    const view = dataOf(await wijzig('GM0637', { steundrempel: 40, peilingen: { opkomstquorumPercentage: 0 } }, beheer));
    const verwacht = { ...standaardInstellingen(), steundrempel: 40, peilingen: { ...standaardInstellingen().peilingen, opkomstquorumPercentage: 0 } };
    expect(view.instellingen).toEqual(verwacht);
    expect(dataOf(await request<GemeenteView>(GEMEENTE_SUBJECTS.get, { code: 'GM0637' }, {}, { nc })).instellingen).toEqual(verwacht);

    // The same change again changes nothing, so no second event.
    dataOf(await wijzig('GM0637', { steundrempel: 40 }, beheer));
    const events = await pollUntil(
      async () => {
        const found = (await streamEvents(nc, since)).filter((e) => e.subject === GEMEENTE_EVENTS.instellingenGewijzigd);
        return found.length > 0 ? found : undefined;
      },
      { what: 'instellingen-gewijzigd event' },
    );
    expect(events).toHaveLength(1);
    expect(events[0].event).toMatchObject({
      type: 'nl.samen.identity.gemeente.instellingen-gewijzigd.v1',
      subject: 'GM0637',
      gemeente: 'GM0637',
      data: { code: 'GM0637', instellingen: verwacht },
    });
  });

  it('lets a platformbeheerder change any gemeente, with or without a gemeente header', async () => {
    const platform = await token(['platformbeheerder']);
    expect(dataOf(await wijzig('GM0518', { reactietermijnDagen: 10 }, platform)).instellingen.reactietermijnDagen).toBe(10);
    expect(dataOf(await wijzig('GM0518', { reactietermijnDagen: 12 }, platform, undefined)).instellingen.reactietermijnDagen).toBe(12);
  });

  it('names every value out of range at once, and changes nothing', async () => {
    const beheer = await token(['gemeentebeheerder'], 'GM0518');
    const error = errorOf(
      await wijzig('GM0518', { steundrempel: 0, reactietermijnDagen: 400, peilingen: { bindendDrempelPercentage: 30, maxAdviesvragen: 'zeven' } }, beheer),
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect([...new Set(error.invalidParams?.map((p) => p.name))].sort()).toEqual([
      'instellingen.peilingen.bindendDrempelPercentage',
      'instellingen.peilingen.maxAdviesvragen',
      'instellingen.reactietermijnDagen',
      'instellingen.steundrempel',
    ]);
    const rows = await withClient('identity', (c) => c.query(`select instellingen->>'steundrempel' as s from identity.gemeente where code = 'GM0518'`));
    expect(rows.rows[0].s).toBe('25');
  });

  it('refuses the anonymous (401), other roles (403) and the beheerder of another gemeente (403)', async () => {
    expect(errorOf(await wijzig('GM0637', { steundrempel: 1 }))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    for (const rol of ['inwoner', 'ambtenaar', 'moderator'] as const) {
      expect(errorOf(await wijzig('GM0637', { steundrempel: 1 }, await token([rol], 'GM0637')))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    }
    const andere = await token(['gemeentebeheerder'], 'GM0518');
    // Naming its own gemeente in the header does not reach another's settings.
    expect(errorOf(await wijzig('GM0637', { steundrempel: 1 }, andere, 'GM0518'))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    // Naming the other gemeente in the header is refused by the guard.
    expect(errorOf(await wijzig('GM0637', { steundrempel: 1 }, andere, 'GM0637'))).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(errorOf(await wijzig('GM0637', { steundrempel: 1 }, 'niet.een.token'))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    const rows = await withClient('identity', (c) => c.query(`select instellingen->>'steundrempel' as s from identity.gemeente where code = 'GM0637'`));
    expect(rows.rows[0].s).toBe('40');
  });

  it('answers NOT_FOUND for a gemeente that does not exist', async () => {
    const platform = await token(['platformbeheerder']);
    expect(errorOf(await wijzig('GM9999', { steundrempel: 3 }, platform, undefined))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('lets only a platformbeheerder create a gemeente with an access token', async () => {
    const vastleggen = (bearer?: string) =>
      request<GemeenteView>(GEMEENTE_SUBJECTS.vastleggen, { code: 'GM0014', naam: 'Groningen', bouwstenen: ['identity'] }, bearer ? { [CONTEXT_HEADERS.authorization]: `Bearer ${bearer}` } : {}, { nc });
    expect(errorOf(await vastleggen())).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await vastleggen(await token(['gemeentebeheerder'], 'GM0637')))).toMatchObject({ code: 'FORBIDDEN' });
    expect(dataOf(await vastleggen(await token(['platformbeheerder'])))).toMatchObject({ code: 'GM0014', naam: 'Groningen' });
  });
});
