import path from 'node:path';
import { lintDocument, resolveDocument, type SourceLoader, TelaioError } from '@telaio/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

/** Serves only what a test gives it; everything else is missing. */
function memoryLoader(files: Record<string, string>): SourceLoader {
  return {
    async load(uri) {
      const text = files[uri];
      if (text === undefined) throw new TelaioError('source-unresolved', `file not found: ${uri}`);
      return { uri, text };
    },
  };
}

const dir = path.resolve('/virtual/flows');
const OPENAPI = `openapi: 3.0.3
info: {title: pets, version: '1'}
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - {name: petId, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
`;
const DOC = `arazzo: 1.0.1
info:
  title: t
  version: '1'
sourceDescriptions:
  - name: pets
    url: ./pets.yaml
    type: openapi
workflows:
  - workflowId: main
    steps:
      - stepId: get
        operationId: getPet
        parameters:
          - name: petId
            in: path
            value: '42'
`;

async function lint(text: string) {
  const resolved = await resolveDocument(path.join(dir, 'test.arazzo.yaml'), {
    text,
    cache: false,
    loader: memoryLoader({ [path.join(dir, 'pets.yaml')]: OPENAPI }),
  });
  return lintDocument(resolved).map((d) => ({
    code: d.code,
    line: d.range.start.line,
    severity: d.severity,
    message: d.message,
  }));
}

describe('lintDocument passes on the resolver codes, each at its line', () => {
  it('a valid document resolved for real has none', async () => {
    expect(await lint(DOC)).toEqual([]);
  });

  it('yaml-syntax', async () => {
    const found = await lint(DOC.replace('  title: t\n', '  title: [t\n'));
    expect(found.map((d) => [d.code, d.line])).toEqual([['yaml-syntax', 4]]);
  });

  it('schema: a missing required field, and the semantic rules stay quiet below it', async () => {
    const found = await lint(DOC.replace('        operationId: getPet\n', ''));
    expect(found).toMatchObject([{ code: 'schema', line: 12 }]);
  });

  it('unsupported-version', async () => {
    expect(await lint(DOC.replace('arazzo: 1.0.1', 'arazzo: 2.0.0'))).toMatchObject([
      { code: 'unsupported-version', line: 1 },
    ]);
  });

  it('source-unresolved, and no operation-unknown guessed behind it', async () => {
    const found = await lint(DOC.replace('./pets.yaml', './missing.yaml').replace('getPet', 'getPte'));
    expect(found).toMatchObject([{ code: 'source-unresolved', line: 7 }]);
  });

  it('operation-unknown through the real operation index', async () => {
    expect(await lint(DOC.replace('operationId: getPet', 'operationId: getPte'))).toMatchObject([
      { code: 'operation-unknown', line: 13 },
    ]);
  });

  it('never throws on mutated documents going through the resolver and the schema', async () => {
    const seed = parse(DOC) as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 1 })), { minLength: 1, maxLength: 3 }),
        async (edits) => {
          const doc = structuredClone(seed) as Record<string, unknown>;
          for (const [pick, value] of edits) {
            // Replace one node found by walking `pick` down the tree.
            let node: unknown = doc;
            let n = pick;
            for (;;) {
              const keys = node !== null && typeof node === 'object' ? Object.keys(node) : [];
              if (keys.length === 0 || n % 4 === 0) break;
              const key = keys[n % keys.length]!;
              const child = (node as Record<string, unknown>)[key];
              if (child === null || typeof child !== 'object' || n < 8) {
                (node as Record<string, unknown>)[key] = value;
                break;
              }
              node = child;
              n = Math.floor(n / 3);
            }
          }
          const found = await lint(stringify(doc));
          expect(found.filter((d) => d.code === 'lint-internal')).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
