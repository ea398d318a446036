/**
 * `$response.body#/...` pointers checked against the operation's response shapes: the seed and
 * Stytch workflows stay clean, a misspelled pointer is a reference-unknown warning at its line.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Diagnostic, lintDocument, resolveDocument } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { corpusFiles, corpusPath, itCorpus } from '../../../../test/support/shared-corpus.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const seedDir = path.join(repoRoot, 'specs/arazzo');

const lintFile = async (file: string): Promise<Diagnostic[]> =>
  lintDocument(await resolveDocument(file, { cache: false }));
const pointerFindings = (ds: readonly Diagnostic[]) =>
  ds
    .filter((d) => d.severity === 'error' || d.message.includes('$response.body'))
    .map((d) => `${path.basename(d.file)}:${d.range.start.line} ${d.severity} ${d.code} ${d.message}`);

/** A copy of the B2B seed with `#/secret` renamed `#/secrett`, its sources in `openapiDir`: one warning at that line. */
async function expectSecrettWarning(openapiDir: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'telaio-pointer-'));
  mkdirSync(path.join(dir, 'arazzo'));
  symlinkSync(openapiDir, path.join(dir, 'openapi'));
  const original = readFileSync(path.join(seedDir, 'stytch-b2b-totp-enrollment-workflow.yml'), 'utf8');
  const broken = original.replace('$response.body#/secret\n', '$response.body#/secrett\n');
  expect(broken).not.toBe(original);
  const copy = path.join(dir, 'arazzo', 'broken.yml');
  writeFileSync(copy, broken);
  const line = broken.split('\n').findIndex((l) => l.endsWith('$response.body#/secrett')) + 1;
  const found = (await lintFile(copy)).filter((d) => d.code === 'reference-unknown');
  expect(found.map((d) => [d.severity, d.range.start.line, d.pointer])).toEqual([
    ['warning', line, '/workflows/0/steps/0/outputs/secret'],
  ]);
  expect(found[0]!.message).toMatch(
    /no property 'secrett' in the 200 response of api_b2b_totp_v1_Create \(properties there: secret, /,
  );
  expect(found[0]!.range.start.column).toBe(broken.split('\n')[line - 1]!.indexOf('$') + 1);
}

describe('$response.body pointers of the Stytch workflows', () => {
  itCorpus('24 workflows over both full Stytch OpenAPI files: no error, no pointer warning', async () => {
    const files = corpusFiles('stytch/arazzo', /\.yml$/);
    expect(files).toHaveLength(24);
    const found: string[] = [];
    for (const file of files) found.push(...pointerFindings(await lintFile(file)));
    expect(found).toEqual([]);
  });

  it('the seed workflows over specs/openapi: no error, no pointer warning', async () => {
    const files = readdirSync(seedDir).filter((f) => f.endsWith('.yml'));
    expect(files).toHaveLength(3);
    const found: string[] = [];
    for (const file of files) found.push(...pointerFindings(await lintFile(path.join(seedDir, file))));
    expect(found).toEqual([]);
  });

  it('a copy with #/secret renamed #/secrett warns at that line (specs/openapi)', async () => {
    await expectSecrettWarning(path.join(repoRoot, 'specs/openapi'));
  });

  itCorpus('a copy with #/secret renamed #/secrett warns at that line (the full Stytch file)', async () => {
    await expectSecrettWarning(corpusPath('stytch', 'openapi'));
  });
});

const OPENAPI = `openapi: 3.0.3
info: { title: fixture, version: '1' }
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          content:
            application/json:
              schema:
                type: object
                properties:
                  things: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                  meta: { type: object, additionalProperties: true }
        '404':
          content:
            application/json:
              schema: { type: object, properties: { error_type: { type: string } } }
components:
  schemas:
    Thing: { type: object, properties: { id: { type: string }, tags: { type: array, items: { type: string } } } }
`;

