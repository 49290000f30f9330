import { randomUUID } from 'node:crypto';
import { type DynamicModule, RequestMethod, type Type } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GEMEENTE_SUBJECTS, ROLLEN, type Rol } from '@samen/contracts';
import { AUTH_POLICY, type AuthPolicy, handlerPolicies, loadEnv } from '@samen/platform';
import { dataOf, definitionOf, pollUntil, request, startTestService, testEnv } from '@samen/testing';
import { MailTransport, type MemoryMailTransport } from '../../../services/identity/src/mail/mail-transport';
import { TokenIssuer } from '../../../services/identity/src/sleutels/token-issuer';
import { AdminTokenGuard } from '../auth/admin-token.guard';
import { GatewayEnv } from '../config/gateway-env';
import { createGateway } from '../create-gateway';
import { GatewayModule } from '../gateway.module';
import { API_PREFIX, PROBE_PATHS } from '../http/api-version';
import { PublishedOpenApi } from '../openapi/published-openapi';

// Issue 3, "done means": the role × route matrix, against the real identity and the real gateway
// over HTTP. The routes are read from the gateway's module tree (the controllers Nest mounts and
// their decorators), so a new route is in the matrix without touching this file; beforeAll checks
// that list against the running router, handlerPolicies() and the published OpenAPI document.

const ADMIN_TOKEN = 'rollen-matrix-admin-token-0123456789abcdef';
/** Gemeente A, in which every request acts (Samen-Gemeente), and gemeente B, whose tokens must not reach A. */
const A = 'GM9871';
const B = 'GM9872';
const WACHTWOORD = 'een lange zin als wachtwoord';

interface Route {
  /** `Controller.method`, as handlerPolicies() names it. */
  handler: string;
  method: string;
  /** As the router has it: `/api/v1/gemeenten/:code`. */
  routerPath: string;
  /** As the OpenAPI document has it, without the prefix: `/gemeenten/{code}`. */
  openApiPath: string;
  policy: AuthPolicy;
  /** Authenticated by the bootstrap admin token instead of an access token. */
  adminToken: boolean;
}

// ---- the routes, from the metadata Nest routes by -------------------------------------------------

type ModuleRef = Type<unknown> | DynamicModule;

function controllersOf(root: ModuleRef): Type<unknown>[] {
  const seen = new Set<unknown>();
  const found: Type<unknown>[] = [];
  const visit = (ref: ModuleRef | Promise<DynamicModule> | undefined): void => {
    if (!ref || ref instanceof Promise || seen.has(ref)) return;
    seen.add(ref);
    const type = typeof ref === 'function' ? ref : ref.module;
    const dynamic = typeof ref === 'function' ? undefined : ref;
    const controllers = [...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) as Type<unknown>[] | undefined) ?? []), ...(dynamic?.controllers ?? [])];
    for (const controller of controllers) if (!found.includes(controller)) found.push(controller);
    const imports = [...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) as ModuleRef[] | undefined) ?? []), ...((dynamic?.imports as ModuleRef[] | undefined) ?? [])];
    for (const imported of imports) visit(imported);
  };
  visit(root);
  return found;
}

const segments = (path: string | string[] | undefined): string[] => {
  const one = Array.isArray(path) ? path[0] : path;
  return (one ?? '').split('/').filter((s) => s !== '');
};

function routesOf(controllers: Type<unknown>[]): Route[] {
  const routes: Route[] = [];
  for (const controller of controllers) {
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (name === 'constructor' || typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const relative = `/${[...segments(Reflect.getMetadata(PATH_METADATA, controller) as string | string[]), ...segments(Reflect.getMetadata(PATH_METADATA, handler) as string | string[])].join('/')}`;
      const routerPath = (PROBE_PATHS as readonly string[]).includes(relative) ? relative : `${API_PREFIX}${relative === '/' ? '' : relative}`;
      const policy = (Reflect.getMetadata(AUTH_POLICY, handler) ?? Reflect.getMetadata(AUTH_POLICY, controller)) as AuthPolicy | undefined;
      if (!policy) throw new Error(`${controller.name}.${name} has no policy (handler-policies.spec.ts should have caught this)`);
      const guards = [...((Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[] | undefined) ?? []), ...((Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[] | undefined) ?? [])];
      routes.push({
        handler: `${controller.name}.${name}`,
        method,
        routerPath,
        openApiPath: routerPath.slice(API_PREFIX.length).replace(/:(\w+)/g, '{$1}'),
        policy,
        adminToken: guards.includes(AdminTokenGuard),
      });
    }
  }
  return routes.sort((a, b) => `${a.routerPath} ${a.method}`.localeCompare(`${b.routerPath} ${b.method}`));
}

