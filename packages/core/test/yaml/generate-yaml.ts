/**
 * A seeded generator of block-style YAML texts for the differential fuzz tests: nested mappings and
 * sequences (indented and compact), plain scalars (wrapped over lines, with blank lines), quoted
 * scalars (escapes, folds, continuations), block scalars (indicators, more-indented and empty lines),
 * one-line flow collections, comments and document markers. Not every text it makes is valid YAML:
 * both parsers must agree on whatever it makes.
 */

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same texts on every machine. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'a',
  'word',
  'two words',
  'null',
  '~',
  'True',
  'FALSE',
  'yes',
  '0',
  '-0',
  '+7',
  '012',
  '0x1F',
  '0o17',
  '0b11',
  '1.5',
  '-1.5e3',
  '.5',
  '-.inf',
  '.NaN',
  '1e3',
  '1_000',
  '2001-12-14',
  '2001-12-14 21:59:43.10 -5',
  '2002-1-1T1:00:00Z',
  'a:b',
  'c#d',
  'https://x.y/z?q=1#f',
  '-x',
  '?y',
  ':z',
  '<<',
  'é',
  '😀',
  'a [b] {c}',
  'x, y',
  "it's",
  'say "hi"',
  'back\\slash',
  '$ref',
  '#/components/schemas/A',
  '---x',
  '...y',
  'tab\\t',
];

const KEYS = [
  'a',
  'b',
  'key',
  'two words',
  '1',
  'null',
  'true',
  '$ref',
  'x-y',
  'a:b',
  '<<',
  '__proto__',
  'é',
  '0x10',
];

/** One generated YAML text. */
export function generateYaml(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number): boolean => random() < p;
  const lines: string[] = [];
  if (chance(0.1)) lines.push(chance(0.5) ? '---' : '--- # start');
  if (chance(0.1)) lines.push('# heading comment');

  const comment = (): string => (chance(0.15) ? ` # ${pick(WORDS)}` : '');
  const pad = (n: number): string => ' '.repeat(n);

  const plainWords = (): string => {
    const n = 1 + Math.floor(random() * 4);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(pick(WORDS));
    return words.join(' ');
  };

  const quoted = (): string => {
    const text = plainWords();
    if (chance(0.5)) return `'${text.replace(/'/g, "''")}'`;
    const escapes = ['\\n', '\\t', '\\"', '\\\\', '\\x41', '\\u00e9', '\\U0001F600', '\\/', '\\ ', '\\_'];
    return `"${text.replace(/["\\]/g, '')}${chance(0.5) ? pick(escapes) : ''}"`;
  };

  /** A scalar that starts after `key: ` or `- ` (block scalars and wrapped scalars add lines). */
  const inlineScalar = (indent: number): string[] => {
    const r = random();
    if (r < 0.45) return [plainWords() + comment()];
    if (r < 0.6) {
      // wrapped plain scalar, continuation lines deeper than `indent`
      const out = [plainWords()];
      const n = 1 + Math.floor(random() * 3);
      for (let i = 0; i < n; i++) {
        if (chance(0.2)) out.push('');
        out.push(pad(indent + 1 + Math.floor(random() * 3)) + plainWords());
      }
      return out;
    }
    if (r < 0.75) {
      const q = quoted();
      if (!chance(0.3)) return [q + comment()];
      // fold a quoted scalar over lines: trailing spaces, an escaped break or space, blank lines
      const cut = Math.max(2, Math.floor(q.length / 2));
      const ending = q.startsWith('"')
        ? pick(['', '  ', '\\', '\\ ', '\\  ', '\\\\', '\\t '])
        : pick(['', '  ', "''"]);
      const out = [q.slice(0, cut) + ending];
      if (chance(0.3)) out.push(chance(0.5) ? '' : pad(indent + 3));
      out.push(pad(Math.floor(random() * (indent + 3))) + q.slice(cut));
      return out;
    }
    if (r < 0.9) {
      const header = pick(['|', '>', '|-', '>+', '|2', '>-', '|+1']) + (chance(0.1) ? ' # c' : '');
      const out = [header];
      const base = indent + 2;
      const n = 1 + Math.floor(random() * 4);
      for (let i = 0; i < n; i++) {
        if (chance(0.2)) out.push(chance(0.5) ? '' : pad(base + 2));
        out.push(pad(base + (chance(0.2) ? 2 : 0)) + plainWords());
      }
      return out;
    }
    const items = [pick(WORDS), quoted(), pick(['1', 'x', 'true'])];
    return chance(0.5) ? [`[${items.join(', ')}]`] : [`{k: ${items[0]}, "q": ${items[2]}, z}`];
  };

  const mapping = (indent: number, depth: number, firstInline: string | undefined): void => {
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) {
      const keyText = chance(0.15) ? `"${pick(KEYS)}"` : pick(KEYS);
      const prefix = i === 0 && firstInline !== undefined ? firstInline : pad(indent);
      value(`${prefix}${keyText}:`, indent, depth, true);
      if (chance(0.1)) lines.push(pad(Math.floor(random() * (indent + 2))) + '# between');
      if (chance(0.05)) lines.push('');
    }
  };

  const sequence = (indent: number, depth: number, firstInline: string | undefined): void => {
    const n = 1 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) {
      const prefix = i === 0 && firstInline !== undefined ? firstInline : pad(indent);
      value(`${prefix}-`, indent, depth, false);
    }
  };

  /** The value after `head` (`key:` or `-`), at a collection indented `indent`. */
  const value = (head: string, indent: number, depth: number, inMapping: boolean): void => {
    const r = random();
    if (depth > 4 || r < 0.55) {
      const [first, ...rest] = inlineScalar(indent);
      lines.push(`${head} ${first}`);
      lines.push(...rest);
      return;
    }
    if (r < 0.6) {
      lines.push(head + comment());
      return;
    }
    if (!inMapping && r < 0.75) {
      // compact: `- key: value` or `- - item`
      const column = head.length + 1;
      if (chance(0.7)) mapping(column, depth + 1, `${head} `);
      else sequence(column, depth + 1, `${head} `);
      return;
    }
    lines.push(head + comment());
    const deeper = indent + 1 + Math.floor(random() * 3);
    if (inMapping && chance(0.3)) sequence(indent, depth + 1, undefined);
    else if (chance(0.5)) sequence(deeper, depth + 1, undefined);
    else mapping(deeper, depth + 1, undefined);
  };

  if (chance(0.8)) mapping(0, 0, undefined);
  else sequence(0, 0, undefined);
  if (chance(0.05)) lines.push('...');
  return `${lines.join('\n')}\n`;
}

/** `text` with one random single-character insertion, deletion or replacement. */
export function mutateOnce(text: string, random: () => number): string {
  const alphabet = [
    ' ',
    ':',
    '-',
    '#',
    "'",
    '"',
    '\n',
    '|',
    '>',
    '[',
    ']',
    '{',
    '}',
    ',',
    '?',
    '&',
    '*',
    '!',
    '%',
    '@',
    '`',
    '.',
    '0',
    'a',
    '\\',
    '\t',
    '\r',
    '~',
    '+',
  ];
  const at = Math.floor(random() * (text.length + 1));
  const char = alphabet[Math.floor(random() * alphabet.length)] as string;
  const op = random();
  if (op < 0.4) return text.slice(0, at) + char + text.slice(at);
  if (op < 0.7) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + char + text.slice(at + 1);
}
