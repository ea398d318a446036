import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { lintText, PET_OPERATIONS } from './lint-fixture.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const stytch = path.join(repoRoot, 'specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml');

/** A document using every construct lint walks: components, reusable objects, actions, criteria types, dependsOn. */
const RICH = {
  arazzo: '1.0.1',
  info: { title: 't', version: '1' },
  sourceDescriptions: [
    { name: 'pets', url: './pets.yaml', type: 'openapi' },
    { name: 'flows', url: './flows.arazzo.yaml', type: 'arazzo' },
  ],
  workflows: [
    {
      workflowId: 'main',
      dependsOn: ['other', '$sourceDescriptions.flows.remote'],
      inputs: { $ref: '#/components/inputs/petInput' },
      parameters: [{ reference: '$components.parameters.trace', value: 'x' }],
      steps: [
        {
          stepId: 'get',
          operationPath: '{$sourceDescriptions.pets.url}#/paths/~1pets~1{petId}/get',
          parameters: [{ name: 'petId', in: 'path', value: '$inputs.petId' }],
          requestBody: {
            contentType: 'application/json',
            payload: { a: ['{$inputs.petId}', 1] },
            replacements: [{ target: '/a', value: '$steps.get.outputs.x' }],
          },
          successCriteria: [
            { condition: '$statusCode == 200 && $response.body#/ok == true' },
            {
              context: '$response.body',
              condition: '$.items[?@.id > 1]',
              type: { type: 'jsonpath', version: 'rfc9535' },
            },
            { context: '$response.body', condition: '//pet', type: 'xpath' },
          ],
          onFailure: [
            { reference: '$components.failureActions.retry' },
            { name: 'stop', type: 'goto', workflowId: 'other' },
          ],
          outputs: { x: '$response.body#/x' },
        },
        {
          stepId: 'sub',
          workflowId: '$sourceDescriptions.flows.remote',
          parameters: [{ name: 'p', value: '$steps.get.outputs.x' }],
        },
      ],
      outputs: { x: '$steps.get.outputs.x', y: '$outputs.x' },
    },
    { workflowId: 'other', steps: [{ stepId: 'w', workflowId: 'main' }] },
  ],
  components: {
    inputs: { petInput: { type: 'object', properties: { petId: { type: 'string' } } } },
    parameters: { trace: { name: 'X-Trace', in: 'header', value: '$inputs.petId' } },
    failureActions: {
      retry: {
        name: 'retry',
        type: 'retry',
        stepId: 'get',
        retryAfter: 1,
        criteria: [{ condition: '$statusCode == 503' }],
      },
    },
  },
};
const FLOWS =
  'arazzo: 1.0.1\ninfo: {title: f, version: "1"}\nsourceDescriptions: []\nworkflows:\n  - workflowId: remote\n    steps: []\n';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path (list of keys) in a JSON value, the root included. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(value))
    value.forEach((v, i) => {
      out.push(...paths(v, [...at, i]));
    });
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

interface Mutation {
  readonly pick: number;
  readonly op: 'delete' | 'replace' | 'retype' | 'garble';
  readonly value: Json;
  readonly noise: string;
}

function mutate(root: Json, m: Mutation): Json {
  const all = paths(root);
  const target = all[m.pick % all.length]!;
  if (target.length === 0) return m.op === 'garble' ? m.noise : m.value;
  const parent = target
    .slice(0, -1)
    .reduce<Json>((node, key) => (node as Record<string, Json>)[key as string]!, root) as Record<
    string | number,
    Json
  >;
  const key = target[target.length - 1]!;
  const current = parent[key]!;
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (m.op === 'replace') parent[key] = m.value;
  else if (m.op === 'retype')
    parent[key] = Array.isArray(current)
      ? { ...current }
      : typeof current === 'object' && current !== null
        ? Object.values(current)
        : typeof current === 'string'
          ? current.length
          : String(current);
  else if (typeof current === 'string') {
    const at = m.pick % (current.length + 1);
    parent[key] = current.slice(0, at) + m.noise + current.slice(at);
  } else parent[key] = m.noise;
  return root;
}

const mutation = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'retype', 'garble'),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  noise: fc
    .array(
      fc.constantFrom(
        '$',
        '{',
        '}',
        '#',
        '/',
        '.',
        '~',
        'a',
        ' ',
        '[',
        ']',
        '=',
        "'",
        '\\',
        'steps',
        'inputs',
        '$response.body',
      ),
      { maxLength: 6 },
    )
    .map((parts) => parts.join('')),
});

describe('lintDocument never throws', () => {
  const seeds: [string, Json][] = [
    ['rich document', RICH as unknown as Json],
    ['Stytch B2B TOTP enrollment', parse(readFileSync(stytch, 'utf8')) as Json],
  ];
  for (const [name, seed] of seeds) {
    it(`on random mutations of the ${name}`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), (mutations, asJson) => {
          let doc = structuredClone(seed);
          for (const m of mutations) doc = mutate(doc, m);
          const text = asJson ? JSON.stringify(doc) : stringify(doc);
          const diagnostics = lintText(text, { operations: PET_OPERATIONS, arazzo: { flows: FLOWS } });
          expect(diagnostics.filter((d) => d.code === 'lint-internal')).toEqual([]);
          for (const d of diagnostics) expect(d.range.start.line).toBeGreaterThanOrEqual(1);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('reports something for the unmutated rich document only where it is really broken', () => {
    const codes = lintText(stringify(RICH), { operations: PET_OPERATIONS, arazzo: { flows: FLOWS } }).map(
      (d) => d.code,
    );
    // main → other → main through dependsOn and the step `w`: a real cycle, and nothing else is wrong.
    expect(codes.filter((c) => c !== 'criterion-invalid')).toEqual(['dependency-cycle']);
  });
});
