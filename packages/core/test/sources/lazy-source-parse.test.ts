/**
 * Sources are parsed lazily (parseSourceText: the fast YAML reader checks the whole text, then builds
 * what is read): the operation index reads each operation's id, method, path, servers and security,
 * and nothing below its responses, parameters or request body until a step uses it. These tests pin
 * that nothing anyone can see changes: errors anywhere in the text are js-yaml's (line and column),
 * values are js-yaml's, operations are the eager build's; and that unused parts stay unbuilt.
 */
import { readFileSync } from 'node:fs';
import { lintDocument, resolveDocument, type SourceLoader, TelaioError } from '@telaio/core';
import { load } from 'js-yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { corpusPath, describeCorpus } from '../../../../test/support/shared-corpus.js';
import { buildOperations } from '../../src/sources/build-operations.js';
import { mayHaveExternalRefs } from '../../src/sources/bundle-external-refs.js';
import { findBrokenLocalRefs } from '../../src/sources/find-broken-refs.js';
import { parseSourceText } from '../../src/sources/parse-source-text.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';
import { isLazyValue } from '../../src/yaml/lazy-region.js';
import { firstDifference } from '../yaml/differential.js';

const SAMPLE = `"fetch('/pets', {\\n  method: 'POST',\\n  headers: { 'content-type': 'application/json' },\\n\\
          \\  body: JSON.stringify({ name: 'Rex', kind: 'dog', owner: { name: 'Ann', email: 'ann@example.com' } })\\n})\\
          .then((response) => response.json())\\n.then((pet) => console.log(pet.name))"`;

/** Two operations, each large enough to be deferred; `extra` is spliced into the unused one. */
const api = (extra = '') => `openapi: 3.1.0
info:
  title: pets
  version: '1'
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
      - name: petId
        in: path
        required: true
        schema:
          type: string
      responses:
        '200':
          description: the pet
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pet'
      x-code-samples:
      - lang: js
        source: ${SAMPLE}
  /pets:
    post:
      operationId: addPet
      requestBody:
        description: the pet to add, with its name, its kind and its owner, in words long enough for the
          request body to be deferred by a lazy parse
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Pet'
${extra}      responses:
        '201':
          description: added
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pet'
              example:
                name: Rex
                kind: dog
                owner:
                  name: Ann
                  email: ann@example.com
                  phone: '+1 555 0100'
                  address: 1 Main Street, Springfield, and a few more words to make it long
      x-code-samples:
      - lang: js
        source: ${SAMPLE}
components:
  schemas:
    Pet:
      type: object
      properties:
        name:
          type: string
        kind:
          type: string
          description: what kind of animal it is, in words long enough for this schema to be deferred
        owner:
          $ref: '#/components/schemas/Owner'
    Owner:
      type: object
      properties:
        name:
          type: string
        email:
          type: string
          description: where the owner reads mail, in words long enough for this schema to be deferred
`;

const workflow = `arazzo: 1.0.1
info: { title: t, version: '1' }
sourceDescriptions:
  - { name: pets, url: ./pets.yaml, type: openapi }
workflows:
  - workflowId: main
    steps:
      - stepId: get
        operationId: getPet
        parameters:
          - { name: petId, in: path, value: '1' }
        outputs:
          name: $response.body#/name
          nick: $response.body#/nick
`;

function memoryLoader(files: Record<string, string>): SourceLoader {
  return {
    async load(uri) {
      const text = files[uri];
      if (text === undefined) throw new TelaioError('source-unresolved', `file not found: ${uri}`);
      return { uri, text };
    },
  };
}

const lint = async (source: string) => {
  const loader = memoryLoader({ '/w/pets.yaml': source });
  const resolved = await resolveDocument('/w/main.arazzo.yaml', { loader, cache: false, text: workflow });
  return lintDocument(resolved).map((d) => `${d.range.start.line} ${d.severity} ${d.rule} ${d.message}`);
};

/** js-yaml's first message line for `text` (what telaio reports after `parse error: `). */
const jsYamlError = (text: string): string => {
  try {
    load(text, { json: true });
  } catch (error) {
    return (error as Error).message.split('\n')[0] as string;
  }
  throw new Error('js-yaml accepted the text');
};

beforeEach(() => clearSourceCache());

