import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type PreparedRequest } from '@telaio/core';
import { createMemoryTransport } from '@telaio/core/testing';
import { describe, expect, it } from 'vitest';

const OPENAPI = `openapi: 3.1.0
info: { title: Museum, version: 1.0.0 }
servers: [{ url: 'https://museum.test' }]
components:
  securitySchemes:
    Basic: { type: http, scheme: basic }
    Key: { type: apiKey, in: query, name: key }
    Digest: { type: http, scheme: digest }
paths:
  /hours:
    get:
      operationId: getHours
      responses: { '200': { description: ok } }
`;

/** A document whose workflow and single step carry the given x-security lists (YAML flow text). */
function document(workflowSecurity: string, stepSecurity: string): string {
  return `arazzo: 1.0.1
info: { title: t, version: 1.0.0 }
sourceDescriptions: [{ name: museum, url: ./museum.yaml, type: openapi }]
workflows:
  - workflowId: w
    inputs: { type: object, properties: { word: { type: string } } }
${workflowSecurity === '' ? '' : `    x-security: ${workflowSecurity}\n`}    steps:
      - stepId: s
        operationId: getHours
${stepSecurity === '' ? '' : `        x-security: ${stepSecurity}\n`}`;
}

async function run(workflowSecurity: string, stepSecurity: string, inputs: Record<string, unknown> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'telaio-x-security-'));
  await writeFile(join(dir, 'museum.yaml'), OPENAPI);
  const prepared: PreparedRequest[] = [];
  const transport = createMemoryTransport((request) => {
    prepared.push(request);
    return { status: 200 };
  });
  const engine = createEngine({ transport, cache: false });
  const doc = await engine.load({
    uri: join(dir, 'w.arazzo.yaml'),
    text: document(workflowSecurity, stepSecurity),
  });
  const result = await engine.run({ document: doc, inputs });
  return { result, prepared };
}

describe('Redocly Respect x-security (workflow and step), compiled once and filled per send', () => {
  it('hands the transport the workflow’s entries then the step’s, values evaluated, with their secrets', async () => {
    const { result, prepared } = await run(
      '[{ schemeName: Key, values: { apiKey: k-1 } }]',
      "[{ schemeName: '$sourceDescriptions.museum.Basic', values: { username: ann, password: $inputs.word } }, { scheme: { type: oauth2, flows: {} }, values: { accessToken: at-9 } }]",
      { word: 'pw-3' },
    );
    expect(result.status).toBe('success');
    expect(prepared[0]?.security).toEqual([
      {
        schemeName: 'Key',
        scheme: { type: 'apiKey', in: 'query', name: 'key' },
        credential: { type: 'apiKey', value: 'k-1' },
        secrets: ['k-1'],
      },
      {
        schemeName: 'Basic',
        scheme: { type: 'http', scheme: 'basic' },
        credential: { type: 'basic', username: 'ann', password: 'pw-3' },
        secrets: [
          'pw-3',
          Buffer.from('ann:pw-3').toString('base64'),
          encodeURIComponent(Buffer.from('ann:pw-3').toString('base64')),
        ].filter((v, i, all) => all.indexOf(v) === i),
      },
      {
        schemeName: 'inline',
        scheme: { type: 'oauth2', flows: {} },
        credential: { type: 'bearer', token: 'at-9' },
        secrets: ['at-9'],
      },
    ]);
  });

  it('a value that evaluates to nothing fails the step with credentials-missing, sending nothing', async () => {
    const { result, prepared } = await run(
      '',
      '[{ schemeName: Basic, values: { username: ann, password: $inputs.word } }]',
    );
    expect(prepared).toEqual([]);
    expect(result.error).toMatchObject({ code: 'credentials-missing', stepId: 's' });
    expect(result.error?.message).toContain(
      "x-security value 'password' of scheme 'Basic' ($inputs.word) has no value",
    );
  });

  it('a scheme telaio cannot fill from values (http digest) fails the step, naming it', async () => {
    const { result } = await run('', '[{ schemeName: Digest, values: { username: a, password: b } }]');
    expect(result.error).toMatchObject({ code: 'credentials-missing' });
    expect(result.error?.message).toContain("http 'digest' cannot be filled from x-security values");
  });

  it.each([
    [
      '[{ schemeName: Nope, values: { token: t } }]',
      "schemeName 'Nope' is not a security scheme of source 'museum' (it declares Basic, Key, Digest)",
    ],
    [
      '[{ schemeName: Basic, scheme: { type: http, scheme: basic }, values: {} }]',
      "exactly one of 'schemeName' and 'scheme' (it has both)",
    ],
    ['[{ schemeName: Basic }]', "needs 'values'"],
  ])('refuses the document at load: %s', async (stepSecurity, message) => {
    await expect(run('', stepSecurity)).rejects.toMatchObject({
      code: 'document-invalid',
      message: expect.stringContaining(message),
    });
  });
});
