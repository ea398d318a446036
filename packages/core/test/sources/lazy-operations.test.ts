/**
 * The parts of an OpenAPI operation only a used operation needs (parameters and request body with
 * every `$ref` inlined, response shapes) are built on first read. These tests pin that this changes
 * nothing anyone can see: the findings at a step using an operation, the silence about operations
 * no step uses, the values themselves whatever order they are read in, and one build per source
 * however many documents name it.
 */
import { readFileSync } from 'node:fs';
import { lintDocument, resolveDocument, type SourceLoader, TelaioError } from '@telaio/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { corpusPath, describeCorpus } from '../../../../test/support/shared-corpus.js';
import { buildOperations } from '../../src/sources/build-operations.js';
import { parseSourceText } from '../../src/sources/parse-source-text.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';

const API = `openapi: 3.1.0
info: { title: pets, version: '1' }
paths:
  /pets/{petId}:
    parameters:
      - $ref: '#/components/parameters/PetId'
    get:
      operationId: getPet
      parameters:
        - $ref: '#/components/parameters/Verbose'
      responses:
        '200':
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
  /pets:
    post:
      operationId: addPet
      requestBody:
        $ref: '#/components/requestBodies/NewPet'
      responses:
        '201':
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
  /unused:
    put:
      operationId: unused
      parameters:
        - { name: mode, in: query, required: true, schema: 5 }
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Gone' }
      responses:
        '200':
          content:
            application/json:
              schema: [not, a, schema]
components:
  parameters:
    PetId: { name: petId, in: path, required: true, schema: { type: string } }
    Verbose: { name: verbose, in: header, required: true, schema: { type: boolean } }
  requestBodies:
    NewPet:
      content:
        application/json:
          schema: { $ref: '#/components/schemas/Pet' }
  schemas:
    Pet:
      type: object
      properties:
        name: { type: string }
        owner: { $ref: '#/components/schemas/Owner' }
    Owner:
      type: object
      properties:
        pets: { type: array, items: { $ref: '#/components/schemas/Pet' } }
`;

const workflow = (steps: string) => `arazzo: 1.0.1
info: { title: t, version: '1' }
sourceDescriptions:
  - { name: pets, url: ./pets.yaml, type: openapi }
workflows:
  - workflowId: main
    steps:
${steps}`;

const GET_PET = `      - stepId: get
        operationId: getPet
        parameters:
          - { name: petId, in: path, value: '1' }
          - { name: mood, in: query, value: x }
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs:
          name: $response.body#/name
          nick: $response.body#/nick
          pets: $response.body#/owner/pets/0/name
`;
const ADD_PET = `      - stepId: add
        operationId: addPet
        requestBody: { contentType: application/json, payload: { name: x } }
        outputs:
          gone: $response.body#/owner/cats
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

const lint = async (steps: string, files: Record<string, string> = {}) => {
  const loader = memoryLoader({ '/w/pets.yaml': API, ...files });
  const resolved = await resolveDocument('/w/main.arazzo.yaml', {
    loader,
    cache: false,
    text: workflow(steps),
  });
  return lintDocument(resolved).map((d) => `${d.range.start.line} ${d.severity} ${d.rule} ${d.message}`);
};

beforeEach(() => clearSourceCache());

describe('operations built on first read: the findings of used operations, none for unused ones', () => {
  it("Arazzo 1.0.1 §4.6.4 Step Object: a used operation's $ref'd parameters, request body and response schema are all read", async () => {
    expect(await lint(GET_PET + ADD_PET)).toEqual([
      "4 warning source-ref-unresolved source './pets.yaml' has $refs that reach nothing: '#/components/schemas/Gone'; no operation a step uses needs them",
      "9 error parameter-required-missing required header parameter 'verbose' of GET /pets/{petId} is not supplied: the step cannot be sent",
      "12 warning parameter-undeclared operation 'getPet' defines no query parameter 'mood'",
      "16 warning response-pointer-unknown '$response.body#/nick': no property 'nick' in the 200 response of getPet (properties there: name, owner)",
      "22 warning response-pointer-unknown '$response.body#/owner/cats': no property 'cats' at '/owner' in the 201 response of addPet (properties there: pets)",
    ]);
  });

  it('§4.6.4: an operation no step uses says nothing, broken $ref and bad schemas included (a warning at the source for the $ref)', async () => {
    expect(
      await lint(
        ADD_PET.replace(
          '          gone: $response.body#/owner/cats\n',
          '          name: $response.body#/name\n',
        ),
      ),
    ).toEqual([
      "4 warning source-ref-unresolved source './pets.yaml' has $refs that reach nothing: '#/components/schemas/Gone'; no operation a step uses needs them",
    ]);
  });

  it('§4.6.4: the same operation used by a step is an error at that step', async () => {
    const found = await lint(`      - stepId: put
        operationId: unused
        parameters: [{ name: mode, in: query, value: a }]