describe('OpenAPI 3.1 §4.8.8 Paths Object: errors in operations no step uses are reported as before', () => {
  it('the text without errors: findings only at the used operation', async () => {
    expect(await lint(api())).toEqual([
      "14 warning response-pointer-unknown '$response.body#/nick': no property 'nick' in the 200 response of getPet (properties there: kind, name, owner)",
    ]);
  });

  const broken: [string, string][] = [
    ['a bad indentation', '      x-a: 1\n       x-b: 2\n'],
    ['an unterminated quoted scalar', '      x-a: "open\n'],
    ['a bad escape', '      x-a: "a \\q b"\n'],
    ['a duplicate key in a flow mapping', '      x-a: { b: 1, c: [1, 2 }\n'],
  ];
  for (const [what, extra] of broken) {
    it(`YAML 1.2: ${what} in the unused operation: js-yaml's message, line and column`, async () => {
      const text = api(extra);
      const message = jsYamlError(text);
      expect(message).toMatch(/\(\d+:\d+\)$/);
      const found = await lint(text);
      expect(found.length).toBeGreaterThan(0);
      expect(found.join('\n')).toContain(`parse error: ${message}`);
      expect(() => parseSourceText(text)).toThrow(message);
    });
  }
});

describe('lazily parsed sources: values and operations are the eager ones', () => {
  it('parseSourceText gives js-yaml’s value (JSON text and key order)', () => {
    const value = parseSourceText(api());
    expect(isLazyValue(value as object, 'paths')).toBe(true);
    expect(JSON.stringify(value)).toBe(JSON.stringify(load(api(), { json: true })));
    expect(firstDifference(value, load(api(), { json: true }), '')).toBeUndefined();
  });

  it('buildOperations reads no response, parameter or body of an operation until asked', () => {
    const value = parseSourceText(api()) as { paths: Record<string, Record<string, object>> };
    const { operations } = buildOperations({ api: value });
    const post = value.paths['/pets']?.post as object;
    expect(operations.map((o) => o.operationId)).toEqual(['getPet', 'addPet']);
    for (const key of ['responses', 'requestBody', 'x-code-samples'])
      expect(isLazyValue(post, key)).toBe(true);
    expect(operations[1]?.requestBody).toBeDefined();
    expect(isLazyValue(post, 'requestBody')).toBe(false);
    expect(isLazyValue(post, 'responses')).toBe(true);
    expect(Object.keys(operations[1]?.responseShapes ?? {})).toEqual(['201']);
    expect(isLazyValue(post, 'responses')).toBe(false);
    expect(isLazyValue(post, 'x-code-samples')).toBe(true);
  });

  it('buildOperations over a lazy parse equals it over js-yaml’s value (every part read)', () => {
    const lazy = buildOperations({ api: parseSourceText(api()) });
    const eager = buildOperations({ api: load(api(), { json: true }) });
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
    expect(Object.keys(lazy.operations[0] ?? {})).toEqual(Object.keys(eager.operations[0] ?? {}));
  });

  it('findBrokenLocalRefs: a $ref to a deferred value reaches it without building it', () => {
    const text = api().replace("'#/components/schemas/Owner'", "'#/components/schemas/Gone'");
    const value = parseSourceText(text) as { components: { schemas: object } };
    expect(findBrokenLocalRefs({ text, api: value })).toEqual(['#/components/schemas/Gone']);
    expect(isLazyValue(value.components.schemas, 'Pet')).toBe(true);
    expect(findBrokenLocalRefs({ text, api: load(text, { json: true }) })).toEqual([
      '#/components/schemas/Gone',
    ]);
  });

  it('mayHaveExternalRefs answers as the regular expression it replaces', () => {
    const old = /\$ref['"]?\s*:\s*['"]?[^\s'"#]/;
    const texts = [
      api(),
      "$ref: './pets.yaml'",
      '"$ref": "other.json#/a"',
      "$ref:\n  '#/local'",
      '$ref: #/x\n$ref : y',
      '$refs: a',
      'x: $ref',
      '$ref',
      `${'$ref: "#/a" '.repeat(50)}$ref: b.yaml`,
    ];
    for (const text of texts) expect([text, mayHaveExternalRefs(text)]).toEqual([text, old.test(text)]);
  });
});

describeCorpus('Stytch OpenAPI sources parsed lazily: js-yaml’s values, the eager operations', () => {
  it.each(['stytch-consumer-openapi.yml', 'stytch-b2b-openapi.yml'])('%s', (name) => {
    const text = readFileSync(corpusPath('stytch', 'openapi', name), 'utf8');
    const reference = load(text, { json: true });
    const lazy = buildOperations({ api: parseSourceText(text) });
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(buildOperations({ api: reference })));
    const value = parseSourceText(text);
    expect(structuredClone(value)).toEqual(reference);
    expect(firstDifference(value, reference, '')).toBeUndefined();
  });
});
