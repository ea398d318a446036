import { describe, expect, it } from 'vitest';
import { parseYamlFast } from '../../src/yaml/parse-yaml-fast.js';
import { compareWithJsYaml, MODES } from './differential.js';

/**
 * One test per YAML feature, named by its YAML 1.2.2 section: the fast reader must give js-yaml's
 * exact value (in both ways telaio calls js-yaml), or give up where the case says so.
 */
interface Case {
  readonly section: string;
  readonly text: string;
  /** `same` in both modes by default; `sources`/`arazzo`: the other mode gives up. */
  readonly expect?: 'same' | 'gave-up' | 'same-in-sources' | 'same-in-arazzo';
}

const SUPPORTED: Case[] = [
  { section: '2.1 block sequence of plain scalars', text: '- Mark McGwire\n- Sammy Sosa\n- Ken Griffey\n' },
  {
    section: '2.2 block mapping of scalars',
    text: 'hr:  65    # Home runs\navg: 0.278 # Batting average\nrbi: 147\n',
  },
  {
    section: '2.4 sequence of mappings (compact)',
    text: '-\n  name: Mark McGwire\n  hr:   65\n- name: Sammy Sosa\n  hr:   63\n',
  },
  {
    section: '2.5 sequence of flow sequences',
    text: '- [name        , hr, avg  ]\n- [Mark McGwire, 65, 0.278]\n',
  },
  {
    section: '2.6 mapping of flow mappings',
    text: 'Mark McGwire: {hr: 65, avg: 0.278}\nSammy Sosa: {\n    hr: 63 }\n',
    expect: 'gave-up',
  },
  {
    section: '2.3 mapping to compact sequences (key:\\n- item)',
    text: 'american:\n- Boston Red Sox\n- Detroit Tigers\nnational:\n- New York Mets\n',
  },
  {
    section: '6.1 indentation: nested mappings at any width',
    text: 'a:\n     b:\n       c: 1\n     d: 2\ne: 3\n',
  },
  { section: '6.1 indentation: root indented', text: '  a: 1\n  b:\n    - x\n' },
  {
    section: '6.6 comments: full-line, trailing, between entries',
    text: '# head\na: 1 # one\n  # indented comment\n\n# more\nb: "x" # two\nc: [1] # three\n',
  },
  { section: '6.7 separation lines: blank lines with spaces', text: 'a: 1\n   \n\nb:\n\n  - 2\n\n  -   3\n' },
  {
    section: '7.3.1 double-quoted: escapes',
    text: 'a: "tab\\t nl\\n q\\" bs\\\\ sl\\/ x\\x41 u\\u00e9 U\\U0001F600 z\\0 e\\e N\\N _\\_ L\\L P\\P sp\\ "\n',
  },
  {
    section: '7.3.1 double-quoted: folding, trailing spaces, empty lines',
    text: 'a: "one   \n   two\n\n   three\n\n\n   four"\n',
  },
  { section: '7.3.1 double-quoted: escaped line break', text: 'a: "one \\\n     two\\\n\n  three"\n' },
  { section: '7.3.1 double-quoted: lines less indented than the key', text: 'k:\n  a: "one\n two\nthree"\n' },
  {
    section: '7.3.2 single-quoted: quote escape and folding',
    text: "a: 'it''s'\nb: 'one\n  two   \n\n  three'''\nc: ''\n",
  },
  { section: '7.3.2 single-quoted keys', text: "'a b': 1\n\"c: d\": 2\n'': 3\n" },
  {
    section: '7.3.3 plain: multi-line folding',
    text: 'a: one\n  two\n     three\n\n  four\n\n\n  five\nb: x\n',
  },
  {
    section: '7.3.3 plain: indicators inside',
    text: 'a: b:c d#e -f ?g [h] {i} "j" \'k\' &l *m !n |o >p %q @r `s\nb: -1x\nc: ?x\nd: :x\n',
  },
  {
    section: '7.3.3 plain: continuation lines that look like other nodes',
    text: 'a: one\n  - two\n  [three]\n  "four"\n  # five\nb: 1\n',
  },
  { section: '7.3.3 plain: ends at a comment line', text: 'a: one\n  two\n  # comment\nb: 2\n' },
  {
    section: '7.3.3 plain: value on the line after its key',
    text: 'a:\n  one\n  two\nb:\n    three\n  four\n',
  },
  {
    section: '7.4.1 flow sequences: nesting, empty, trailing comma',
    text: 'a: [1, [2, 3], [], {}, "x", \'y\', ]\nb: []\n',
  },
  {
    section: '7.4.2 flow mappings: implicit null, JSON-like keys',
    text: 'a: {x: 1, y, "z":2, w: }\nb: {}\nc: {a:b}\n',
  },
  { section: '7.4.1 flow sequences: single-pair mappings', text: 'a: [x: 1, y: [2], "z": 3]\n' },
  { section: '7.4 flow collections as the root', text: '{a: 1, b: [2, 3]}\n' },
  { section: '8.1.1.1 block indentation indicator', text: 'a: |2\n    two more\n  base\nb: >1\n  x\n' },
  {
    section: '8.1.1.2 block chomping: strip, clip, keep',
    text: 'strip: |-\n  text\n\n\nclip: |\n  text\n\n\nkeep: |+\n  text\n\n\nlast: >+\n  x\n\n',
  },
  {
    section: '8.1.2 literal style',
    text: 'a: |\n  line one\n    indented\n\n  line three\n  # not a comment\n  c: not a key\nc: |  # comment\n  x\n',
  },
  {
    section: '8.1.3 folded style with more-indented lines',
    text: 'a: >\n  folded\n  line\n\n    more\n    indented\n\n  back\n\n  again\nb: >-\n\n  leading empty\n',
  },
  { section: '8.1 block scalars in sequences', text: '- |\n  one\n- >-\n  two\n  three\n-\n  |\n   four\n' },
  { section: '8.1 block scalar: empty', text: 'a: |\nb: >+\n\nc: 1\n' },
  { section: '8.2.1 block sequences: nested compact', text: '- - a\n  - b\n- - - c\n-\n  - d\n- \n- e\n' },
  { section: '8.2.1 block sequences: empty entries', text: 'a:\n- \n-\n- # c\n- x\n' },
  { section: '8.2.2 block mappings: empty values are null', text: 'a:\nb: # c\nc:\n\nd: 1\n' },
  {
    section: '8.2.2 block mappings: nested compact in sequences',
    text: '- a: 1\n  b:\n  - x\n  - y: 2\n    z: 3\n- c: {d: 4}\n',
  },
  { section: '9.1 document start marker', text: '# c\n--- # comment\na: 1\n' },
  { section: '9.1 document end marker', text: 'a: 1\n...\n# trailing\n' },
  {
    section: '10.2 JSON schema: null, bool, int, float',
    text: 'a: [null, Null, NULL, ~, true, True, TRUE, false, FALSE, 0, -0, +12, 012, 3.5, -1.5e3, 1e5, .5]\n',
  },
  {
    section: '10.3 core schema: octal, hex, inf, nan',
    text: 'a: [0o17, 0x1F, -0x1f, .inf, -.Inf, +.INF, .nan, .NaN]\n',
  },
  {
    section: '10.3 core schema: strings that look like values',
    text: 'a: [nul, yes, no, on, off, 1_000, 0b, 0x, 1.2.3, 1e, "1", \'true\', 0o8]\n',
  },
  {
    section: '10.3 js-yaml extras: binary ints, huge ints',
    text: 'a: [0b101, -0b1, 123456789012345678901234567890, 1e400]\n',
  },
  {
    section: '10.3 non-string keys become strings',
    text: '1: a\n2.50: b\ntrue: c\nnull: d\n0x10: f\n.inf: g\n-0: h\n',
  },
  {
    section: 'js-yaml DEFAULT_SCHEMA timestamps (strings in CORE_SCHEMA)',
    text: 'a: 2001-12-14\nb: 2001-12-14t21:59:43.10-05:00\nc: 2001-12-14 21:59:43.10 +5\nd: 2002-1-1 1:00:00\n2001-01-01: key\n',
  },
  { section: '__proto__ key stays an own property', text: '__proto__: {polluted: 1}\nb: 2\n' },
  {
    section: 'duplicate keys: last wins with json (sources); js-yaml throws otherwise',
    text: 'a: 1\nb: 2\na: 3\n',
    expect: 'same-in-sources',
  },
  {
    section: 'merge key: DEFAULT_SCHEMA merges (gave up); CORE_SCHEMA keeps "<<"',
    text: '<<: {a: 1}\nb: 2\n',
    expect: 'same-in-arazzo',
  },
  {
    section: '5.4 CR LF line breaks',
    text: 'a: 1\r\nb: |\r\n  x\r\n\r\n  y\r\nc: "p\r\n  q"\r\nd: r\r\n  s\r\n',
  },
  { section: 'byte order mark, missing final line break', text: '\ufeffa: 1\nb: é 😀' },
  {
    section: 'keys with spaces and colons, values with trailing spaces',
    text: 'a b: 1\nc:d: 2\ne  :   f   \n"g" : h\n',
  },
];

