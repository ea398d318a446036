/**
 * Response shapes built from OpenAPI response schemas: $refs followed, allOf merged, oneOf/anyOf
 * unioned, cycles cut open, open objects, array items; the disk cache round trip; exampleFromShape.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exampleFromShape, type ResponseShape, resolveDocument } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { corpusPath, describeCorpus } from '../../../../test/support/shared-corpus.js';
import { buildOperations } from '../../src/sources/build-operations.js';
import { readResponseShape } from '../../src/sources/build-response-shapes.js';
import { parseSourceText } from '../../src/sources/parse-source-text.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

/** A small OpenAPI document: one operation per case, the shape under test in its 200 response. */
const api = {
  openapi: '3.1.0',
  info: { title: 'shapes', version: '1' },
  paths: {
    '/all-of': {
      get: { operationId: 'allOf', responses: { '200': json({ $ref: '#/components/schemas/Extended' }) } },
    },
    '/one-of': {
      get: { operationId: 'oneOf', responses: { '200': json({ $ref: '#/components/schemas/Pet' }) } },
    },
    '/free-alt': {
      get: {
        operationId: 'freeAlternative',
        responses: { '200': json({ anyOf: [{ $ref: '#/components/schemas/Cat' }, { type: 'object' }] }) },
      },
    },
    '/tree': {
      get: { operationId: 'tree', responses: { '200': json({ $ref: '#/components/schemas/Node' }) } },
    },
    '/list': {
      get: {
        operationId: 'list',
        responses: {
          '200': json({
            type: 'object',
            properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Cat' } } },
          }),
          '404': { description: 'no body' },
          '415': { content: { 'text/plain': { schema: { type: 'string' } } } },
          default: { content: { 'application/problem+json': {} } },
        },
      },
    },
    '/open': {
      get: {
        operationId: 'open',
        responses: {
          '200': json({
            type: ['object', 'null'],
            properties: {
              meta: { type: 'object', additionalProperties: true },
              free: { type: 'object' },
              typed: { type: 'object', additionalProperties: { type: 'string' } },
              anything: {},
              count: { type: 'integer' },
            },
          }),
        },
      },
    },
  },
  components: {
    schemas: {
      Base: { type: 'object', properties: { id: { type: 'string' } } },
      Extended: {
        allOf: [
          { $ref: '#/components/schemas/Base' },
          { type: 'object', properties: { extra: { type: 'boolean' } } },
          { required: ['id'] },
        ],
      },
      Cat: { type: 'object', properties: { meows: { type: 'boolean' }, name: { type: 'string' } } },
      Dog: { type: 'object', properties: { barks: { type: 'boolean' }, name: { type: 'string' } } },
      Pet: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        required: ['name'],
      },
      Node: {
        type: 'object',
        properties: {
          label: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
        },
      },
    },
  },
};

const shapesOf = (id: string) =>
  buildOperations({ api }).operations.find((o) => o.operationId === id)?.responseShapes;

