import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type {
  HeaderObject,
  OperationObject,
  PathItemObject,
  ReferenceObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CONTEXT_HEADERS } from '@samen/contracts';
import { ADMIN_SECURITY_SCHEME } from '../auth/admin-security';
import { TOKEN_SECURITY_SCHEME } from '../auth/toegang';
import { API_PREFIX, API_VERSION } from '../http/api-version';
import { PROBLEM_CONTENT_TYPE } from '../problems/problem';
import { ProblemDto } from '../problems/problem.dto';

/** The team behind the API (ADR /core/doc-openapi-contact), not a generic address. */
export const API_CONTACT = {
  name: 'Team Samen',
  email: 'samen@example.org',
  url: 'https://samen.example.org/contact',
} as const;

export interface OpenApiSettings {
  /** PUBLIC_URL: the address clients use, without /api/v1. */
  publicUrl: string;
}

const TAGS = [
  { name: 'bouwstenen', description: 'Welke bouwstenen van de suite nu draaien.' },
  { name: 'gemeenten', description: 'De gemeenten die deze installatie bedient (bouwsteen identity).' },
  { name: 'mij', description: 'Wie u bent volgens uw toegangstoken (bouwsteen identity).' },
  { name: 'sleutels', description: 'De publieke sleutels waarmee toegangstokens te controleren zijn (bouwsteen identity).' },
  { name: 'accounts', description: 'Account aanmaken, e-mailadres bevestigen, wachtwoord herstellen, tweede factor (bouwsteen identity).' },
  { name: 'sessies', description: 'Inloggen, toegangstoken vernieuwen, uitloggen (bouwsteen identity).' },
  { name: 'organisaties', description: 'Organisaties die meedoen, per segment, en hun leden (bouwsteen identity).' },
  { name: 'verificaties', description: 'Inwoners verifiëren voor bindende peilingen: codes per brief of aan de balie (bouwsteen identity).' },
  { name: 'verwerkingen', description: 'Het logboek van verwerkingen van persoonsgegevens in de gemeente, voor de gemeentebeheerder (bouwsteen identity).' },
  { name: 'vraagstukken', description: 'Vraagstukken van de gemeente, hun fasen en hun openbare tijdlijn (bouwsteen samenspreker).' },
  { name: 'stemmingen', description: 'Adviespeilingen en bindende referenda over een vraagstuk: regels, stemmen (digitaal en op papier), uitslag en export om na te tellen (bouwsteen samenspreker).' },
  { name: 'api', description: 'Over deze API zelf.' },
];

const HEADERS: Record<string, HeaderObject> = {
  'API-Version': {
    description: 'De volledige versie van deze API (semver); staat op elk antwoord.',
    schema: { type: 'string', example: API_VERSION },
  },
  [CONTEXT_HEADERS.correlationId]: {
    description: 'Volgt het verzoek door alle bouwstenen; het meegestuurde id of een nieuw.',
    schema: { type: 'string', example: '5f0c6f0e-3b7a-4d0c-9d3e-6a1f2b8c9d01' },
  },
  'Retry-After': {
    description: 'Na hoeveel seconden een nieuw verzoek weer kan.',
    schema: { type: 'integer', example: 30 },
  },
};

/** Problems every operation of a kind can give; operation-specific ones come from @ApiProblem. */
const COMMON_PROBLEMS = {
  invalidInput: { 400: 'Ongeldige invoer; alle ongeldige velden staan in invalid-params.' },
  body: {
    413: 'De body is groter dan toegestaan.',
    415: 'De body is geen JSON (Content-Type: application/json).',
  },
  always: {
    429: 'Te veel verzoeken; probeer het na Retry-After seconden opnieuw.',
    500: 'Onverwachte fout; vermeld het correlationId bij een melding.',
  },
} as const;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Builds the document of the running app's routes: what GET /api/v1/openapi.json serves. */
export function buildOpenApiDocument(app: INestApplication, settings: OpenApiSettings): OpenAPIObject {
  const config = new DocumentBuilder()
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: "Beheertoken (SAMEN_ADMIN_TOKEN), tijdelijk tot er accounts en JWT's zijn." },
      ADMIN_SECURITY_SCHEME,
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Toegangstoken van identity: een JWT (EdDSA), te controleren met de sleutels van GET /sleutels.' },
      TOKEN_SECURITY_SCHEME,
    )
    .build();
  return finalizeOpenApi(SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto] }), settings);
}

