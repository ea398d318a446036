// biome-ignore-all lint/suspicious/noThenProperty: JSON Schema's if/then keywords
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusPath } from '../../../../test/support/shared-corpus.js';
import {
  type ArazzoFeatureSet,
  compileArazzoSchema,
  exactArazzoValidator,
  featureSetOf,
  quickArazzoCheck,
} from '../../src/schema/compile-arazzo-schema.js';
import {
  CHECKED_FORMATS,
  compileSchemaCheck,
  FORMAT_SHORTCUTS,
  jsonEqual,
} from '../../src/schema/compile-schema-check.js';
import { JSON_SCHEMA_2020_12_META } from '../../src/schema/json-schema-2020-12-meta.js';
import { createRandom as random } from '../yaml/generate-yaml.js';
import { yamlFilesUnder } from '../yaml/yaml-files-under.js';
import { baseDocument, exceptions, mutations } from './schema-corpus.js';

const repository = fileURLToPath(new URL('../../../../', import.meta.url));
const require = createRequire(import.meta.url);

type Doc = Record<string, unknown>;

/** Every Arazzo document (YAML) of the project, and of ../shared when it is there. */
function arazzoDocuments(): { name: string; doc: Doc }[] {
  const roots = [repository, ...(corpusAvailable ? [corpusPath()] : [])];
  const out: { name: string; doc: Doc }[] = [];
  for (const root of roots)
    for (const file of yamlFilesUnder(root)) {
      const text = readFileSync(file, 'utf8');
      if (!/^arazzo:/m.test(text)) continue;
      let doc: unknown;
      try {
        doc = load(text, { schema: CORE_SCHEMA });
      } catch {
        continue;
      }
      if (doc !== null && typeof doc === 'object' && !Array.isArray(doc) && 'arazzo' in doc)
        out.push({ name: path.relative(root, file), doc: doc as Doc });
    }
  return out;
}

const featureSet = (doc: unknown): ArazzoFeatureSet => featureSetOf((doc as Doc | null)?.arazzo) ?? '1.0';
const exact = (doc: unknown): boolean => exactArazzoValidator(featureSet(doc))(doc);
const quick = (doc: unknown): boolean => quickArazzoCheck(featureSet(doc))(doc);

/** Values a mutation puts somewhere: wrong types, and JSON Schema fragments valid and invalid. */
const POOL: readonly unknown[] = [
  null,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  '$inputs.id',
  'http://[::1',
  'a b#c#d',
  true,
  false,
  [],
  {},
  ['a', 'a'],
  [1, '1'],
  { type: 'strin' },
  { type: ['string', 'string'] },
  { type: [] },
  { type: 'integer', minimum: Number.NaN },
  { required: ['a', 'a'] },
  { required: [1] },
  { minItems: -1 },
  { minItems: 1.5 },
  { pattern: 5 },
  { enum: [] },
  { enum: [1, 1] },
  { const: null },
  { properties: { a: 5 } },
  { properties: { a: { type: 'string' } }, additionalProperties: false },
  { $ref: 5 },
  { $ref: '#/$defs/a' },
  { items: [{}] },
  { prefixItems: [] },
  { additionalProperties: 'no' },
  { format: 3 },
  { if: {}, then: 5 },
  { exclusiveMinimum: '0' },
  { multipleOf: 0 },
  { uniqueItems: 'yes' },
  { dependentRequired: { a: [1] } },
  { dependentRequired: { a: ['b', 'b'] } },
  { $defs: { a: 1 } },
  { $id: 'http://x/y#z' },
  { $anchor: '1bad' },
  { $schema: 'not a uri' },
  { description: 1 },
  { deprecated: 'no' },
  { contentMediaType: 1 },
  { unevaluatedProperties: 1 },
  { allOf: [] },
  { oneOf: [true] },
  { not: 'x' },
  { examples: 'x' },
  { 'x-ext': 1 },
  new Date(0),
];