const GATEWAY_MODULE = GatewayModule.forRoot(loadEnv(GatewayEnv, { NODE_ENV: 'test' }));
const CONTROLLERS = controllersOf(GATEWAY_MODULE);
const ROUTES = routesOf(CONTROLLERS);

const label = (route: Route): string => `${route.method} ${route.routerPath}`;
const policyLabel = ({ policy, adminToken }: Route): string =>
  policy.kind === 'rollen' ? `@Rollen(${policy.rollen.join(', ')})` : policy.kind === 'intern' && adminToken ? '@Intern + beheertoken' : `@${policy.kind[0].toUpperCase()}${policy.kind.slice(1)}`;

/** A plausible value per path parameter; a route with a parameter not named here fails the matrix. */
const PARAMETERS: Record<string, () => string> = {
  code: () => A,
  id: () => randomUUID(),
  accountId: () => randomUUID(),
  deelnemerId: () => randomUUID(),
  nummer: () => '1',
  versie: () => '1',
  oplossingId: () => randomUUID(),
  reactieId: () => randomUUID(),
  besluitId: () => randomUUID(),
  actieId: () => randomUUID(),
  stemmingId: () => randomUUID(),
  // The one role a platformbeheerder may grant as well (identity refuses it the others).
  rol: () => 'gemeentebeheerder',
  naam: () => 'identity',
  bestand: () => 'swagger-ui.css',
};

function urlPath(route: Route): string {
  return route.routerPath.replace(/:(\w+)/g, (_match, name: string) => {
    const value = PARAMETERS[name];
    if (!value) throw new Error(`${label(route)}: no plausible value for path parameter :${name}; add one to PARAMETERS`);
    return value();
  });
}

// ---- the matrix ----------------------------------------------------------------------------------

type Expectation = 'answered' | 401 | 403 | 'let through';

function expected(route: Route, rol: Rol | undefined, gemeente: 'A' | 'B'): Expectation {
  const { policy } = route;
  if (policy.kind === 'publiek') return 'answered';
  if (policy.kind === 'intern') return 401; // over HTTP only its own guard: an access token is no admin token
  if (rol === undefined) return 401;
  if (gemeente === 'B') return 403;
  if (policy.kind === 'rollen' && !policy.rollen.includes(rol)) return 403;
  return 'let through';
}

interface Row {
  route: Route;
  caller: string;
  rol: Rol | undefined;
  gemeente: 'A' | 'B';
  expectation: Expectation;
}

const rows = (rollen: readonly (Rol | undefined)[], gemeente: 'A' | 'B'): Row[] =>
  ROUTES.flatMap((route) =>
    rollen.map((rol) => ({ route, rol, gemeente, caller: rol === 'platformbeheerder' ? 'platformbeheerder (token without gemeente)' : rol ? `${rol} of ${gemeente}` : 'anonymous', expectation: expected(route, rol, gemeente) })),
  );
const ANONYMOUS = rows([undefined], 'A');
const ROLLEN_A = rows(ROLLEN, 'A');
// A platformbeheerder acts suite-wide, in every gemeente; every other role of B is a stranger in A.
const ROLLEN_B = rows(
  ROLLEN.filter((rol) => rol !== 'platformbeheerder'),
  'B',
);
const ADMIN_ROUTES = ROUTES.filter((route) => route.policy.kind === 'intern');
const MATRIX = [...ANONYMOUS, ...ROLLEN_A, ...ROLLEN_B];