const GIVE_UP: Case[] = [
  { section: '6.8 directives', text: '%YAML 1.2\n---\na: 1\n' },
  { section: '6.9.1 node tags', text: 'a: !!str 1\n' },
  { section: '6.9.2 node anchors and 7.1 alias nodes', text: 'a: &x 1\nb: *x\n' },
  { section: '8.2.2 explicit keys (?)', text: '? a\n: 1\n' },
  { section: '6.1 tabs', text: 'a:\t1\n' },
  { section: '5.4 lone CR line breaks', text: 'a: 1\rb: 2\r' },
  { section: '9.2 several documents', text: 'a: 1\n---\nb: 2\n' },
  { section: '7.4 flow collections over several lines', text: 'a: [1,\n  2]\n' },
  { section: '7.3.3 plain root scalar', text: 'just text\n' },
  { section: '9.2 empty document', text: '# only a comment\n' },
  { section: 'nesting deeper than js-yaml allows', text: `${'['.repeat(120)}${']'.repeat(120)}\n` },
  { section: 'syntax error: value holds ": "', text: 'a: b: c\n' },
  { section: 'syntax error: bad indentation of a mapping entry', text: 'a: 1\n  b: 2\n' },
  { section: 'syntax error: bad indentation of a sequence entry', text: '- [a]\n  - b\n' },
  { section: 'syntax error: unterminated quoted scalar', text: 'a: "abc\n' },
  { section: 'syntax error: unknown escape', text: 'a: "\\q"\n' },
  { section: 'syntax error: text after a quoted scalar', text: 'a: "x" y\n' },
  { section: 'syntax error: mapping after a sequence at the same indentation', text: '- a\nb: 1\n' },
  { section: 'syntax error: document marker inside a quoted scalar', text: 'a: "x\n--- y"\n' },
];

