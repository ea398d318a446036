import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusPath, describeCorpus } from '../../../../test/support/shared-corpus.js';
import { createRandom, generateYaml, mutateOnce } from './generate-yaml.js';
import { fastPositionsRead, firstPositionDifference } from './positions-differential.js';
import { yamlFilesUnder } from './yaml-files-under.js';

/**
 * The fast reader's positions (createLazyPositionMap) against `yaml`'s: the same line:column for
 * every node and key, on hand-written cases, the project's YAML files, ../shared, and seeded
 * generated and mutated texts. Where the fast reader gives up, the map is `yaml`'s own.
 */
const CASES: [string, string][] = [
  [
    '8.2.2 block mapping, nested, empty values',
    'a: 1\nb:\n  c: x y   \n  d:\n  e: "q"\nf:\n- 1\n- two\n  lines\n-\n',
  ],
  [
    '8.2.1 sequences: compact mappings, nested, empty',
    '- a: 1\n  b:\n  - x\n  -\n  - w\n- - y\n  - "z"\n-\n  k: v\n',
  ],
  ['7.3 quoted scalars over lines, keys quoted', '"a b": "one\n  two"\n\'c\': \'it\'\'s\'\nd: "x"   \n'],
  ['7.3.3 plain scalars wrapped, on the next line', 'a: one\n  two\n\n  three\nb:\n  four\n  five\nc: end'],
  [
    '8.1 block scalars: clip, strip, keep, indicators',
    'a: |\n  x\n\n  \nb: |+\n  x\n\n\nc: >-\n  y\n   \n\nd: |2\n   z\ne: >\n  w\n',
  ],
  ['7.4 empty flow collections', 'a: []\nb: {}\nc:\n- []\n'],
  ['6.1 root indented, deeper nesting', '  a:\n    b:\n      - c: 1\n        d: [ ]\n  e: 2\n'],
  ['a same-line comment after a value', 'a: 1 # one\nb: "x" # two\nc:\n  - x # three\n  - [] # four\n'],
  ['no line break at the end', 'a:\n  b: |+\n    x'],
];

const SHOULD_READ = new Set(CASES.map(([name]) => name));

describe("createLazyPositionMap: fast positions equal `yaml`'s", () => {
  for (const [name, text] of CASES) {
    it(name, () => {
      expect(firstPositionDifference(text)).toBeUndefined();
      if (SHOULD_READ.has(name)) expect(fastPositionsRead(text)).toBe(true);
    });
  }

  it('gives up (yaml decides) on comment lines, flow entries, anchors, markers, empty values with comments', () => {
    const texts = ['a: 1\n# c\nb: 2\n', 'a: [1, 2]\n', 'a: &x 1\nb: *x\n', '---\na: 1\n', 'a: # c\n\nb: 1\n'];
    for (const text of texts) {
      expect(fastPositionsRead(text)).toBe(false);
      expect(firstPositionDifference(text)).toBeUndefined();
    }
  });
});

const repository = fileURLToPath(new URL('../../../../', import.meta.url));

describe("createLazyPositionMap on the project's YAML files", () => {
  for (const file of yamlFilesUnder(repository)) {
    it(path.relative(repository, file), () => {
      expect(firstPositionDifference(readFileSync(file, 'utf8'))).toBeUndefined();
    });
  }
});

describeCorpus('createLazyPositionMap on ../shared', () => {
  const files = corpusAvailable ? yamlFilesUnder(corpusPath()) : [corpusPath('(corpus absent)')];
  for (const file of files) {
    it(path.relative(corpusPath(), file), () => {
      const text = readFileSync(file, 'utf8');
      expect(firstPositionDifference(text)).toBeUndefined();
      // The Stytch workflows are what `telaio validate` reports on: read without `yaml`.
      if (file.includes(`${path.sep}stytch${path.sep}arazzo${path.sep}`))
        expect(fastPositionsRead(text)).toBe(true);
    });
  }
});

describe('createLazyPositionMap fuzz (seeded)', () => {
  const scale = Math.max(1, Number(process.env.TELAIO_FUZZ_SCALE ?? 1));
  it(
    'generated and mutated documents',
    () => {
      const random = createRandom(99 + (scale > 1 ? Date.now() % 100_000 : 0));
      let read = 0;
      const total = 400 * scale;
      for (let i = 0; i < total; i++) {
        let text = generateYaml(random);
        if (random() < 0.5) text = mutateOnce(text, random);
        const difference = firstPositionDifference(text);
        expect(
          difference === undefined ? undefined : `case ${i}: ${difference}\n${JSON.stringify(text)}`,
        ).toBeUndefined();
        if (fastPositionsRead(text)) read++;
      }
      expect(read / total).toBeGreaterThan(0.1);
    },
    30_000 * scale,
  );
});
