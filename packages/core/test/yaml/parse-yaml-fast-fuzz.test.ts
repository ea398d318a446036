import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareWithJsYaml, MODES, type Verdict } from './differential.js';
import { createRandom, generateYaml, mutateOnce } from './generate-yaml.js';

/**
 * Seeded fuzzing of the fast reader against js-yaml: generated block-style documents, and random
 * single-character mutations of generated documents and of the project's fixtures. Whatever the
 * text, the fast reader either gives js-yaml's exact value or gives up (never accepts what js-yaml
 * rejects). Fixed seeds: a failure names its seed and text, and reproduces.
 */
/** `TELAIO_FUZZ_SCALE=N` runs N times as many cases (and other seeds), e.g. for a long run by hand. */
const SCALE = Math.max(1, Number(process.env.TELAIO_FUZZ_SCALE ?? 1));
const SEED_OFFSET = SCALE > 1 ? Date.now() % 100_000 : 0;

function failureOf(text: string, seed: number): string | undefined {
  for (const mode of MODES) {
    const verdict: Verdict = compareWithJsYaml(text, mode);
    if (verdict.kind === 'different')
      return `case ${seed} (seed offset ${SEED_OFFSET}), ${mode.name}: ${verdict.detail}\n--- text ---\n${JSON.stringify(text)}`;
  }
  return undefined;
}

describe('parseYamlFast fuzz (seeded) against js-yaml', () => {
  it(
    'generated documents: same value, and the fast reader reads most of them',
    () => {
      const random = createRandom(20261206 + SEED_OFFSET);
      let same = 0;
      const total = 600 * SCALE;
      for (let i = 0; i < total; i++) {
        const text = generateYaml(random);
        const failure = failureOf(text, i);
        expect(failure).toBeUndefined();
        if (compareWithJsYaml(text, MODES[0]!).kind === 'same') same++;
      }
      // Most generated texts are valid YAML the fast reader handles (some are invalid on purpose).
      expect(same / total).toBeGreaterThan(0.5);
    },
    20_000 * SCALE,
  );

  it(
    'single-character mutations of generated documents',
    () => {
      const random = createRandom(7 + SEED_OFFSET);
      for (let i = 0; i < 1500 * SCALE; i++) {
        const text = mutateOnce(generateYaml(random), random);
        expect(failureOf(text, i)).toBeUndefined();
      }
    },
    20_000 * SCALE,
  );

  it(
    "single-character mutations of the project's YAML fixtures",
    () => {
      const root = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
      const files: string[] = [];
      const walk = (dir: string): void => {
        for (const name of readdirSync(dir)) {
          const full = path.join(dir, name);
          if (statSync(full).isDirectory()) walk(full);
          else if (/\.ya?ml$/.test(name) && statSync(full).size < 20_000) files.push(full);
        }
      };
      walk(root);
      expect(files.length).toBeGreaterThan(10);
      const random = createRandom(42 + SEED_OFFSET);
      for (let i = 0; i < 1500 * SCALE; i++) {
        const file = files[Math.floor(random() * files.length)] as string;
        let text = readFileSync(file, 'utf8');
        const rounds = 1 + Math.floor(random() * 3);
        for (let k = 0; k < rounds; k++) text = mutateOnce(text, random);
        expect(failureOf(text, i)).toBeUndefined();
      }
    },
    20_000 * SCALE,
  );
});
