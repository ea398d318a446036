import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveDocument } from '../../src/sources/resolve-document.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/sources/versions/${name}`, import.meta.url));

beforeEach(() => clearSourceCache());

describe('OpenAPI 3.2 sources (Arazzo 1.0.1 §4.6.3: an OpenAPI description)', () => {
  async function orders() {
    const resolved = await resolveDocument(fixture('run-3.2.arazzo.yaml'), { cache: false });
    expect(resolved.diagnostics).toEqual([]);
    return resolved;
  }

  it('indexes the QUERY method as an operation, request body and response shapes as for 3.1', async () => {
    const resolved = await orders();
    expect(resolved.sources[0]).toMatchObject({ kind: 'openapi', version: '3.2.0' });
    const [search] = resolved.index.byOperationId('searchOrders');
    expect(search).toMatchObject({ method: 'query', path: '/orders', pointer: '/paths/~1orders/query' });
    expect(search?.servers).toEqual([{ url: 'https://orders.example.com/api' }]);
    expect(search?.requestBody?.content['application/json']?.schema).toEqual({
      type: 'object',
      properties: { status: { type: 'string' } },
    });
    expect(search?.responseShapes?.['200']?.properties?.orders?.items?.properties?.id).toEqual({
      type: 'string',
    });
    expect(resolved.index.byOperationPath('{$sourceDescriptions.orders.url}#/paths/~1orders/query')).toBe(
      search,
    );
  });

  it('indexes additionalOperations under their own pointer, path-level parameters merged', async () => {
    const resolved = await orders();
    const copy = resolved.index.byOperationPath(
      '{$sourceDescriptions.orders.url}#/paths/~1orders~1{orderId}/additionalOperations/COPY',
    );
    expect(copy).toMatchObject({ operationId: 'copyOrder', method: 'copy', path: '/orders/{orderId}' });
    expect(copy?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:orderId', 'header:Destination']);
    expect(resolved.index.byOperationId('copyOrder')).toEqual([copy]);
    expect(
      resolved.index.byOperationPath('{$sourceDescriptions.orders.url}#/paths/~1orders~1{orderId}/copy'),
    ).toBeUndefined();
  });

  it('keeps querystring parameters with their content', async () => {
    const resolved = await orders();
    const [list] = resolved.index.byOperationId('listOrders');
    expect(list?.parameters).toEqual([
      expect.objectContaining({ name: 'filter', in: 'querystring', content: expect.any(Object) }),
    ]);
  });
});

describe('Swagger 2.0 sources', () => {
  async function pets() {
    const resolved = await resolveDocument(fixture('run-swagger-2.0.arazzo.yaml'), { cache: false });
    expect(resolved.diagnostics).toEqual([]);
    return resolved;
  }

  it('gives servers from schemes, host and basePath (an operation’s schemes too)', async () => {
    const resolved = await pets();
    expect(resolved.sources[0]).toMatchObject({ kind: 'openapi', version: '2.0' });
    expect(resolved.index.byOperationId('findPets')[0]?.servers).toEqual([
      { url: 'https://pets.example.com/v2' },
    ]);
    expect(resolved.index.byOperationId('uploadPhoto')[0]?.servers).toEqual([
      { url: 'http://pets.example.com/v2' },
    ]);
  });

  it('turns parameter keywords into schemas and keeps collectionFormat (csv by default for arrays)', async () => {
    const resolved = await pets();
    const [find] = resolved.index.byOperationId('findPets');
    expect(find?.parameters).toEqual([
      {
        name: 'tags',
        in: 'query',
        schema: { type: 'array', items: { type: 'string' } },
        collectionFormat: 'multi',
      },
      {
        name: 'status',
        in: 'query',
        schema: { type: 'array', items: { type: 'string' } },
        collectionFormat: 'pipes',
      },
      {
        name: 'X-Fields',
        in: 'header',
        schema: { type: 'array', items: { type: 'string' } },
        collectionFormat: 'csv',
      },
      { name: 'limit', in: 'query', required: true, schema: { type: 'integer' } },
    ]);
    expect(find?.responses['200']).toMatchObject({ headers: { 'X-Total': { schema: { type: 'integer' } } } });
    expect(find?.responseShapes?.['200']?.items?.properties?.name).toEqual({ type: 'string' });
  });

  it('turns a body parameter into a request body for the consumed types', async () => {
    const resolved = await pets();
    const [add] = resolved.index.byOperationId('addPet');
    expect(add?.parameters).toEqual([]);
    expect(add?.requestBody?.required).toBe(true);
    expect(Object.keys(add?.requestBody?.content ?? {})).toEqual(['application/json']);
    expect(add?.requestBody?.content['application/json']?.schema).toMatchObject({ required: ['name'] });
    expect(add?.security).toEqual([{ basicAuth: [] }]);
    expect(add?.responseShapes?.['201']?.properties?.id).toEqual({ type: 'integer' });
  });

  it('turns formData parameters into a form body (multipart with a file), $ref parameters and responses resolved', async () => {
    const resolved = await pets();
    const [update] = resolved.index.byOperationId('updatePetWithForm');
    expect(update?.parameters).toEqual([
      { name: 'petId', in: 'path', required: true, schema: { type: 'integer' } },
    ]);
    expect(update?.requestBody).toEqual({
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            properties: { name: { type: 'string' }, nicknames: { type: 'array', items: { type: 'string' } } },
            required: ['name'],
          },
          encoding: { nicknames: { collectionFormat: 'ssv' } },
        },
      },
    });
    expect(update?.responseShapes?.['404']?.properties?.message).toEqual({ type: 'string' });
    const [upload] = resolved.index.byOperationId('uploadPhoto');
    expect(Object.keys(upload?.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
    expect(upload?.requestBody?.content['multipart/form-data']?.schema).toMatchObject({
      properties: { file: { type: 'string', format: 'binary' } },
    });
  });

  it('turns securityDefinitions into security schemes (basic, apiKey, oauth2 application flow)', async () => {
    const resolved = await pets();
    const [find] = resolved.index.byOperationId('findPets');
    expect(find?.security).toEqual([{ api_key: [] }]);
    expect(find?.securitySchemes).toEqual({
      api_key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      basicAuth: { type: 'http', scheme: 'basic' },
      oauth: {
        type: 'oauth2',
        flows: {
          clientCredentials: {
            tokenUrl: 'https://pets.example.com/oauth/token',
            scopes: { 'pets:read': 'read pets' },
          },
        },
      },
    });
  });
});