const ARAZZO = `arazzo: 1.0.1
info: { title: pointers, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.yaml, type: openapi }
components:
  failureActions:
    explain:
      name: explain
      type: end
      criteria:
        - condition: $response.body#/eror_type == 'x'
workflows:
  - workflowId: w
    steps:
      - stepId: list
        operationId: listThings
        successCriteria:
          - condition: $statusCode == 200 && $response.body#/things/0/id != ''
          - condition: $response.body#/thingz/0 != null
          - context: $response.body#/error_type
            condition: '^not'
            type: regex
        onFailure:
          - reference: $components.failureActions.explain
          - name: retry
            type: retry
            criteria:
              - condition: $response.body#/things/first/id == 'a'
        outputs:
          first: $response.body#/things/0/tags/0
          anyMeta: $response.body#/meta/whatever/deep
          last: $response.body#/things/-
          notOnSuccess: $response.body#/error_type
          scalar: $response.body#/things/0/id/length
`;

describe('$response.body pointers over a small fixture', () => {
  it('warns where no response allows a token, accepts indexes, open objects and other responses in criteria', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'telaio-pointer-fixture-'));
    writeFileSync(path.join(dir, 'api.yaml'), OPENAPI);
    writeFileSync(path.join(dir, 'w.arazzo.yaml'), ARAZZO);
    const ds = await lintFile(path.join(dir, 'w.arazzo.yaml'));
    expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
    const lines = ARAZZO.split('\n');
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    const warnings = ds.filter((d) => d.code === 'reference-unknown');
    expect(warnings.map((d) => [d.range.start.line, d.severity])).toEqual([
      [lineOf('#/eror_type'), 'warning'],
      [lineOf('#/thingz/0'), 'warning'],
      [lineOf('#/things/first/id'), 'warning'],
      [lineOf('notOnSuccess'), 'warning'],
      [lineOf('#/things/0/id/length'), 'warning'],
    ]);
    const [component, thingz, first, notOnSuccess, scalar] = warnings.map((d) => d.message);
    expect(component).toContain("no property 'eror_type' in any of the 200, 404 responses");
    expect(component).toContain('properties there: error_type, ');
    expect(thingz).toContain('properties there: things, ');
    expect(first).toContain("no property 'first' at '/things' in any of the 200, 404 responses");
    expect(first).toContain('an array there: use an index');
    expect(notOnSuccess).toContain("no property 'error_type' in the 200 response of listThings");
    expect(scalar).toContain('a string there, with no members');
  });
});

const XML_OPENAPI = `openapi: 3.0.3
info: { title: xml, version: '1' }
paths:
  /feed:
    get:
      operationId: getFeed
      responses:
        '200':
          content:
            application/xml: { schema: { type: object } }
            application/atom+xml: {}
        '500':
          content:
            text/xml; charset=utf-8: {}
  /mixed:
    get:
      operationId: getMixed
      responses:
        '200':
          content:
            application/xml: {}
            application/json: { schema: { type: object, properties: { root: { type: object } } } }
`;

const XML_ARAZZO = `arazzo: 1.0.1
info: { title: xml pointers, version: '1' }
sourceDescriptions:
  - { name: api, url: ./api.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: feed
        operationId: getFeed
        successCriteria:
          - condition: $statusCode == 200
          - context: $response.body
            condition: /root/item
            type: xpath
        outputs:
          name: $response.body#/root/item/0/name
          whole: $response.body
      - stepId: mixed
        operationId: getMixed
        outputs:
          root: $response.body#/root
`;

describe('$response.body pointers on XML responses', () => {
  it('warns that a JSON pointer reads nothing when the documented success bodies are only XML', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'telaio-pointer-xml-'));
    writeFileSync(path.join(dir, 'api.yaml'), XML_OPENAPI);
    writeFileSync(path.join(dir, 'w.arazzo.yaml'), XML_ARAZZO);
    const ds = await lintFile(path.join(dir, 'w.arazzo.yaml'));
    expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
    const line = XML_ARAZZO.split('\n').findIndex((l) => l.includes('#/root/item/0/name')) + 1;
    expect(
      ds
        .filter((d) => d.code === 'reference-unknown')
        .map((d) => [d.range.start.line, d.severity, d.pointer, d.message]),
    ).toEqual([
      [
        line,
        'warning',
        '/workflows/0/steps/0/outputs/name',
        'the response of getFeed is XML; a JSON pointer reads nothing — use an xpath criterion',
      ],
    ]);
  });
});