describe("parseYamlFast: supported features give js-yaml's value", () => {
  for (const c of SUPPORTED) {
    it(c.section, () => {
      for (const mode of MODES) {
        const verdict = compareWithJsYaml(c.text, mode);
        const expected =
          c.expect === 'same-in-sources'
            ? mode.json
              ? 'same'
              : 'gave-up'
            : c.expect === 'same-in-arazzo'
              ? mode.json
                ? 'gave-up'
                : 'same'
              : (c.expect ?? 'same');
        expect({ mode: mode.name, verdict: verdict.kind, detail: verdict }).toMatchObject({
          mode: mode.name,
          verdict: expected,
        });
      }
    });
  }
});

describe('parseYamlFast: gives up (js-yaml decides) on what it does not read with certainty', () => {
  for (const c of GIVE_UP) {
    it(c.section, () => {
      for (const mode of MODES) {
        expect(parseYamlFast(c.text, mode)).toMatchObject({ ok: false });
      }
    });
  }
});

describe('parseYamlFast: values', () => {
  it('7.3.3 folds a wrapped plain scalar as YAML 1.2 does (one break a space, two a line feed)', () => {
    const result = parseYamlFast('a: one\n  two\n\n  three\n', { schema: 'default', json: true });
    expect(result).toEqual({ ok: true, value: { a: 'one two\nthree' } });
  });

  it('10.3 keeps number types: -0 and NaN', () => {
    const result = parseYamlFast('a: [-0.0, .nan, 1]\n', { schema: 'core', json: false });
    expect(result.ok).toBe(true);
    const [negativeZero, nan, one] = (result as { value: { a: number[] } }).value.a;
    expect(Object.is(negativeZero, -0)).toBe(true);
    expect(Number.isNaN(nan)).toBe(true);
    expect(one).toBe(1);
  });
});
