import { fileURLToPath } from 'node:url';
import { createEngine, type Transport } from '@telaio/core';
import { buildToolCatalog, nameTools, passwordInputs, toFormField } from '@telaio/mcp';
import { describe, expect, it } from 'vitest';

const FILE = fileURLToPath(new URL('./fixtures/catalog.arazzo.yml', import.meta.url));
const unused: Transport = {
  send: () => Promise.reject(new Error('not sent in these tests')),
};

describe('tool names from workflowIds (Arazzo 1.0.1 Workflow Object workflowId; MCP tool names)', () => {
  it('keeps a valid id, prefixes ids shared by documents with the file stem, sanitises and numbers the rest', () => {
    expect(
      nameTools([
        { workflowId: 'totp-enrollment', uri: '/a/stytch-b2b-totp-enrollment-workflow.yml' },
        { workflowId: 'totp-enrollment', uri: '/b/stytch-totp-enrollment.arazzo.yaml' },
        { workflowId: 'list pets.v2', uri: '/c/pets.arazzo.json' },
        { workflowId: 'x', uri: '/d/same.yml' },
        { workflowId: 'x', uri: '/e/same.yml' },
        { workflowId: 'y'.repeat(80), uri: '/f/long.yml' },
      ]),
    ).toEqual([
      'stytch-b2b-totp-enrollment__totp-enrollment',
      'stytch-totp-enrollment__totp-enrollment',
      'list_pets_v2',
      'same__x',
      'same__x_2',
      'y'.repeat(64),
    ]);
  });
});

describe('a workflow as a tool (Arazzo 1.0.1 Workflow Object inputs and outputs; MCP tools/list)', async () => {
  const engine = createEngine({ transport: unused });
  const document = await engine.load(FILE);
  const [tool] = buildToolCatalog({
    documents: [document],
    plugins: [passwordInputs],
    isSecretName: (name) => /token|password/i.test(name),
  });

  it('inputSchema: $refs inlined (also nested ones), the password left to the person', () => {
    expect(tool?.inputSchema).toEqual({
      type: 'object',
      properties: {
        username: { type: 'string', minLength: 1 },
        labels: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      required: ['username'],
      additionalProperties: false,
    });
    expect(tool?.personInputs).toEqual(new Map([['password', 'a password']]));
    expect(tool?.description).toMatch(
      /^Sign in with a password the person types\.\n\nSigns in .*\n\nThe person is asked for password \(a password\)/s,
    );
  });

  it('outputSchema: outputs typed from the OpenAPI response through $steps, secret ones untyped (they arrive masked)', () => {
    const outputs = (tool?.outputSchema.properties as Record<string, { properties: unknown }> | undefined)
      ?.outputs;
    expect(outputs?.properties).toEqual({
      token: { description: 'masked unless the server reveals it' },
      count: { type: 'integer' },
      tags: { type: 'array', items: { type: 'string' } },
      status: { type: 'integer' },
    });
  });

  it('elicitation form fields keep to what MCP forms carry (flat primitives, four string formats)', () => {
    expect(toFormField('password', { type: 'string', format: 'password', description: 'd' })).toEqual({
      type: 'string',
      title: 'password',
      description: 'd',
    });
    expect(toFormField('n', { type: 'integer', minimum: 1, maximum: 9 })).toEqual({
      type: 'integer',
      title: 'n',
      minimum: 1,
      maximum: 9,
    });
    expect(toFormField('c', { enum: ['a', 'b'], title: 'Colour' })).toEqual({
      type: 'string',
      title: 'Colour',
      enum: ['a', 'b'],
    });
  });
});
