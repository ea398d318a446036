import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusPath, describeCorpus } from '../../../../test/support/shared-corpus.js';
import { compareWithJsYaml, MODES } from './differential.js';
import { yamlFilesUnder } from './yaml-files-under.js';

const repository = fileURLToPath(new URL('../../../../', import.meta.url));

describe("parseYamlFast on the project's own YAML files: js-yaml's value or gives up", () => {
  const files = yamlFilesUnder(repository);

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  for (const file of files) {
    it(path.relative(repository, file), () => {
      const text = readFileSync(file, 'utf8');
      for (const mode of MODES) {
        const verdict = compareWithJsYaml(text, mode);
        expect({ mode: mode.name, verdict }).not.toMatchObject({ verdict: { kind: 'different' } });
      }
    });
  }

  it('reads most of them itself (the fast path is the common path)', () => {
    const read = files.filter(
      (file) => compareWithJsYaml(readFileSync(file, 'utf8'), MODES[0]!).kind === 'same',
    );
    expect(read.length / files.length).toBeGreaterThan(0.9);
  });
});

describeCorpus("parseYamlFast on every YAML file of ../shared: js-yaml's value or gives up", () => {
  const files = corpusAvailable ? yamlFilesUnder(corpusPath()) : [corpusPath('(corpus absent)')];

  for (const file of files) {
    it(path.relative(corpusPath(), file), () => {
      const text = readFileSync(file, 'utf8');
      for (const mode of MODES) {
        const verdict = compareWithJsYaml(text, mode);
        expect({ mode: mode.name, verdict }).not.toMatchObject({ verdict: { kind: 'different' } });
        // The Stytch files are what `telaio validate` reads: the fast reader must take them itself.
        if (file.includes(`${path.sep}stytch${path.sep}`))
          expect({ file, mode: mode.name, verdict: verdict.kind }).toMatchObject({ verdict: 'same' });
      }
    });
  }
});
