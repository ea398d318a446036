import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadArazzoText } from '../../src/document/load-arazzo-text.js';
import { arazzo11Schema } from '../../src/schema/arazzo-1-1-schema.js';
import { createAjv } from '../../src/schema/create-ajv.js';
import { validateSchema } from '../../src/schema/validate-schema.js';

const EVERYTHING = readFileSync(new URL('../fixtures/v11/everything.arazzo.yaml', import.meta.url), 'utf8');

const check = (text: string) => {
  const { file } = loadArazzoText({ uri: 'mem:doc.yaml', text });
  if (file === undefined) throw new Error('fixture does not parse');
  return validateSchema(file).map((d) => ({
    code: d.code,
    pointer: d.pointer,
    line: d.range.start.line,
    message: d.message,
  }));
};

/** The fixture with one line replaced (the old text must occur exactly once). */
const edit = (from: string, to: string, text = EVERYTHING): string => {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
};

describe('Arazzo 1.1 schema (1.1.0 §Schema)', () => {
  it('is itself a valid draft 2020-12 schema', () => {
    expect(createAjv().validateSchema(arazzo11Schema)).toBe(true);
  });

  it('accepts a 1.1 document using every field 1.1 adds', () => {
    expect(check(EVERYTHING)).toEqual([]);
  });

  for (const version of ['1.1.0', '1.1.1', '1.1.9', '1.1.0-rc1'])
    it(`reads arazzo ${version} by the 1.1 schema, the patch ignored (§Versions)`, () => {
      expect(check(edit('arazzo: 1.1.0', `arazzo: ${version}`))).toEqual([]);
    });

  it('judges a 1.0 document by the 1.0 schema: every 1.1 field is unknown there (§Versions)', () => {
    const found = check(edit('arazzo: 1.1.0', 'arazzo: 1.0.1'));
    const at = (pointer: string) => found.filter((d) => d.pointer === pointer).map((d) => d.message);
    expect(at('/$self')).toEqual(["unknown property '$self' (extensions must start with x-)"]);
    expect(at('/sourceDescriptions/1/type')).toEqual(['"asyncapi" is not one of "arazzo", "openapi"']);
    expect(at('/workflows/0/steps/0/timeout')).toHaveLength(1);
    expect(at('/workflows/0/steps/0/parameters/0/in')).toHaveLength(1);
    expect(at('/workflows/0/steps/1/dependsOn')).toHaveLength(1);
    expect(at('/workflows/0/steps/2/channelPath')).toHaveLength(1);
    expect(at('/workflows/0/steps/2/onFailure/0/parameters')).toHaveLength(1);
    expect(found.every((d) => d.code === 'schema')).toBe(true);
  });
});

describe('Arazzo 1.1 schema findings, each at its node', () => {
  const cases: readonly (readonly [string, string, string, string, number, RegExp | string])[] = [
    [
      '§Arazzo Specification Object: $self MUST NOT contain a fragment',
      '$self: https://example.test/workflows/everything.arazzo.yaml',
      '$self: https://example.test/w.yaml#top',
      '/$self',
      2,
      /does not match/,
    ],
    [
      '§Source Description Object: type is openapi, asyncapi or arazzo',
      'type: asyncapi',
      'type: kafka',
      '/sourceDescriptions/1/type',
      12,
      '"kafka" is not one of "arazzo", "asyncapi", "openapi"',
    ],
    [
      '§Step Object: channelPath is exclusive with operationId',
      "        channelPath: '{$sourceDescriptions.orders.url}#/channels/orderConfirmed'\n",
      "        channelPath: '{$sourceDescriptions.orders.url}#/channels/orderConfirmed'\n        operationId: confirm\n",
      '/workflows/0/steps/2',
      56,
      "a step must have exactly one of 'operationId', 'operationPath', 'channelPath' or 'workflowId'",
    ],
    [
      '§Step Object: timeout is an integer of milliseconds',
      'timeout: 5000',
      'timeout: 1.5',
      '/workflows/0/steps/0/timeout',
      23,
      'must be an integer, not a number',
    ],
    [
      '§Step Object: timeout is positive',
      'timeout: 5000',
      'timeout: 0',
      '/workflows/0/steps/0/timeout',
      23,
      'must be > 0',
    ],
    [
      '§Step Object: action is send or receive',
      'action: send',
      'action: publish',
      '/workflows/0/steps/1/action',
      43,
      '"publish" is not one of "send", "receive"',
    ],
    [
      '§Step Object: dependsOn is a list of stepIds',
      'dependsOn: [search]',
      'dependsOn: search',
      '/workflows/0/steps/1/dependsOn',
      44,
      'must be an array, not a string',
    ],
    [
      '§Parameter Object: in is path, query, querystring, header or cookie',
      'in: querystring',
      'in: body',
      '/workflows/0/steps/0/parameters/0/in',
      26,
      '"body" is not one of "path", "query", "querystring", "header", "cookie"',
    ],
    [
      '§Failure Action Object: action parameters MUST NOT use in',
      '              - name: reason\n                value: timeout\n',
      '              - name: reason\n                in: query\n                value: timeout\n',
      '/workflows/0/steps/2/onFailure/0/parameters/0',
      66,
      "an action parameter is a workflow input: 'in' must not be used",
    ],
    [
      '§Selector Object: context, selector and type are REQUIRED',
      '            selector: $[0].id\n            type: jsonpath\n',
      '            selector: $[0].id\n',
      '/workflows/0/steps/0/outputs/firstId',
      37,
      "missing required property 'type'",
    ],
    [
      '§Expression Type Object: versions per type',
      'type: { type: jsonpointer, version: rfc6901 }',
      'type: { type: jsonpointer, version: rfc9535 }',
      '/workflows/0/steps/1/requestBody/replacements/0/value/type/version',
      55,
      '"rfc9535" is not one of "rfc6901"',
    ],
    // A criterion `type` naming jsonpointer is the criterion registry's finding (criterion-invalid),
    // not the schema's: test/criteria/criterion-plugins.test.ts.
    [
      '§Payload Replacement Object: targetSelectorType is jsonpath, xpath or jsonpointer',
      'targetSelectorType: jsonpath',
      'targetSelectorType: regex',
      '/workflows/0/steps/1/requestBody/replacements/0/targetSelectorType',
      51,
      '"regex" is not one of "jsonpath", "xpath", "jsonpointer"',
    ],
    [
      '§Step Object: output names MUST match ^[a-zA-Z0-9.\\-_]+$',
      '          whole: $response.body',
      '          who le: $response.body',
      '/workflows/0/steps/0/outputs/who le',
      40,
      /does not match/,
    ],
    [
      '§Arazzo Specification Object: sourceDescriptions MUST have at least one entry',
      'sourceDescriptions:\n  - name: pets\n    url: ./pets.openapi.yaml\n    type: openapi\n  - name: orders\n    url: ./orders.asyncapi.yaml\n    type: asyncapi\n',
      'sourceDescriptions: []\n',
      '/sourceDescriptions',
      6,
      'must have at least 1 item',
    ],
  ];
  for (const [name, from, to, pointer, line, message] of cases)
    it(name, () => {
      const found = check(edit(from, to));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ code: 'schema', pointer, line });
      if (typeof message === 'string') expect(found[0]?.message).toBe(message);
      else expect(found[0]?.message).toMatch(message);
    });
});