/**
 * Turns what @nestjs/swagger generates into a document that meets the NL API Design Rules (2.1
 * and 2.2 rulesets): OpenAPI 3.0.3, the versioned server URL with paths relative to it, info with
 * semver and contact, `/openapi.json` described in itself, `API-Version` on every response and
 * problem+json on every error, a 400 wherever there is input. Kept in one function so the
 * rules are in one place; it does not change the generated document.
 */
export function finalizeOpenApi(generated: OpenAPIObject, settings: OpenApiSettings): OpenAPIObject {
  const paths: Record<string, PathItemObject> = {};
  for (const [path, item] of Object.entries(generated.paths)) {
    if (!path.startsWith(`${API_PREFIX}/`)) throw new Error(`route ${path} lies outside ${API_PREFIX}; exclude it from the OpenAPI document`);
    paths[path.slice(API_PREFIX.length)] = completePathItem(item);
  }
  paths['/openapi.json'] = completePathItem(openApiJsonPath());
  return {
    openapi: '3.0.3',
    info: {
      title: 'Samen API',
      description:
        'De API van Samen: bouwstenen waarmee gemeente, inwoners, bedrijven en maatschappelijke organisaties samen lokale ' +
        'vraagstukken oplossen. Fouten komen als application/problem+json (RFC 9457) met een stabiele `code`; elk antwoord ' +
        'draagt de header API-Version en het correlation-id.',
      version: API_VERSION,
      contact: { ...API_CONTACT },
      license: { name: 'EUPL-1.2', url: 'https://spdx.org/licenses/EUPL-1.2.html' },
    },
    servers: [{ url: `${settings.publicUrl.replace(/\/+$/, '')}${API_PREFIX}`, description: 'Deze installatie' }],
    tags: TAGS,
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      ...generated.components,
      headers: { ...generated.components?.headers, ...HEADERS },
    },
  };
}

function completePathItem(item: PathItemObject): PathItemObject {
  const completed: PathItemObject = { ...item };
  for (const method of HTTP_METHODS) {
    const operation = item[method];
    if (operation) completed[method] = completeOperation(operation);
  }
  return completed;
}

function completeOperation(operation: OperationObject): OperationObject {
  const problems: Record<string, string | undefined> = {
    ...(operation.parameters?.length || operation.requestBody ? COMMON_PROBLEMS.invalidInput : {}),
    ...(operation.requestBody ? COMMON_PROBLEMS.body : {}),
    ...COMMON_PROBLEMS.always,
  };
  const responses: Record<string, ResponseObject | ReferenceObject | undefined> = { ...operation.responses };
  for (const [status, description] of Object.entries(problems)) if (description) responses[status] ??= { description };
  for (const [status, response] of Object.entries(responses)) {
    if (!response || '$ref' in response) continue;
    responses[status] = /^[45]/.test(status) ? asProblem(status, response) : withHeaders(response, ['API-Version', CONTEXT_HEADERS.correlationId]);
  }
  const sorted = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  return { ...operation, responses: sorted };
}

function asProblem(status: string, response: ResponseObject): ResponseObject {
  const headers = status === '429' ? ['API-Version', CONTEXT_HEADERS.correlationId, 'Retry-After'] : ['API-Version', CONTEXT_HEADERS.correlationId];
  return withHeaders(
    { ...response, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } } },
    headers,
  );
}

function withHeaders(response: ResponseObject, names: string[]): ResponseObject {
  const refs = Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));
  return { ...response, headers: { ...response.headers, ...refs } };
}

/** ADR 2.1 wants the document to describe its own resource, with its CORS header. */
function openApiJsonPath(): PathItemObject {
  return {
    get: {
      operationId: 'getOpenApi',
      tags: ['api'],
      summary: 'Deze API-beschrijving',
      description: 'Dit OpenAPI-document; zonder aanmelding en voor elke origin op te halen.',
      responses: {
        '200': {
          description: 'Het OpenAPI-document (JSON).',
          headers: {
            'access-control-allow-origin': { description: 'Altijd `*`: de beschrijving is openbaar.', schema: { type: 'string', example: '*' } },
          },
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  };
}
