/**
 * Response shapes built from OpenAPI response schemas: $refs followed, allOf merged, oneOf/anyOf
 * unioned, cycles cut open, open objects, array items; the disk cache round trip; exampleFromShape.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exampleFromShape, resolveDocument } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { buildOperations } from '../../src/sources/build-operations.js';
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
