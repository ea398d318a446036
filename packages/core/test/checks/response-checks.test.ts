/**
 * Implicit response checks (issue 15 pt 2) against real OpenAPI files on disk: OpenAPI 3.0.3
 * §4.7.16 Responses Object (codes, ranges, default), §4.7.10 Media Types, §4.7.24 Schema Object
 * (nullable, discriminator, readOnly/writeOnly) and OpenAPI 3.1 (JSON Schema 2020-12).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDefaultLoader,
  createResponseChecker,
  type OperationInfo,
  parseCheckSeverities,
  type ReceivedResponse,
  resolveDocument,
  type SourceLoader,
} from '@telaio/core';
import { beforeAll, describe, expect, it } from 'vitest';

const OPENAPI_30 = `openapi: 3.0.3
info: {title: pets, version: '1'}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Pet'
        4XX:
          $ref: '#/components/responses/Problem'
  /animals:
    get:
      operationId: getAnimal
      responses:
        default:
          description: any
          content:
            application/json:
              schema:
                oneOf:
                  - $ref: '#/components/schemas/Cat'
                  - $ref: '#/components/schemas/Dog'
                discriminator:
                  propertyName: kind
                  mapping:
                    cat: '#/components/schemas/Cat'
                    dog: '#/components/schemas/Dog'
  /users:
    get:
      operationId: getUser
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: './common.yaml#/User'
components:
  responses:
    Problem:
      description: problem
      content:
        application/problem+json:
          schema: {type: object, required: [title], properties: {title: {type: string}}}
  schemas:
    Pet:
      type: object
      required: [id, name, password]
      properties:
        id:
          type: integer
        name:
          type: string
          nullable: true
        weight:
          type: number
          minimum: 0
          exclusiveMinimum: true
        password:
          type: string
          writeOnly: true
        createdAt:
          type: string
          readOnly: true
    Cat: {type: object, required: [kind], properties: {kind: {type: string}, meows: {type: boolean}}}
    Dog: {type: object, required: [kind], properties: {kind: {type: string}, barks: {type: boolean}}}
`;

const COMMON = `User:
  type: object
  required: [email]
  properties:
    email:
      type: string
      format: email
    nickname:
      type: [string, 'null']
`;

const OPENAPI_31 = OPENAPI_30.replace('openapi: 3.0.3', 'openapi: 3.1.0')
  .replace('          nullable: true\n', '')
  .replace('          minimum: 0\n          exclusiveMinimum: true', '          exclusiveMinimum: 0')
  .replace('        name:\n          type: string', '        name:\n          type: [string, "null"]');

const ARAZZO = (openapi: string) => `arazzo: 1.0.1
info: {title: t, version: '1'}
sourceDescriptions:
  - {name: pets, url: ./${openapi}, type: openapi}
workflows:
  - workflowId: w
    steps:
      - {stepId: s, operationId: getPet, parameters: [{name: id, in: path, value: '1'}]}
`;

let dir = '';
const ops: Record<string, Record<string, OperationInfo>> = {};

async function operationsOf(file: string): Promise<Record<string, OperationInfo>> {
  const resolved = await resolveDocument(join(dir, file), { cache: false });
  const source = resolved.sources[0];
  if (source?.kind !== 'openapi') throw new Error(`source did not resolve: ${JSON.stringify(source)}`);
  return Object.fromEntries(source.operations.map((op) => [op.operationId ?? '', op]));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'telaio-checks-'));
  await writeFile(join(dir, 'pets-30.yaml'), OPENAPI_30);
  await writeFile(join(dir, 'pets-31.yaml'), OPENAPI_31);
  await writeFile(join(dir, 'common.yaml'), COMMON);
  await writeFile(join(dir, 'flow-30.arazzo.yaml'), ARAZZO('pets-30.yaml'));
  await writeFile(join(dir, 'flow-31.arazzo.yaml'), ARAZZO('pets-31.yaml'));
  ops['3.0'] = await operationsOf('flow-30.arazzo.yaml');
  ops['3.1'] = await operationsOf('flow-31.arazzo.yaml');
});

function response(statusCode: number, body: unknown, contentType?: string): ReceivedResponse {
  return {
    statusCode,
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    body,
    request: { method: 'GET', url: 'http://127.0.0.1/', headers: {} },
    durationMs: 1,
  };
}

const lineOf = (text: string, needle: string, after = ''): number => {
  const start = after === '' ? 0 : text.indexOf(after);
  return text.slice(0, text.indexOf(needle, start)).split('\n').length;
};

const PET = { id: 1, name: 'Rex', createdAt: '2024-01-01' };

describe.each(['3.0', '3.1'] as const)('OpenAPI %s response checks', (version) => {
  const file = () => (version === '3.0' ? 'pets-30.yaml' : 'pets-31.yaml');
  const text = () => (version === '3.0' ? OPENAPI_30 : OPENAPI_31);
  const check = async (
    operationId: string,
    res: ReceivedResponse,
    severities = {},
  ): Promise<readonly Awaited<ReturnType<ReturnType<typeof createResponseChecker>['check']>>[number][]> => {
    const checker = createResponseChecker({ severities });
    const operation = ops[version]?.[operationId];
    if (operation === undefined) throw new Error(`no ${operationId}`);
    return checker.check({
      operation,
      response: res,
      source: { name: 'pets', url: `./${file()}`, type: 'openapi' },
      documentUri: join(dir, `flow-${version === '3.0' ? '30' : '31'}.arazzo.yaml`),
    });
  };

  it('Responses Object: a conforming 200 passes every check', async () => {
    expect(await check('getPet', response(200, PET, 'application/json; charset=utf-8'))).toEqual([]);
  });

  it('Responses Object: a 4XX range key documents 404, with its own media type and schema', async () => {
    expect(await check('getPet', response(404, { title: 'gone' }, 'application/problem+json'))).toEqual([]);
    const bad = await check('getPet', response(404, { title: 7 }, 'application/problem+json'));
    expect(bad.map((f) => [f.check, f.instancePointer, f.keyword])).toEqual([['schema', '/title', 'type']]);
  });

  it('Responses Object: an undocumented status fails STATUS_CODE_CHECK at the line of `responses`', async () => {
    const [failure, ...rest] = await check('getPet', response(500, { oops: true }, 'application/json'));
    expect(rest).toEqual([]);
    expect(failure).toMatchObject({
      check: 'status-code',
      respectName: 'STATUS_CODE_CHECK',
      severity: 'error',
      location: { pointer: '/paths/~1pets~1{id}/get/responses', line: lineOf(text(), 'responses:') },
    });
    expect(failure?.message).toContain(
      'status 500 is not documented for GET /pets/{id} (documented: 200, 4XX)',
    );
  });

  it('Responses Object: `default` documents any status', async () => {
    expect(await check('getAnimal', response(503, { kind: 'cat' }, 'application/json'))).toEqual([]);
  });

  it('Media Types: an undocumented Content-Type fails CONTENT_TYPE_CHECK at the line of `content`', async () => {
    const failures = await check('getPet', response(200, '<pet/>', 'text/html'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      check: 'content-type',
      respectName: 'CONTENT_TYPE_CHECK',
      location: { line: lineOf(text(), 'content:') },
    });
    expect(failures[0]?.message).toContain('Content-Type text/html is not documented for status 200');
  });

  it('Schema Object: a field of the wrong type names its pointer, keyword and schema line', async () => {
    const failures = await check('getPet', response(200, { ...PET, id: 'one' }, 'application/json'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      check: 'schema',
      respectName: 'SCHEMA_CHECK',
      instancePointer: '/id',
      keyword: 'type',
      location: {
        pointer: '/components/schemas/Pet/properties/id/type',
        line: lineOf(text(), 'type: integer', 'Pet:'),
      },
    });
    expect(failures[0]?.message).toBe('/id must be integer (got string)');
  });

  it('Schema Object: null is allowed where the schema says so (3.0 nullable, 3.1 type array)', async () => {
    expect(await check('getPet', response(200, { ...PET, name: null }, 'application/json'))).toEqual([]);
    const failures = await check('getPet', response(200, { ...PET, id: null }, 'application/json'));
    expect(failures.map((f) => [f.instancePointer, f.keyword])).toEqual([['/id', 'type']]);
  });

  it('Schema Object: writeOnly properties are neither required nor allowed in a response; readOnly ones are fine', async () => {
    const failures = await check('getPet', response(200, { ...PET, password: 'x' }, 'application/json'));
    expect(failures.map((f) => [f.instancePointer, f.keyword])).toEqual([['/password', 'writeOnly']]);
    expect(failures[0]?.location?.line).toBe(lineOf(text(), 'writeOnly: true'));
  });

  it('Discriminator Object: a tag outside the mapping is named as such', async () => {
    const failures = await check('getAnimal', response(200, { kind: 'bird' }, 'application/json'));
    const discriminator = failures.find((f) => f.keyword === 'discriminator');
    expect(discriminator?.message).toBe("the body discriminator 'kind' must be one of cat, dog");
    expect(discriminator?.location?.line).toBe(lineOf(text(), 'discriminator:'));
    expect(await check('getAnimal', response(200, { kind: 'dog', barks: true }, 'application/json'))).toEqual(
      [],
    );
    const wrongField = await check(
      'getAnimal',
      response(200, { kind: 'cat', meows: 'yes' }, 'application/json'),
    );
    expect(wrongField.map((f) => [f.instancePointer, f.keyword])).toEqual([['/meows', 'type']]);
  });

  it('Schema Object: a $ref into another file is followed, and the failure points into that file', async () => {
    const failures = await check('getUser', response(200, { email: 'not-an-email' }, 'application/json'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      instancePointer: '/email',
      keyword: 'format',
      location: { uri: join(dir, 'common.yaml'), pointer: '/User/properties/email/format', line: 7 },
    });
    expect(
      await check('getUser', response(200, { email: 'a@b.io', nickname: null }, 'application/json')),
    ).toEqual([]);
  });

  it('severities: warn keeps the finding as a warning, off skips the check', async () => {
    const res = response(500, { oops: true }, 'application/json');
    expect((await check('getPet', res, { 'status-code': 'warn' }))[0]?.severity).toBe('warn');
    expect(await check('getPet', res, { 'status-code': 'off' })).toEqual([]);
  });
});

describe('--severity parsing (Respect names accepted)', () => {
  it('takes codes and Respect names, error/warn/off', () => {
    expect(parseCheckSeverities('status-code=warn,SCHEMA_CHECK=off,content_type_check=error')).toEqual({
      'status-code': 'warn',
      schema: 'off',
      'content-type': 'error',
    });
  });

  it('refuses unknown checks and levels, naming the known ones', () => {
    expect(() => parseCheckSeverities('nope=warn')).toThrow(
      /unknown check 'nope'; known: status-code \(STATUS_CODE_CHECK\)/,
    );
    expect(() => parseCheckSeverities('schema=fatal')).toThrow(/expected schema=error\|warn\|off/);
  });
});

describe('compiled once', () => {
  it('reads each OpenAPI file once, however many responses are checked', async () => {
    const reads: string[] = [];
    const inner = createDefaultLoader();
    const loader: SourceLoader = {
      load: (uri, o) => {
        reads.push(uri);
        return inner.load(uri, o);
      },
    };
    const checker = createResponseChecker({ loader });
    const operation = ops['3.0']?.getUser as OperationInfo;
    for (let i = 0; i < 20; i++) {
      const failures = await checker.check({
        operation,
        response: response(200, { email: i % 2 === 0 ? 'a@b.io' : 'x' }, 'application/json'),
        source: { name: 'pets', url: './pets-30.yaml', type: 'openapi' },
        documentUri: join(dir, 'flow-30.arazzo.yaml'),
      });
      expect(failures).toHaveLength(i % 2);
    }
    expect(reads.sort()).toEqual([join(dir, 'common.yaml'), join(dir, 'pets-30.yaml')]);
  });
});
