import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { corpusAvailable, corpusPath, describeCorpus } from '../../../../test/support/shared-corpus.js';
import { arazzo11Schema } from '../../src/schema/arazzo-1-1-schema.js';
import { createAjv } from '../../src/schema/create-ajv.js';
import { toValidator } from '../../src/schema/to-validator.js';
import { extractSpecExamples, type SpecExample } from './extract-spec-examples.js';

/**
 * The OAI Arazzo 1.1.0 specification's own examples (../shared/reference/arazzo-1.1.0.md), each
 * validated by telaio's 1.1 schema as the object its section describes: every fragment is valid
 * as the text says. Whole documents are linted in spec-documents-v11.test.ts.
 */
const ajv = createAjv();
ajv.addSchema(arazzo11Schema);
const definition = (name: string) => {
  const validate = ajv.getSchema(`${arazzo11Schema.$id}#/$defs/${name}`);
  if (validate === undefined) throw new Error(`no $defs/${name}`);
  return toValidator(validate);
};

/** The object each `####` section illustrates. */
const SECTION_DEFS: Readonly<Record<string, string>> = {
  'Info Object': 'info',
  'Source Description Object': 'source-description-object',
  'Workflow Object': 'workflow-object',
  'Step Object': 'step-object',
  'Parameter Object': 'parameter-object',
  'Success Action Object': 'success-action-object',
  'Failure Action Object': 'failure-action-object',
  'Components Object': 'components-object',
  'Reusable Object': 'reusable-object',
  'Criterion Object': 'criterion-object',
  'Expression Type Object': 'expression-type-object',
  'Selector Object': 'selector-object',
  'Request Body Object': 'request-body-object',
  'Payload Replacement Object': 'payload-replacement-object',
};

/** A fragment wrapped in the field that holds it (`steps:`, `successCriteria:`...): what each item is. */
const KEY_DEFS: Readonly<Record<string, string>> = {
  steps: 'step-object',
  successCriteria: 'criterion-object',
  sourceDescriptions: 'source-description-object',
  workflows: 'workflow-object',
  components: 'components-object',
  requestBody: 'request-body-object',
  outputs: 'output-value',
};

/**
 * The values an example shows. The JSON examples of the Components Object are a member
 * (`"components": {...}`), not a value; a YAML block repeating its top-level key (§Runtime
 * Expressions in Conditions shows three `successCriteria:` one after the other) is several
 * examples, one per paragraph.
 */
function read(example: SpecExample): unknown[] {
  if (example.language === 'json')
    return [JSON.parse(example.text.trim().startsWith('"') ? `{${example.text}}` : example.text)];
  try {
    return [parse(example.text)];
  } catch (error) {
    if (!/Map keys must be unique/.test(String(error))) throw error;
    return example.text.split(/\n\s*\n/).map((chunk) => parse(chunk));
  }
}

/** [pointer-ish label, definition, value] for every object an example shows. */
function checks(example: SpecExample): [string, string, unknown][] {
  return read(example).flatMap((value) => checksOf(example, value));
}

function checksOf(example: SpecExample, value: unknown): [string, string, unknown][] {
  const own = SECTION_DEFS[example.section];
  const items = (label: string, def: string, v: unknown): [string, string, unknown][] =>
    Array.isArray(v) ? v.map((item, i) => [`${label}/${i}`, def, item]) : [[label, def, v]];
  if (Array.isArray(value)) return items('', own ?? '?', value);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 0 && keys.every((k) => KEY_DEFS[k] !== undefined))
    return keys.flatMap((k) =>
      k === 'outputs'
        ? Object.entries(record[k] as object).map(([n, v]): [string, string, unknown] => [
            `/outputs/${n}`,
            'output-value',
            v,
          ])
        : items(`/${k}`, KEY_DEFS[k]!, record[k]),
    );
  return [['', own ?? '?', value]];
}

const validateOutput = (v: unknown) => (typeof v === 'string' ? [] : definition('selector-object')(v));

const all = corpusAvailable
  ? extractSpecExamples(readFileSync(corpusPath('reference', 'arazzo-1.1.0.md'), 'utf8'))
  : [];
const fragments = all.filter((e) => !/^arazzo:/m.test(e.text) && !e.text.includes('"arazzo"'));

describeCorpus('Arazzo 1.1.0 specification examples: each fragment is valid as its section says', () => {
  it('finds the examples (at least 40 fragments across the object sections)', () => {
    expect(fragments.length).toBeGreaterThanOrEqual(40);
    expect(new Set(fragments.map((e) => e.section)).size).toBeGreaterThanOrEqual(14);
  });

  for (const example of corpusAvailable ? fragments : []) {
    it(`§${example.section} (${example.heading}), line ${example.line}`, () => {
      const found = checks(example);
      expect(found.length).toBeGreaterThan(0);
      for (const [label, def, value] of found) {
        expect(def, `no object known for section '${example.section}'`).not.toBe('?');
        const errors = def === 'output-value' ? validateOutput(value) : definition(def)(value);
        expect(errors.map((e) => `${label}${e.instancePath} ${e.message}`)).toEqual([]);
      }
    });
  }
});
