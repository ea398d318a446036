import {
  CriterionSyntaxError,
  createCriterionRegistry,
  parseExpression,
  parseTemplate,
  type RuntimeExpression,
} from '@telaio/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printExpression } from '../../src/expressions/print-expression.js';

const alphabet = fc.constantFrom(
  ...'$.#/~01{}[]()abcdeinoprstuwyBCS =!<>&|\'"-_ \u00e9\ud83d\ude00'.split(''),
);
const grammarish = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.oneof(
        alphabet,
        fc.constantFrom(
          '$inputs.',
          '$response.body#/',
          '$steps.a.outputs.',
          '{$',
          '$statusCode',
          '~',
          '$components.',
        ),
      ),
      { maxLength: 30 },
    )
    .map((a) => a.join('')),
);

const isOwnError = (r: { ok: boolean; error?: { message: unknown; offset: unknown } }, text: string) =>
  r.ok ||
  (typeof r.error?.message === 'string' &&
    Number.isInteger(r.error.offset) &&
    (r.error.offset as number) >= 0 &&
    (r.error.offset as number) <= text.length);

describe('property: parsers return an AST or their own syntax error on ANY string, never throw', () => {
  it('parseExpression', () => {
    fc.assert(
      fc.property(grammarish, (text) => isOwnError(parseExpression(text), text)),
      { numRuns: 2000 },
    );
  });
  it('parseTemplate', () => {
    fc.assert(
      fc.property(grammarish, (text) => isOwnError(parseTemplate(text), text)),
      { numRuns: 2000 },
    );
  });
  it('simple criteria compile or throw CriterionSyntaxError only', () => {
    const registry = createCriterionRegistry();
    fc.assert(
      fc.property(grammarish, (condition) => {
        try {
          registry.compile({ condition });
        } catch (e) {
          return (
            e instanceof CriterionSyntaxError &&
            (e.offset === undefined || (e.offset >= 0 && e.offset <= condition.length))
          );
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});

const identifier = fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/);
const strict = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const token = fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,12}$/);
const free = fc.string({ minLength: 1, maxLength: 12 });
const pointer = fc.option(fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }), { nil: undefined });
const source = fc.oneof(
  fc.record({ type: fc.constant('header' as const), name: token }),
  fc.record({ type: fc.constantFrom('query' as const, 'path' as const), name: free }),
  pointer.map((p) => (p === undefined ? { type: 'body' as const } : { type: 'body' as const, pointer: p })),
);
const withPointer = <T extends object>(base: T, p: readonly string[] | undefined) =>
  p === undefined ? base : { ...base, pointer: p };

const expression: fc.Arbitrary<Omit<RuntimeExpression, 'text'>> = fc.oneof(
  fc.constantFrom({ kind: 'url' as const }, { kind: 'method' as const }, { kind: 'statusCode' as const }),
  fc.record({ kind: fc.constantFrom('request' as const, 'response' as const), source }),
  fc
    .tuple(fc.constantFrom('inputs' as const, 'outputs' as const), identifier, pointer)
    .map(([kind, name, p]) => withPointer({ kind, name }, p)),
  fc
    .tuple(strict, identifier, pointer)
    .map(([stepId, name, p]) =>
      withPointer({ kind: 'steps' as const, stepId, property: 'outputs', name }, p),
    ),
  fc
    .tuple(strict, fc.constantFrom('inputs', 'outputs'), identifier, pointer)
    .map(([workflowId, property, name, p]) =>
      withPointer({ kind: 'workflows' as const, workflowId, property, name }, p),
    ),
  fc
    .tuple(strict, fc.option(free, { nil: undefined }))
    .map(([name, property]) =>
      property === undefined
        ? { kind: 'sourceDescriptions' as const, name }
        : { kind: 'sourceDescriptions' as const, name, property },
    ),
  fc.record({
    kind: fc.constant('components' as const),
    componentType: fc.constantFrom('parameters', 'inputs', 'successActions', 'failureActions'),
    name: identifier,
  }),
);

describe('property: print → parse round-trips to the same AST', () => {
  it('whole expressions', () => {
    fc.assert(
      fc.property(expression, (body) => {
        const text = printExpression({ text: '', ...body } as RuntimeExpression);
        const parsed = parseExpression(text);
        expect(parsed).toEqual({ ok: true, value: { text, ...body } });
      }),
      { numRuns: 2000 },
    );
  });
  it('embedded in templates (free-form names without braces)', () => {
    const noBrace = (e: Omit<RuntimeExpression, 'text'>) =>
      !printExpression({ text: '', ...e } as RuntimeExpression).includes('}');
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{$')),
        expression.filter(noBrace),
        (prefix, body) => {
          const text = printExpression({ text: '', ...body } as RuntimeExpression);
          const parsed = parseTemplate(`${prefix}{${text}}`);
          expect(parsed.ok && parsed.value.parts.at(-1)).toEqual({
            kind: 'expression',
            offset: prefix.length + 1,
            expression: { text, ...body },
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
