/**
 * Issue 14 point 7: fuzzing the two parsers a hostile document reaches first. Every input to the
 * document loader (resolve + lint) ends in diagnostics or a resolved document, and every input to
 * the expression parsers and criterion compilers ends in a value or a typed syntax error, never
 * another exception; a hang fails the test at its timeout. The generators lean on what hurt before:
 * YAML anchors and aliases, deep nesting, tags, catastrophic regex fragments. Seeds are fixed, so a
 * failure reproduces; the counts and seeds are in the test names.
 */
import {
  CriterionSyntaxError,
  createCriterionRegistry,
  lintDocument,
  parseExpression,
  parseTemplate,
  resolveDocument,
  type SourceLoader,
  TelaioError,
} from '@telaio/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const DOCUMENT_RUNS = 300;
const DOCUMENT_SEED = 1406;
const EXPRESSION_RUNS = 3000;
const EXPRESSION_SEED = 1407;

const OPENAPI = `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /thing:
    get:
      operationId: getThing
      responses: {'200': {description: ok}}
`;

const VALID = `arazzo: 1.0.1
info: {title: t, version: '1'}
sourceDescriptions: [{name: api, url: ./api.yaml, type: openapi}]
workflows:
  - workflowId: w
    inputs: {type: object, properties: {n: {type: string, default: x}}}
    steps:
      - stepId: s
        operationId: getThing
        successCriteria:
          - condition: $statusCode == 200
          - {context: $response.body, condition: '^a+$', type: regex}
        outputs: {o: $response.body#/o}
`;

/** Sources from memory: the OpenAPI file, anything else unresolved. */
const loader: SourceLoader = {
  async load(uri) {
    if (uri.endsWith('/api.yaml')) return { uri, text: OPENAPI };
    throw new TelaioError('source-unresolved', `file not found: ${uri}`);
  },
};

/** YAML fragments that stress a loader: anchors, aliases, merges, tags, nesting, odd scalars. */
const fragment = fc.constantFrom(
  '&a ',
  '*a',
  '&b [*a, *a, *a, *a]',
  '*b',
  '<<: *a',
  '!!binary aGk=',
  '!!js/function "x"',
  '!!str',
  '[[[[[[[[',
  ']]]]',
  '{{{{',
  '}}',
  '- ',
  '- - - -',
  ': ',
  '? ',
  '|\n  x',
  '>-\n  y',
  '"\\u0000"',
  '__proto__: {x: 1}',
  'constructor: 1',
  '\t',
  '\n',
  '\n  ',
  '#',
  '%YAML 1.2\n---\n',
  '...',
  '~',
  '0x1F',
  '.inf',
  '2001-12-14',
  '$inputs.n',
  '{$steps.s.outputs.o}',
  '$response.body#/__proto__',
);

/** A valid document with fragments spliced in at random places. */
const mutated = fc
  .array(fc.tuple(fc.nat({ max: VALID.length }), fc.oneof(fragment, fc.string({ maxLength: 12 }))), {
    minLength: 1,
    maxLength: 6,
  })
  .map((edits) =>
    edits.reduce(
      (text, [at, piece]) =>
        text.slice(0, at % (text.length + 1)) + piece + text.slice(at % (text.length + 1)),
      VALID,
    ),
  );

/** Alias fan-out of random width and depth under an input default (a laughs generator). */
const laughs = fc
  .tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 12 }))
  .map(([width, depth]) => {
    const lines = ['x-l:', '  l0: &l0 ["lol"]'];
    for (let d = 1; d <= depth; d++)
      lines.push(`  l${d}: &l${d} [${Array.from({ length: width }, () => `*l${d - 1}`).join(',')}]`);
    return VALID.replace('default: x', `default: *l${depth}`).replace(
      'workflows:',
      `${lines.join('\n')}\nworkflows:`,
    );
  });

const documents = fc.oneof(
  mutated,
  laughs,
  fc.array(fragment, { maxLength: 30 }).map((p) => p.join('')),
  fc.string(),
);

describe(`hostile: fuzzing the loader and the expression parsers (issue 14 point 7)`, () => {
  it(`document loader: ${DOCUMENT_RUNS} documents (seed ${DOCUMENT_SEED}) each end in diagnostics or a document`, async () => {
    await fc.assert(
      fc.asyncProperty(documents, async (text) => {
        const resolved = await resolveDocument('/fuzz/doc.arazzo.yaml', { text, loader, cache: false });
        const diagnostics = lintDocument(resolved);
        expect(Array.isArray(diagnostics)).toBe(true);
        for (const d of diagnostics) expect(d.range.start.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: DOCUMENT_RUNS, seed: DOCUMENT_SEED },
    );
  }, 120_000);

  const expressionText = fc.oneof(
    fc.string(),
    fc
      .array(
        fc.constantFrom(
          '$inputs.',
          '$steps.',
          '.outputs.',
          '$response.body#/',
          '$response.header.',
          '$statusCode',
          '{$',
          '}',
          '$components.',
          '$sourceDescriptions.',
          '$workflows.',
          '~0',
          '~1',
          '/',
          '#',
          '.',
          '[',
          ']',
          'a',
          '__proto__',
          '==',
          '&&',
          '||',
          '!',
          '(',
          ')',
          "'",
          '"',
          ' ',
          '$',
          '$$',
          '\u0000',
          '😀',
        ),
        { maxLength: 20 },
      )
      .map((p) => p.join('')),
  );
  const regexText = fc
    .array(
      fc.constantFrom(
        '(a+)+',
        '(a|a)*',
        '(a*)*',
        '\\1',
        '(?=a)',
        '(?<=a)',
        '[^]',
        '.',
        '{2,}',
        'a{1000}',
        '|',
        '^',
        '$',
        '\\',
        '(',
        ')',
        '[',
        ']',
        'a',
        '?',
      ),
      {
        maxLength: 12,
      },
    )
    .map((p) => p.join(''));
  const registry = createCriterionRegistry();
  const context = {
    statusCode: 200,
    response: { headers: {}, body: `${'a'.repeat(64)}!` },
    inputs: {},
    steps: {},
  };

  it(`expression parsers and criteria: ${EXPRESSION_RUNS} inputs (seed ${EXPRESSION_SEED}) each end in a value or a syntax error`, () => {
    fc.assert(
      fc.property(
        expressionText,
        regexText,
        fc.constantFrom('simple', 'regex', 'jsonpath', 'xpath'),
        (expression, pattern, type) => {
          const parsed = parseExpression(expression);
          expect(typeof parsed.ok).toBe('boolean');
          expect(typeof parseTemplate(expression).ok).toBe('boolean');
          const condition = type === 'regex' ? pattern : expression;
          let compiled: ReturnType<typeof registry.compile> | undefined;
          try {
            compiled = registry.compile({ condition, type, context: '$response.body' } as never);
          } catch (error) {
            expect(error).toBeInstanceOf(CriterionSyntaxError);
          }
          if (compiled !== undefined) expect(typeof compiled.test(context as never)).toBe('boolean');
        },
      ),
      { numRuns: EXPRESSION_RUNS, seed: EXPRESSION_SEED },
    );
  }, 120_000);
});
