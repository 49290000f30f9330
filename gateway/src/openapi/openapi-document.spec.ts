import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { API_VERSION } from '../http/api-version';
import { API_CONTACT, finalizeOpenApi } from './openapi-document';

/** The shape @nestjs/swagger generates for a few routes under the global prefix. */
function generated(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: '', description: '', version: '1.0', contact: {} },
    paths: {
      '/api/v1/dingen': {
        get: {
          operationId: 'listDingen',
          summary: 'Alle dingen',
          tags: ['dingen'],
          parameters: [],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
      '/api/v1/dingen/{id}': {
        get: {
          operationId: 'getDing',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'ok' },
            '404': { description: 'Bestaat niet.', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
          },
        },
        put: {
          operationId: 'putDing',
          parameters: [],
          requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: { schemas: { Problem: { type: 'object' } } },
  };
}

const finalize = () => finalizeOpenApi(generated(), { publicUrl: 'https://samen.example.nl/' });

function operation(document: OpenAPIObject, path: string, method: 'get' | 'put'): OperationObject {
  const found = document.paths[path]?.[method];
  if (!found) throw new Error(`no ${method} ${path}`);
  return found;
}

function response(op: OperationObject, status: string): ResponseObject {
  return op.responses[status] as ResponseObject;
}

describe('finalizeOpenApi', () => {
  it('emits OpenAPI 3.0.3 with semver, contact and a Dutch description', () => {
    const document = finalize();
    expect(document.openapi).toBe('3.0.3');
    expect(document.info).toMatchObject({ title: 'Samen API', version: API_VERSION, contact: API_CONTACT });
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(document.info.description).toMatch(/bouwstenen/);
  });

  it('puts the major version in the server URL and makes paths relative to it', () => {
    const document = finalize();
    expect(document.servers).toEqual([{ url: 'https://samen.example.nl/api/v1', description: expect.any(String) }]);
    expect(Object.keys(document.paths)).toEqual(['/dingen', '/dingen/{id}', '/openapi.json']);
  });

  it('refuses a route outside /api/v1 instead of publishing a wrong path', () => {
    const document = generated();
    document.paths['/health/live'] = { get: { responses: {} } };
    expect(() => finalizeOpenApi(document, { publicUrl: 'https://x.nl' })).toThrow(/outside \/api\/v1/);
  });

  it('describes /openapi.json itself with its CORS header', () => {
    const get = operation(finalize(), '/openapi.json', 'get');
    expect(get.operationId).toBe('getOpenApi');
    expect(response(get, '200').headers).toHaveProperty('access-control-allow-origin');
  });

  it('declares API-Version and the correlation id on every 2xx response', () => {
    const document = finalize();
    for (const [path, method] of [['/dingen', 'get'], ['/dingen/{id}', 'get'], ['/dingen/{id}', 'put'], ['/openapi.json', 'get']] as const) {
      expect(response(operation(document, path, method), '200').headers).toMatchObject({
        'API-Version': { $ref: '#/components/headers/API-Version' },
        'Samen-Correlation-Id': { $ref: '#/components/headers/Samen-Correlation-Id' },
      });
    }
    expect(document.components?.headers?.['API-Version']).toMatchObject({ schema: { type: 'string', example: API_VERSION } });
  });

  it('gives every error response the Problem schema as application/problem+json', () => {
    const document = finalize();
    for (const item of Object.values(document.paths)) {
      for (const op of [item.get, item.put].filter((o): o is OperationObject => o !== undefined)) {
        for (const [status, res] of Object.entries(op.responses)) {
          if (!/^[45]/.test(status)) continue;
          expect((res as ResponseObject).content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
        }
      }
    }
  });

  it('adds 400 where there are parameters or a body, 413/415 where there is a body, 429 and 500 everywhere', () => {
    const document = finalize();
    const statuses = (path: string, method: 'get' | 'put') => Object.keys(operation(document, path, method).responses);
    expect(statuses('/dingen', 'get')).toEqual(['200', '429', '500']);
    expect(statuses('/dingen/{id}', 'get')).toEqual(['200', '400', '404', '429', '500']);
    expect(statuses('/dingen/{id}', 'put')).toEqual(['200', '400', '413', '415', '429', '500']);
    expect(response(operation(document, '/dingen', 'get'), '429').headers).toHaveProperty('Retry-After');
  });

  it('keeps an operation-specific problem description', () => {
    expect(response(operation(finalize(), '/dingen/{id}', 'get'), '404').description).toBe('Bestaat niet.');
  });

  it('does not change the generated document', () => {
    const input = generated();
    finalizeOpenApi(input, { publicUrl: 'https://x.nl' });
    expect(input).toEqual(generated());
  });
});
