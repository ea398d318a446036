import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { isLazyValue } from '../../src/yaml/lazy-region.js';
import { type FastYamlOptions, parseYamlFast } from '../../src/yaml/parse-yaml-fast.js';
import { firstDifference } from './differential.js';

/**
 * The lazy parse (`lazy: true`): the whole text is checked first, large values below mapping keys
 * are built on first read. Whatever is deferred, the outcome is the eager parse's: the same give-ups
 * (so js-yaml still reports every error, with its line and column), the same values, and objects
 * that enumerate, serialise, clone, spread and accept writes as plain ones. (The differential,
 * corpus and fuzz tests also compare every text lazily, with every value on its own lines deferred.)
 */
const SOURCES: FastYamlOptions = { schema: 'default', json: true };
const ARAZZO: FastYamlOptions = { schema: 'core', json: false };
const lazily = (text: string, mode: FastYamlOptions = SOURCES, lazyMinLength = 1) =>
  parseYamlFast(text, { ...mode, lazy: true, lazyMinLength });

/** An OpenAPI-like text with one used and one unused path item; `unused` is spliced into the latter. */
const api = (unused = '') => `openapi: 3.1.0
info:
  title: t
  version: '1'
paths:
  /used:
    get:
      operationId: used
      responses:
        '200':
          description: ok
  /unused:
    post:
      operationId: unused
      x-code-samples:
      - lang: js
        source: "fetch('/unused', {\\n  method: 'POST',\\n  headers: { 'content-type': 'application/json' },\\n\\
          \\  body: JSON.stringify({ name: 'Rex', kind: 'dog', owner: { name: 'Ann', email: 'ann@example.com' } })\\n})\\
          .then((response) => response.json())\\n.then((pet) => console.log(pet.name))"
${unused}      responses:
        '201':
          description: created
components:
  schemas:
    Pet:
      type: object
      properties:
        name:
          type: string
`;

describe('lazy parse: 3.2.1.1 deferred values equal the eager parse and js-yaml', () => {
  it('every value, read in any order, is js-yaml’s', () => {
    const text = api();
    const lazy = lazily(text);
    expect(lazy.ok).toBe(true);
    const value = (lazy as { value: Record<string, unknown> }).value;
    // Read from the bottom up first: building order changes nothing.
    expect((value.components as Record<string, Record<string, unknown>>).schemas?.Pet).toEqual(
      (load(text) as Record<string, Record<string, Record<string, unknown>>>).components?.schemas?.Pet,
    );
    expect(firstDifference(value, load(text, { json: true }), '')).toBeUndefined();
    expect(JSON.stringify(value)).toBe(JSON.stringify(load(text, { json: true })));
  });

  it('defers only values of at least lazyMinLength characters (256 by default)', () => {
    const text = api();
    const small = (lazily(text, SOURCES, 256) as { value: Record<string, unknown> }).value;
    expect(isLazyValue(small, 'paths')).toBe(true);
    expect(isLazyValue(small, 'info')).toBe(false);
    const paths = small.paths as Record<string, unknown>;
    // Reading `paths` built it; its small path item was built with it, the large one deferred.
    expect(isLazyValue(small, 'paths')).toBe(false);
    expect(isLazyValue(paths, '/used')).toBe(false);
    expect(isLazyValue(paths, '/unused')).toBe(true);
    expect(parseYamlFast(text, SOURCES)).toEqual(lazily(text, SOURCES, 256));
  });
});

