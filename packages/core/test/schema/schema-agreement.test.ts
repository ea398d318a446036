import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { beforeAll, expect, it } from 'vitest';
import { corpusPath, describeCorpus } from '../../../../test/support/shared-corpus.js';
import { createLazyPositionMap } from '../../src/document/build-position-map.js';
import { lintDocument } from '../../src/lint/lint-document.js';
import { arazzoSchema } from '../../src/schema/arazzo-schema.js';
import { createAjv } from '../../src/schema/create-ajv.js';
import { toValidator } from '../../src/schema/to-validator.js';
import { createOperationIndex } from '../../src/sources/create-operation-index.js';
import { baseDocument, exceptions, mutations } from './schema-corpus.js';

/** The published Arazzo 1.0 JSON Schema (reference corpus), compiled when the suite runs. */
let reference: ReturnType<typeof toValidator>;
const schemaErrors = toValidator(createAjv().compile(arazzoSchema));

/**
 * Our verdict: the schema's, plus lint's `duplicate-id` errors and its `schema` errors: they stand in
 * for the published schema's uniqueItems (dropped from ours on arrays of objects: ajv is quadratic),
 * `duplicate-id` on sourceDescriptions, workflows and steps, check-unique-items on the others;
 * `parameter-invalid` errors (a parameter of an operation step without `in`, CONTRACT.md's code); and
 * `criterion-invalid` for an unknown criterion type (our schema checks the shape, the criterion
 * registry the names).
 */
const ours = (doc: Record<string, unknown>): readonly unknown[] => {
  const text = JSON.stringify(doc);
  const file = { uri: 'mem:doc.json', text, document: doc as never, positions: createLazyPositionMap(text) };
  const duplicates = lintDocument({
    file,
    sources: [],
    index: createOperationIndex([]),
    diagnostics: [],
  }).filter(
    (d) =>
      (d.code === 'duplicate-id' ||
        d.code === 'schema' ||
        d.rule === 'parameter-in-missing' ||
        d.code === 'criterion-invalid') &&
      d.severity === 'error',
  );
  return [...schemaErrors(doc), ...duplicates];
};

const build = (mutate: (d: Record<string, unknown>) => void) => {
  const d = baseDocument();
  mutate(d);
  return d;
};

describeCorpus('schema agreement with the published Arazzo 1.0 schema', () => {
  beforeAll(() => {
    const text = readFileSync(corpusPath('reference', 'arazzo-1.0-schema.yaml'), 'utf8');
    reference = toValidator(createAjv().compile(load(text) as object));
  });

  it('has a corpus of at least 25 documents, valid and invalid', () => {
    const verdicts = mutations.map(([, m]) => reference(build(m)).length === 0);
    expect(mutations.length).toBeGreaterThanOrEqual(25);
    expect(verdicts.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThanOrEqual(25);
  });

  for (const [name, mutate] of mutations) {
    it(`same verdict: ${name}`, () => {
      const doc = build(mutate);
      expect(ours(doc).length === 0).toBe(reference(doc).length === 0);
    });
  }

  for (const [name, mutate, oursValid] of exceptions) {
    it(`differs where the spec text wins: ${name}`, () => {
      const doc = build(mutate);
      expect(ours(doc).length === 0).toBe(oursValid);
      expect(reference(doc).length === 0).toBe(!oursValid);
    });
  }
});
