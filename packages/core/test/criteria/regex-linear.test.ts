/**
 * Arazzo 1.0.1 §4.6.10 `regex` criteria run on a linear-time engine (RE2JS) with ECMAScript's
 * meaning: the translation agrees with `RegExp` on a table of the constructs that differ between
 * the two flavours and on random patterns; what RE2 cannot match is refused with a clear message.
 */
import { CriterionSyntaxError, createCriterionRegistry } from '@telaio/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const registry = createCriterionRegistry();
const matches = (condition: string, body: string): boolean =>
  registry
    .compile({ type: 'regex', context: '$response.body', condition })
    .test({ response: { body, headers: {} } } as never);

// [pattern, subject]: each a place where RE2 syntax means something else than ECMAScript's.
const AGREEMENT: readonly (readonly [string, string])[] = [
  ['^2\\d{2}$', '200'],
  ['^2\\d{2}$', '2000'],
  ['^\\d+$', '123\n'],
  ['a.b', 'a\nb'],
  ['a.b', 'a\u2028b'],
  ['a.b', 'a\rb'],
  ['a.b', 'axb'],
  ['^\\s$', '\u00a0'],
  ['^\\s$', '\ufeff'],
  ['^\\S$', '\u00a0'],
  ['^[^\\s]$', '\u3000'],
  ['^\\v$', '\u000b'],
  ['^[^]$', '\n'],
  ['[]', 'a'],
  ['x{', 'x{'],
  ['a{,3}', 'a{,3}'],
  ['}', '}'],
  [']', 'x]'],
  ['^\\u00e9$', 'é'],
  ['^\\uD83D\\uDE00$', '😀'],
  ['^\\x41$', 'A'],
  ['^\\x4$', 'x4'],
  ['^\\cJ$', '\n'],
  ['^\\q$', 'q'],
  ['^\\a$', 'a'],
  ['^\\p{L}$', 'p{L}'],
  ['^\\z$', 'z'],
  ['\\/', '/'],
  ['[\\w-]', '-'],
  ['[a-z\\d]', '5'],
  ['^[\\b]$', '\b'],
  ['\\bfoo\\b', 'a foo b'],
  ['(?<year>\\d{4})-(\\d{2})', '2024-05'],
  ['(?<=a)b', 'ab'],
  ['(?<!a)b', 'ab'],
  ['(?<=(a))b', 'ab'],
  ['tok_[A-Za-z0-9]{8,}', 'tok_abcdefgh'],
  ['^(a|ab)(c|bcd)(d*)$', 'abcd'],
];

describe('§4.6.10 regex: ECMAScript meaning on a linear-time engine', () => {
  for (const [pattern, subject] of AGREEMENT) {
    it(`/${pattern}/ on ${JSON.stringify(subject)} as RegExp does`, () => {
      expect(matches(pattern, subject)).toBe(new RegExp(pattern).test(subject));
    });
  }

  it('ends at once on a catastrophic pattern that RegExp would take years over', () => {
    expect(matches('^(a+)+$', `${'a'.repeat(5000)}!`)).toBe(false);
    expect(matches('^(a|a)*$', `${'a'.repeat(5000)}!`)).toBe(false);
    expect(matches('^(\\w+\\s?)*$', `${'word '.repeat(2000)}!`)).toBe(false);
    expect(matches('^(a+)+$', 'a'.repeat(5000))).toBe(true);
  });

  for (const [pattern, why] of [
    ['(a)\\1', 'backreferences'],
    ['(?<n>a)\\k<n>', 'named backreferences'],
    ['(?=a)a', 'lookahead'],
    ['a(?!b)', 'lookahead'],
    ['a{1001}', 'repeat count 1001'],
    ['(', 'does not compile'],
  ] as const) {
    it(`refuses /${pattern}/ at load with a CriterionSyntaxError naming ${why}`, () => {
      expect(() => matches(pattern, 'a')).toThrow(CriterionSyntaxError);
      expect(() => matches(pattern, 'a')).toThrow(why);
    });
  }

  it('agrees with RegExp on random patterns and subjects', () => {
    const atom = fc.constantFrom(
      'a',
      'b',
      '.',
      '\\d',
      '\\s',
      '\\S',
      '\\w',
      '\\W',
      '[ab]',
      '[^a]',
      '[a-c\\s]',
      '\\.',
      '^',
      '$',
      '\\b',
      ' ',
      '\\u00a0',
      '[^]',
    );
    const pattern: fc.Arbitrary<string> = fc.letrec<{ p: string }>((tie) => ({
      p: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        atom,
        fc.tuple(tie('p'), tie('p')).map(([x, y]) => `${x}${y}`),
        fc.tuple(tie('p'), tie('p')).map(([x, y]) => `(?:${x}|${y})`),
        fc.tuple(tie('p'), fc.constantFrom('?', '*', '+', '{1,2}', '*?')).map(([x, q]) => `(${x})${q}`),
      ),
    })).p;
    const subject = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', ' ', '\n', '1', '.', '\u00a0', '\u2028'),
      maxLength: 10,
    });
    fc.assert(
      fc.property(pattern, subject, (p, s) => {
        expect(matches(p, s)).toBe(new RegExp(p).test(s));
      }),
      { numRuns: 400, seed: 14 },
    );
  });
});