describe('lazy parse: 7.3, 8.1 long scalars on their key’s line are deferred too', () => {
  it('plain (folded over lines), double-quoted, single-quoted and block scalars read as js-yaml reads them', () => {
    const words = 'word '.repeat(60).trim();
    const text = `plain: ${words}\n  ${words}\ndouble: "${words} \\u00e9\\n"\nsingle: '${words} '' end'\nblock: |\n  ${words}\n\n  ${words}\nshort: x\n`;
    const value = (lazily(text, SOURCES, 256) as { value: Record<string, unknown> }).value;
    expect(['plain', 'double', 'single', 'block', 'short'].map((k) => isLazyValue(value, k))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(value).toEqual(load(text, { json: true }));
    expect(Object.keys(value)).toEqual(['plain', 'double', 'single', 'block', 'short']);
  });
});

describe('lazy parse: deferred values behave as plain properties', () => {
  const fresh = () => (lazily(api()) as { value: Record<string, unknown> }).value;
  const eager = () => (parseYamlFast(api(), SOURCES) as { value: Record<string, unknown> }).value;

  it('Object.keys order, entries, spread, JSON.stringify and structuredClone are the eager ones', () => {
    expect(Object.keys(fresh())).toEqual(Object.keys(eager()));
    expect(Object.keys(fresh().paths as object)).toEqual(['/used', '/unused']);
    expect(Object.entries(fresh())).toEqual(Object.entries(eager()));
    expect({ ...fresh() }).toEqual({ ...eager() });
    expect(JSON.stringify(fresh(), null, 1)).toBe(JSON.stringify(eager(), null, 1));
    expect(structuredClone(fresh())).toEqual(eager());
    expect(Object.getPrototypeOf(fresh())).toBe(Object.prototype);
  });

  it('the first read leaves a plain data property in its place, read again as the same object', () => {
    const value = fresh();
    expect(isLazyValue(value, 'paths')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(value, 'paths')?.get).toBeTypeOf('function');
    const paths = value.paths;
    expect(Object.getOwnPropertyDescriptor(value, 'paths')).toEqual({
      value: paths,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(value.paths).toBe(paths);
    expect(Object.keys(value)).toEqual(Object.keys(eager()));
  });

  it('a write or a delete before the first read acts as on a plain property', () => {
    const written = fresh();
    written.paths = 'replaced';
    expect(written.paths).toBe('replaced');
    expect(Object.keys(written)).toEqual(Object.keys(eager()));
    const deleted = fresh();
    expect(delete deleted.paths).toBe(true);
    expect(Object.keys(deleted)).toEqual(['openapi', 'info', 'components']);
  });

  it('a mapping frozen before the first read still gives one value, every time', () => {
    const value = Object.freeze(fresh());
    const paths = value.paths;
    expect(paths).toEqual(eager().paths);
    expect(value.paths).toBe(paths);
    expect(Object.isFrozen(value)).toBe(true);
  });

  it('duplicate keys (json): the last value wins in place, deferred or not', () => {
    const big = 'x'.repeat(300);
    const text = `a:\n  b: ${big}\nc: 1\na: 2\n`;
    const lazy = lazily(text, SOURCES, 256) as { value: Record<string, unknown> };
    expect(Object.keys(lazy.value)).toEqual(['a', 'c']);
    expect(lazy.value).toEqual({ a: 2, c: 1 });
    const reverse = `a: 2\nc: 1\na:\n  b: ${big}\n`;
    expect((lazily(reverse, SOURCES, 256) as { value: unknown }).value).toEqual(
      load(reverse, { json: true }),
    );
  });

  it('a deferred `__proto__` key is an own property, as js-yaml makes it', () => {
    const text = `__proto__:\n  polluted: ${'y'.repeat(300)}\n`;
    const value = (lazily(text, SOURCES, 256) as { value: Record<string, unknown> }).value;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(JSON.stringify(value)).toBe(JSON.stringify(load(text, { json: true })));
  });
});

describe('lazy parse: 7.3.1 escapes inside values nobody reads are checked, not misread', () => {
  it('good escapes (\\\\ then q, \\x, \\u, \\U up to 10FFFF, escaped line breaks and spaces) read as js-yaml reads them', () => {
    const good = `        x-good: "a \\\\q \\x41 \\u00e9 \\U0010FFFF \\U0001F600 \\"q\\" \\/ \\N\\_\\L\\P\\0\\e\\
          \\ end"\n`;
    const text = api(`      x-extra:\n        x-pad: 1\n${good}`);
    const lazy = lazily(text, SOURCES, 1);
    expect(lazy.ok).toBe(true);
    expect(JSON.stringify((lazy as { value: unknown }).value)).toBe(
      JSON.stringify(load(text, { json: true })),
    );
  });
});

describe('lazy parse: errors inside values nobody reads give up as the eager parse does', () => {
  const cases: [string, string, FastYamlOptions][] = [
    ['7.3.1 a bad escape in a double-quoted scalar', `        x-bad: "a \\q b"\n`, SOURCES],
    ['7.3.1 a \\U escape beyond Unicode', `        x-bad: "\\U00110000"\n`, SOURCES],
    ['7.3.1 a \\x escape with one hex digit', `        x-bad: "a \\x4g"\n`, SOURCES],
    ['7.3.1 a \\u escape cut by the closing quote', `        x-bad: "a \\u00e"\n`, SOURCES],
    ['7.3.1 a bad escape on a continuation line', `        x-bad: "a\n          b \\c"\n`, SOURCES],
    ['9.1.4 a document marker inside a quoted scalar', `        x-bad: "a\n---\n  b"\n`, SOURCES],
    ['8.2.2 bad indentation of a mapping entry', `        x-a: 1\n         x-b: 2\n`, SOURCES],
    ['7.3.3 a plain scalar holding ": "', `        x-bad: a: b\n`, SOURCES],
    ['8.1.1 text after a block scalar header', `        x-bad: |x\n          text\n`, SOURCES],
    ['10.3.2 a merge key (DEFAULT_SCHEMA)', `        <<: { a: 1 }\n`, SOURCES],
    ['3.2.1.1 a duplicate key (Arazzo: no json option)', `        x-a: 1\n        x-a: 2\n`, ARAZZO],
    ['6.8 a directive-like line is not the issue: an anchor is', `        x-a: &anchor 1\n`, SOURCES],
  ];
  for (const [section, bad, mode] of cases) {
    it(section, () => {
      const text = api(`      x-extra:\n        x-pad: 1\n${bad}`);
      const eager = parseYamlFast(text, mode);
      expect(eager.ok).toBe(false);
      expect(lazily(text, mode, 1).ok).toBe(false);
      expect(lazily(text, mode, 256).ok).toBe(false);
      // Without the error, the same text reads.
      expect(lazily(api('      x-extra:\n        x-pad: 1\n'), mode).ok).toBe(true);
    });
  }
});