describe('response shapes', () => {
  it('merges allOf members, ignoring members that only constrain', () => {
    expect(shapesOf('allOf')).toEqual({
      '200': { properties: { id: { type: 'string' }, extra: { type: 'boolean' } } },
    });
  });

  it('unions oneOf alternatives (a sibling required adds nothing)', () => {
    expect(shapesOf('oneOf')?.['200']).toEqual({
      properties: { meows: { type: 'boolean' }, name: { type: 'string' }, barks: { type: 'boolean' } },
    });
  });

  it('opens a union with a free-form alternative', () => {
    expect(shapesOf('freeAlternative')?.['200']?.open).toBe(true);
  });

  it('cuts a $ref cycle, leaving the recursion open', () => {
    const node = shapesOf('tree')?.['200'];
    expect(node?.properties?.label).toEqual({ type: 'string' });
    expect(node?.properties?.children?.items).toEqual({ open: true });
  });

  it('describes array items, and keeps only JSON bodies (no entry for none or text/plain)', () => {
    const shapes = shapesOf('list');
    expect(Object.keys(shapes ?? {}).sort()).toEqual(['200', 'default']);
    expect(shapes?.['200']?.properties?.items?.items?.properties).toHaveProperty('meows');
    expect(shapes?.default).toEqual({ open: true });
  });

  it('marks free-form objects and unknown schemas open, scalars closed with their type', () => {
    const props = shapesOf('open')?.['200']?.properties;
    expect(props?.meta?.open).toBe(true);
    expect(props?.free?.open).toBe(true);
    expect(props?.typed?.open).toBe(true);
    expect(props?.anything?.open).toBe(true);
    expect(props?.count).toEqual({ type: 'integer' });
    expect(shapesOf('open')?.['200']?.open).toBeUndefined();
  });

  it('survives the disk cache unchanged (encoded with a table of repeated subtrees, decoded lazily)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'telaio-shapes-'));
    try {
      writeFileSync(path.join(dir, 'api.json'), JSON.stringify(api));
      const doc = {
        arazzo: '1.0.1',
        info: { title: 't', version: '1' },
        sourceDescriptions: [{ name: 'api', url: './api.json', type: 'openapi' }],
        workflows: [{ workflowId: 'w', steps: [{ stepId: 's', operationId: 'tree' }] }],
      };
      writeFileSync(path.join(dir, 'a.arazzo.json'), JSON.stringify(doc));
      const read = async () => {
        clearSourceCache();
        const r = await resolveDocument(path.join(dir, 'a.arazzo.json'), {
          cache: { dir: path.join(dir, 'cache') },
        });
        const ops = r.sources[0]?.kind === 'openapi' ? r.sources[0].operations : [];
        return JSON.parse(JSON.stringify(ops.map((o) => o.responseShapes ?? null)));
      };
      const cold = await read();
      const warm = await read();
      expect(cold.filter((s: unknown) => s !== null)).toHaveLength(6);
      expect(warm).toEqual(cold);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('synthesises an example value, asking the leaf callback for every scalar or open place', () => {
    const leaves: string[] = [];
    const example = exampleFromShape(shapesOf('list')!['200']!, (pointer) => {
      leaves.push(pointer);
      return `<${pointer}>`;
    });
    expect(example).toEqual({ items: [{ meows: '</items/0/meows>', name: '</items/0/name>' }] });
    expect(leaves).toEqual(['/items/0/meows', '/items/0/name']);
  });
});

/** A shape with every member built: the lazy accessors read, plain objects out. */
function built(shape: ResponseShape): ResponseShape {
  const out: { -readonly [K in keyof ResponseShape]: ResponseShape[K] } = {};
  if (shape.properties !== undefined)
    out.properties = Object.fromEntries(
      Object.keys(shape.properties).map((k) => [k, built(shape.properties![k]!)]),
    );
  if (Object.hasOwn(shape, 'items')) out.items = built(shape.items!);
  if (shape.open === true) out.open = true;
  if (shape.type !== undefined) out.type = shape.type;
  return out;
}

/** Every status's built shape next to its lazy one, operations read in `order`. */
function bothWays(document: unknown, order: 'forward' | 'backward') {
  const eager = buildOperations({ api: document }).operations;
  const lazy = buildOperations({ api: document }).operations;
  const indices = eager.map((_, i) => i);
  if (order === 'backward') indices.reverse();
  const pairs: [string, ResponseShape, ResponseShape][] = [];
  for (const i of indices) {
    const shapes = eager[i]?.responseShapes;
    const other = lazy[i]?.responseShapes;
    for (const status of Object.keys(shapes ?? {}))
      pairs.push([
        `${eager[i]?.operationId} ${status}`,
        built(shapes![status]!),
        built(readResponseShape(other!, status)!),
      ]);
  }
  return pairs;
}

describe('response shapes built level by level as a pointer reads them (lint on a cache miss)', () => {
  it('read exactly as the built shapes, whatever order either is asked for in', () => {
    for (const [at, eager, lazy] of [...bothWays(api, 'forward'), ...bothWays(api, 'backward')])
      expect(lazy, at).toEqual(eager);
  });

  it('a shape built already (as a disk-cache write builds them) is the one read, not built again', () => {
    const [op] = buildOperations({ api }).operations.filter((o) => o.operationId === 'list');
    const built = op!.responseShapes!['200'];
    expect(readResponseShape(op!.responseShapes!, '200')).toBe(built);
  });

  it('members are built when read, not before', () => {
    const [op] = buildOperations({ api }).operations.filter((o) => o.operationId === 'list');
    const shape = readResponseShape(op!.responseShapes!, '200')!;
    const items = Object.getOwnPropertyDescriptor(shape.properties!, 'items');
    expect(items?.get, 'an accessor until read').toBeTypeOf('function');
    expect(shape.properties?.items?.items?.properties).toHaveProperty('meows');
  });

  it('a $ref built shallow first and then met deep reads as if built there (depth limit: order-independent)', () => {
    // Deep nests Leaf 12 levels down; Leaf has two more levels. Built alone first (shallow), Leaf's
    // shape is complete; met again at depth 12 it is cut open below the limit, as building it there gives.
    const nest = (depth: number): unknown =>
      depth === 0
        ? { $ref: '#/components/schemas/Leaf' }
        : { type: 'object', properties: { next: nest(depth - 1) } };
    const document = {
      openapi: '3.1.0',
      info: { title: 'deep', version: '1' },
      paths: {
        '/leaf': {
          get: { operationId: 'leaf', responses: { '200': json({ $ref: '#/components/schemas/Leaf' }) } },
        },
        '/deep': { get: { operationId: 'deep', responses: { '200': json(nest(11)) } } },
      },
      components: {
        schemas: {
          Leaf: {
            type: 'object',
            properties: {
              a: {
                type: 'object',
                properties: { b: { type: 'object', properties: { c: { type: 'string' } } } },
              },
            },
          },
        },
      },
    };
    const forward = Object.fromEntries(
      bothWays(document, 'forward').map(([at, eager, lazy]) => [at, { eager, lazy }]),
    );
    const backward = Object.fromEntries(
      bothWays(document, 'backward').map(([at, eager, lazy]) => [at, { eager, lazy }]),
    );
    expect(forward).toEqual(backward);
    for (const { eager, lazy } of Object.values(forward)) expect(lazy).toEqual(eager);
    let deep = forward['deep 200']?.eager;
    for (let i = 0; i < 11; i += 1) deep = deep?.properties?.next;
    // Leaf at depth 11: a at 12, b at 13 > 12 is cut open.
    expect(deep).toEqual({ properties: { a: { properties: { b: { open: true } } } } });
  });
});

describeCorpus('response shapes of the Stytch OpenAPI descriptions', () => {
  it.each(['stytch-b2b-openapi.yml', 'stytch-consumer-openapi.yml'])(
    '%s: every lazy shape reads as the built one',
    (file) => {
      const document = parseSourceText(readFileSync(corpusPath('stytch', 'openapi', file), 'utf8'));
      const pairs = bothWays(document, 'backward');
      expect(pairs.length).toBeGreaterThan(300);
      for (const [at, eager, lazy] of pairs) expect(lazy, at).toEqual(eager);
    },
  );
});