`);
    expect(found).toEqual([
      "9 error operation-ref-unresolved operation 'unused' of source 'pets' needs '#/components/schemas/Gone', which cannot be resolved: the request cannot be built as described",
    ]);
  });
});

describe('the lazily built parts are the values an eager build gives', () => {
  const parts = (ops: ReturnType<typeof buildOperations>['operations'], order: number[]) =>
    order.map((i) => JSON.stringify([ops[i]?.parameters, ops[i]?.requestBody, ops[i]?.responseShapes]));

  it('whatever order operations are read in (forward, backward): same parameters, bodies and shapes', () => {
    const forward = buildOperations({ api: parseSourceText(API) }).operations;
    const backward = buildOperations({ api: parseSourceText(API) }).operations;
    const order = forward.map((_, i) => i);
    expect(parts(backward, [...order].reverse()).reverse()).toEqual(parts(forward, order));
    expect(JSON.parse(JSON.stringify(forward[1]))).toMatchObject({
      operationId: 'addPet',
      parameters: [],
      requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
      responseShapes: { '201': { properties: { name: { type: 'string' }, owner: {} } } },
    });
    expect(Object.keys(forward[2] ?? {})).toEqual([
      'operationId',
      'method',
      'path',
      'pointer',
      'servers',
      'parameters',
      'requestBody',
      'responses',
      'security',
      'securitySchemes',
      'responseShapes',
    ]);
  });

  it('documents naming the same source share one build of each part', async () => {
    const loader = memoryLoader({ '/w/pets.yaml': API });
    const resolve = (uri: string) => resolveDocument(uri, { loader, cache: false, text: workflow(GET_PET) });
    const [a, b] = await Promise.all([resolve('/w/a.arazzo.yaml'), resolve('/w/b.arazzo.yaml')]);
    const [opA] = a.index.byOperationId('getPet');
    const [opB] = b.index.byOperationId('getPet');
    expect(opA?.sourceName).toBe('pets');
    expect(opA?.parameters).toBe(opB?.parameters);
    expect(opA?.responseShapes?.['200']).toBe(opB?.responseShapes?.['200']);
  });
});

describeCorpus('Stytch OpenAPI sources: lazy parts equal whatever the reading order', () => {
  it.each(['stytch-consumer-openapi.yml', 'stytch-b2b-openapi.yml'])('%s', (name) => {
    const text = readFileSync(corpusPath('stytch', 'openapi', name), 'utf8');
    const forward = buildOperations({ api: parseSourceText(text) }).operations;
    const backward = buildOperations({ api: parseSourceText(text) }).operations;
    const order = forward.map((_, i) => i);
    expect(forward.length).toBeGreaterThan(80);
    expect(parts(backward, [...order].reverse()).reverse()).toEqual(parts(forward, order));
  });
  const parts = (ops: ReturnType<typeof buildOperations>['operations'], order: number[]) =>
    order.map((i) => JSON.stringify([ops[i]?.parameters, ops[i]?.requestBody, ops[i]?.responseShapes]));
});

describe('response pointers check only the responses they read (Arazzo 1.0.1 §4.6.4 outputs, §4.6.10 criteria)', () => {
  /** Resolve `steps`, then count reads of getPet's response shapes and of each of its responses. */
  const counted = async (steps: string) => {
    const loader = memoryLoader({ '/w/pets.yaml': API });
    const resolved = await resolveDocument('/w/main.arazzo.yaml', {
      loader,
      cache: false,
      text: workflow(steps),
    });
    const [op] = resolved.index.byOperationId('getPet');
    if (op === undefined) throw new Error('getPet not found');
    const reads = { shapes: 0, responses: [] as string[] };
    const shapes = op.responseShapes;
    Object.defineProperty(op, 'responseShapes', {
      get: () => {
        reads.shapes += 1;
        return shapes;
      },
    });
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries({
      ...op.responses,
      '404': { content: { 'application/json': {} } },
    }))
      Object.defineProperty(responses, status, {
        enumerable: true,
        get: () => {
          reads.responses.push(status);
          return response;
        },
      });
    Object.defineProperty(op, 'responses', { value: responses });
    const findings = lintDocument(resolved)
      .filter((d) => d.rule === 'response-pointer-unknown')
      .map((d) => `${d.range.start.line} ${d.rule}`);
    return { reads, findings };
  };
  const step = (outputs: string, criteria = '$statusCode == 200') => `      - stepId: get
        operationId: getPet
        parameters:
          - { name: petId, in: path, value: '1' }
          - { name: verbose, in: header, value: true }
        successCriteria: [{ condition: ${criteria} }]
        outputs:
${outputs}`;

  it('a step reading no body builds no shapes and reads no response', async () => {
    const { reads, findings } = await counted(step('          code: $statusCode\n'));
    expect(findings).toEqual([]);
    expect(reads).toEqual({ shapes: 0, responses: [] });
  });

  it('outputs read the 2xx responses only; a criterion reading the body reads them all', async () => {
    const outputsOnly = await counted(step('          nick: $response.body#/nick\n'));
    expect(outputsOnly.findings).toEqual(['15 response-pointer-unknown']);
    expect(outputsOnly.reads.responses).toEqual(['200']);
    const withCriterion = await counted(
      step('          name: $response.body#/name\n', '$response.body#/nick == 1'),
    );
    expect(withCriterion.findings).toEqual(['13 response-pointer-unknown']);
    expect([...new Set(withCriterion.reads.responses)].sort()).toEqual(['200', '404']);
  });
});