describe(`gateway: role × route matrix (${ROUTES.length} routes × (anonymous + ${ROLLEN.length} roles of A + ${ROLLEN.length - 1} roles of B) = ${MATRIX.length} cells)`, () => {
  let identity: NestFastifyApplication;
  let gateway: NestFastifyApplication;
  let url: string;
  let issuer: TokenIssuer;
  /** Operations of the OpenAPI document that document a 401 of their own (`DELETE /sessies/huidige`). */
  let documented401: Set<string>;
  const tokens = new Map<string, string>();
  /** A real, confirmed account per gemeente: identity answers a token of an unknown account with 401. */
  const accounts = new Map<'A' | 'B', string>();

  function accountOf(gemeente: 'A' | 'B'): string {
    const id = accounts.get(gemeente);
    if (!id) throw new Error(`no account of gemeente ${gemeente}: beforeAll failed`);
    return id;
  }

  async function tokenOf(rol: Rol, gemeente: 'A' | 'B'): Promise<string> {
    const key = `${rol}@${gemeente}`;
    let token = tokens.get(key);
    if (!token) {
      const staff = rol !== 'inwoner';
      // A platformbeheerder's token names no gemeente, as identity issues it.
      ({ accessToken: token } = await issuer.issueAccessToken({
        accountId: accountOf(gemeente),
        ...(rol === 'platformbeheerder' ? {} : { gemeente: gemeente === 'A' ? A : B }),
        rollen: [rol],
        segment: 'inwoner',
        amr: staff ? ['pwd', 'otp'] : ['pwd'],
      }));
      tokens.set(key, token);
    }
    return token;
  }

  async function send(route: Route, authorization: string | undefined): Promise<Response> {
    const withBody = route.method !== 'GET';
    return fetch(`${url}${urlPath(route)}`, {
      method: route.method,
      redirect: 'manual',
      headers: {
        'Samen-Gemeente': A,
        ...(authorization ? { authorization } : {}),
        ...(withBody ? { 'content-type': 'application/json' } : {}),
      },
      // Empty but valid JSON: the guard runs before validation, so a refusal comes first.
      ...(withBody ? { body: '{}' } : {}),
    });
  }

  async function expectProblem(response: Response, status: 401 | 403): Promise<void> {
    const body = await response.text();
    expect({ status: response.status, body }).toMatchObject({ status });
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(body)).toMatchObject({ status, code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' });
    if (status === 401) expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  }

  async function check(route: Route, response: Response, expectation: Expectation): Promise<void> {
    if (expectation === 401 || expectation === 403) return expectProblem(response, expectation);
    const body = await response.text();
    // A public route is answered; a 401 can only be the route's own (identity wants a refresh
    // token or an inschrijfToken), never the guard's, and then the OpenAPI document says so.
    const refused = expectation === 'answered' && documented401.has(`${route.method} ${route.openApiPath}`) ? [403] : [401, 403];
    expect(refused.includes(response.status) ? { refused: response.status, body } : 'not refused').toBe('not refused');
  }

  beforeAll(async () => {
    identity = await startTestService(definitionOf('identity'));
    issuer = identity.get(TokenIssuer);
    for (const [code, naam] of [
      [A, 'Matrixgemeente A'],
      [B, 'Matrixgemeente B'],
    ]) {
      // Platform-internal: no user token.
      dataOf(await request(GEMEENTE_SUBJECTS.upsert, { code, naam, bouwstenen: ['identity'] }));
    }
    gateway = await createGateway(
      loadEnv(GatewayEnv, {
        NODE_ENV: 'test',
        NATS_URL: testEnv().natsUrl,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'silent',
        SAMEN_ADMIN_TOKEN: ADMIN_TOKEN,
        RATE_LIMIT_PER_MINUTE: '1000000',
      }),
    );
    await gateway.listen(0, '127.0.0.1');
    url = (await gateway.getUrl()).replace(/\/+$/, '');
    await pollUntil(async () => (await fetch(`${url}/health/ready`)).status === 200, { what: 'gateway ready' });

    const mail = identity.get(MailTransport) as MemoryMailTransport;
    for (const [gemeente, code] of [
      ['A', A],
      ['B', B],
    ] as const) {
      const email = `matrix-${randomUUID()}@example.org`;
      const post = (path: string, body: Record<string, unknown>) =>
        fetch(`${url}${API_PREFIX}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'Samen-Gemeente': code }, body: JSON.stringify(body) });
      expect((await post('/accounts', { email, wachtwoord: WACHTWOORD, weergavenaam: `Matrix ${gemeente}` })).status).toBe(202);
      const token = /\(POST \/api\/v1\/e-mailbevestigingen\): (\S+)/.exec(mail.aan(email).at(-1)?.tekst ?? '')?.[1];
      expect((await post('/e-mailbevestigingen', { token })).status).toBe(204);
      const sessie = (await (await post('/sessies', { email, wachtwoord: WACHTWOORD })).json()) as { accessToken: string };
      accounts.set(gemeente, (JSON.parse(Buffer.from(sessie.accessToken.split('.')[1], 'base64url').toString()) as { sub: string }).sub);
    }

    documented401 = new Set();
    const { paths } = gateway.get(PublishedOpenApi).document;
    for (const [path, item] of Object.entries(paths)) {
      for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
        if (item[method]?.responses['401']) documented401.add(`${method.toUpperCase()} ${path}`);
      }
    }
  });

  afterAll(async () => {
    await gateway?.close();
    await identity?.close();
  });

  describe('the route list', () => {
    it('is what the running gateway routes, with the policies handlerPolicies() reads', () => {
      // The same controllers Nest instantiated…
      const mounted = [...gateway.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()].map((wrapper) => wrapper.metatype));
      expect(new Set(mounted)).toEqual(new Set(CONTROLLERS));
      // …every route registered with the router under the path computed here…
      const fastify = gateway.getHttpAdapter().getInstance();
      for (const route of ROUTES) expect([label(route), fastify.hasRoute({ method: route.method as 'GET', url: route.routerPath })]).toEqual([label(route), true]);
      // …and exactly the handlers, with exactly the policies, that handlerPolicies() finds.
      const byHandler = (a: { handler: string }, b: { handler: string }) => a.handler.localeCompare(b.handler);
      expect(ROUTES.map(({ handler, policy }) => ({ handler, policy })).sort(byHandler)).toEqual([...handlerPolicies(GATEWAY_MODULE)].sort(byHandler));
    });

    it('covers every operation of the OpenAPI document', () => {
      const known = new Set(ROUTES.map((route) => `${route.method} ${route.openApiPath}`));
      const { paths } = gateway.get(PublishedOpenApi).document;
      const documented = Object.entries(paths).flatMap(([path, item]) =>
        (['get', 'put', 'post', 'delete', 'patch'] as const).filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(documented.filter((operation) => !known.has(operation))).toEqual([]);
    });

    it('is not trivial: every kind of policy, and the routes issue 3 names', () => {
      expect(ROUTES.map(label)).toEqual(
        expect.arrayContaining([
          'PUT /api/v1/gemeenten/:code/instellingen',
          'PUT /api/v1/gemeenten/:code',
          'POST /api/v1/organisaties',
          'GET /api/v1/mij',
          'GET /api/v1/verwerkingen',
          'PUT /api/v1/accounts/:id/rollen/:rol',
          'POST /api/v1/verificatiecodes/batches',
          'POST /api/v1/accounts/:id/verificaties',
        ]),
      );
      expect(new Set(ROUTES.map((route) => route.policy.kind))).toEqual(new Set(['publiek', 'ingelogd', 'rollen', 'intern']));
      expect(ROUTES.filter((route) => route.policy.kind !== 'publiek').length).toBeGreaterThanOrEqual(15);
    });

    it('has the stemmingen routes of issue 5, withdrawing included', () => {
      expect(ROUTES.map(label)).toEqual(
        expect.arrayContaining([
          'POST /api/v1/vraagstukken/:id/stemmingen',
          'POST /api/v1/stemmingen/:stemmingId/stemmen',
          'POST /api/v1/stemmingen/:stemmingId/papieren-stembiljetten',
          'POST /api/v1/stemmingen/:stemmingId/_intrekken',
          'POST /api/v1/stemmingen/:stemmingId/_sluit',
          'GET /api/v1/stemmingen/:stemmingId/export',
        ]),
      );
    });

    it('has no @Intern route without a guard of its own (over HTTP the access-token guard steps aside for it)', () => {
      expect(ADMIN_ROUTES.filter((route) => !route.adminToken).map(label)).toEqual([]);
    });
  });

  it.each(ANONYMOUS.map((row) => [label(row.route), policyLabel(row.route), row.expectation, row] as const))('%s %s, anonymous: %s', async (_label, _policy, expectation, row) => {
    await check(row.route, await send(row.route, undefined), expectation);
  });

  it.each(ROLLEN_A.map((row) => [label(row.route), policyLabel(row.route), row.caller, row.expectation, row] as const))(
    '%s %s, %s: %s',
    async (_label, _policy, _caller, expectation, row) => {
      if (row.rol === undefined) throw new Error('a role row without a role');
      await check(row.route, await send(row.route, `Bearer ${await tokenOf(row.rol, row.gemeente)}`), expectation);
    },
  );

  it.each(ROLLEN_B.map((row) => [label(row.route), policyLabel(row.route), row.caller, row.expectation, row] as const))(
    '%s %s, %s with Samen-Gemeente A: %s',
    async (_label, _policy, _caller, expectation, row) => {
      if (row.rol === undefined) throw new Error('a role row without a role');
      await check(row.route, await send(row.route, `Bearer ${await tokenOf(row.rol, row.gemeente)}`), expectation);
    },
  );

  it.each(ADMIN_ROUTES.map((route) => [label(route), route] as const))('%s with the admin token: let through', async (_label, route) => {
    await check(route, await send(route, `Bearer ${ADMIN_TOKEN}`), 'let through');
  });
});