/** All paths to objects and arrays inside `value`. */
function containers(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value !== null && typeof value === 'object') {
    out.push(at);
    for (const [k, v] of Object.entries(value))
      containers(v, [...at, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

function mutate(doc: Doc, next: () => number): Doc {
  const copy = structuredClone(doc) as Doc;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const steps = 1 + Math.floor(next() * 3);
  for (let s = 0; s < steps; s++) {
    const where = pick(containers(copy));
    const node = where.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], copy) as Record<
      string | number,
      unknown
    >;
    const keys = Object.keys(node);
    const value = structuredClone(pick(POOL));
    const kind = next();
    if (kind < 0.3 && keys.length > 0) delete node[pick(keys)];
    else if (kind < 0.7 && keys.length > 0) node[pick(keys)] = value;
    else if (Array.isArray(node)) node.push(value);
    else
      node[
        pick([
          'zz',
          'x-y',
          'type',
          'required',
          'properties',
          'items',
          '$ref',
          'enum',
          'minimum',
          'name',
          'in',
        ])
      ] = value;
  }
  return copy;
}

describe('the quick schema check (compile-schema-check.ts) is never looser than the ajv validator', () => {
  const documents = arazzoDocuments();

  it('finds the project’s Arazzo documents', () => {
    // The repository's own (40 when this was written), and those of ../shared too when it is there.
    expect(documents.length).toBeGreaterThan(corpusAvailable ? 60 : 30);
  });

  it('agrees with ajv on every Arazzo document of the project (and ../shared when present)', () => {
    const disagreements = documents
      .filter(({ doc }) => quick(doc) !== exact(doc))
      .map(({ name, doc }) => ({ name, quick: quick(doc), ajv: exact(doc) }));
    expect(disagreements).toEqual([]);
    // Both verdicts occur, so the comparison means something.
    expect(documents.some(({ doc }) => exact(doc))).toBe(true);
  });

  it('agrees with ajv on the schema agreement corpus (named mutations of a valid document)', () => {
    for (const [name, change] of [...mutations, ...exceptions.map(([n, m]) => [n, m] as const)]) {
      const doc = baseDocument();
      change(doc);
      expect({ name, quick: quick(doc) }).toEqual({ name, quick: exact(doc) });
    }
  });

  // TELAIO_FUZZ_SCALE=N runs N times as many mutations (other seeds), as the YAML reader's fuzz does.
  const scale = Number(process.env.TELAIO_FUZZ_SCALE ?? 1);
  it(`never says yes where ajv says no over ${40 * scale} seeded random mutations of each document`, () => {
    const bases = [baseDocument(), ...documents.map(({ doc }) => doc)].filter((doc) => exact(doc));
    let invalid = 0;
    let valid = 0;
    let validQuick = 0;
    for (const [i, base] of bases.entries()) {
      const next = random(0x7e1a10 + i + (scale > 1 ? scale * 7919 : 0));
      for (let n = 0; n < 40 * scale; n++) {
        const doc = mutate(base, next);
        const verdict = exact(doc);
        const fast = quick(doc);
        if (!verdict) {
          invalid++;
          expect({ base: i, n, quick: fast }).toEqual({ base: i, n, quick: false });
        } else {
          valid++;
          if (fast) validQuick++;
        }
      }
    }
    // Both kinds are exercised, and valid documents almost always take the fast path.
    expect(invalid).toBeGreaterThan(200);
    expect(valid).toBeGreaterThan(50);
    expect(validQuick / valid).toBeGreaterThan(0.9);
  });

  it('returns the ajv errors for a document that fails (the exact validator is loaded then)', () => {
    const doc = baseDocument();
    (doc.info as Doc).title = 5;
    const errors = compileArazzoSchema('1.0')(doc);
    expect(errors.map((e) => [e.instancePath, e.keyword])).toEqual([['/info/title', 'type']]);
    expect(compileArazzoSchema('1.0')(baseDocument())).toEqual([]);
  });
});

describe('the quick schema check’s own parts', () => {
  it('checks uri-reference with ajv-formats’ own expression', () => {
    const formats = require('ajv-formats/dist/formats') as { fullFormats: Record<string, RegExp> };
    for (const [name, pattern] of Object.entries(CHECKED_FORMATS)) {
      expect(String(pattern)).toBe(String(formats.fullFormats[name]));
    }
  });

  it('reads the draft 2020-12 meta-schemas ajv ships', () => {
    const dir = path.dirname(require.resolve('ajv/dist/refs/json-schema-2020-12/schema.json'));
    const shipped = [
      'schema.json',
      ...['core', 'applicator', 'unevaluated', 'validation', 'meta-data', 'format-annotation', 'content'].map(
        (m) => `meta/${m}.json`,
      ),
    ].map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
    expect(JSON_SCHEMA_2020_12_META).toEqual(shipped);
  });

  it('compares values at least as strictly as ajv (Dates, NaN and -0 are never equal to others)', () => {
    expect(jsonEqual({ a: [1, { b: 'c' }] }, { a: [1, { b: 'c' }] })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
    expect(jsonEqual(new Date(0), new Date(1))).toBe(false);
    expect(jsonEqual(Number.NaN, Number.NaN)).toBe(false);
  });

  it('fails a schema node with a keyword it does not know (stricter, never looser)', () => {
    expect(compileSchemaCheck({ type: 'string', maxLength: 2 })('abc')).toBe(false);
    expect(compileSchemaCheck({ type: 'string' })('abc')).toBe(true);
  });

  it('follows $ref cycles and the meta-schema’s $dynamicRef', () => {
    const check = compileSchemaCheck(
      {
        $id: 'https://example.test/tree',
        type: 'object',
        properties: {
          kids: { type: 'array', items: { $ref: '#' } },
          schema: { $ref: 'https://json-schema.org/draft/2020-12/schema' },
        },
      },
      JSON_SCHEMA_2020_12_META,
    );
    expect(
      check({ kids: [{ kids: [] }, { schema: { type: 'object', properties: { a: { type: 'string' } } } }] }),
    ).toBe(true);
    expect(check({ kids: [{ kids: [5] }] })).toBe(false);
    expect(check({ schema: { properties: { a: { type: 'strin' } } } })).toBe(false);
    expect(check({ schema: { items: { minItems: -1 } } })).toBe(false);
  });
});

describe('format shortcuts (compile-schema-check.ts FORMAT_SHORTCUTS)', () => {
  it('accept only values their format accepts (generated values, seeded)', () => {
    const next = random(0x5107);
    const alphabet = 'aZ09-._~/:.@%?#!$&()*+,;=[] ';
    let accepted = 0;
    for (let n = 0; n < 20000; n++) {
      const prefix = ['', './', '../', 'http://', 'https://', '//', '/', 'a:'][
        Math.floor(next() * 8)
      ] as string;
      let text = prefix;
      const length = Math.floor(next() * 12);
      // Half of them near the shortcuts' own alphabet, so both verdicts are common.
      const letters = next() < 0.5 ? 'aZ09-._~/:' : alphabet;
      for (let i = 0; i < length; i++) text += letters[Math.floor(next() * letters.length)];
      for (const [name, shapes] of Object.entries(FORMAT_SHORTCUTS))
        if (shapes.some((shape) => shape.test(text))) {
          accepted++;
          expect({ name, text, full: CHECKED_FORMATS[name]?.test(text) }).toEqual({ name, text, full: true });
        }
    }
    expect(accepted).toBeGreaterThan(2000);
  });

  it('take the usual source URLs', () => {
    const shapes = FORMAT_SHORTCUTS['uri-reference'] ?? [];
    for (const url of [
      './openapi.yaml',
      '../apis/pets.yml',
      'pets.json',
      'https://api.example.com/v1/openapi.yaml',
    ])
      expect(shapes.some((shape) => shape.test(url))).toBe(true);
  });
});
