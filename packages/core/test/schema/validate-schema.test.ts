import { describe, expect, it } from 'vitest';
import { loadArazzoText } from '../../src/document/load-arazzo-text.js';
import { arazzoSchema } from '../../src/schema/arazzo-schema.js';
import { validateSchema } from '../../src/schema/validate-schema.js';

const lint = (text: string) => {
  const { file } = loadArazzoText({ uri: 'mem:doc.yaml', text });
  if (file === undefined) throw new Error('fixture does not parse');
  return validateSchema(file);
};

const broken = `arazzo: 1.0.1
info:
  title: Broken
  version: 1.0.0
sourceDescriptions:
  - name: api
    url: ./api.yaml
workflows:
  - workflowId: w
    foo: bar
    steps:
      - description: no stepId here
        operationId: op
      - stepId: both
        operationId: op
        workflowId: w
      - stepId: noIn
        operationId: op
        parameters:
          - name: id
            value: 1
        onSuccess:
          - name: jump
            type: goto
        onFailure:
          - name: again
            type: retry
            retryLimit: -1
        successCriteria:
          - condition: $statusCode == 200
            type: glob
            context: $response.body
`;

describe('validateSchema diagnostics', () => {
  const diagnostics = lint(broken);
  const find = (pointer: string) => diagnostics.filter((d) => d.pointer === pointer);

  it('accepts a valid document', () => {
    const ok = broken.split('\n').slice(0, 9).join('\n');
    expect(lint(`${ok}\n    steps:\n      - stepId: a\n        operationId: op\n`)).toEqual([]);
  });

  it('points unknown properties at the key', () => {
    const [d] = find('/workflows/0/foo');
    expect(d).toMatchObject({
      code: 'schema',
      severity: 'error',
      message: "unknown property 'foo' (extensions must start with x-)",
    });
    expect(d?.range.start).toMatchObject({ line: 10, column: 5 });
  });

  it('names the missing required property at the object', () => {
    const [d] = find('/workflows/0/steps/0');
    expect(d?.message).toBe("missing required property 'stepId'");
    expect(d?.range.start.line).toBe(12);
  });

  it('says a step needs exactly one target, once', () => {
    const ds = find('/workflows/0/steps/1');
    expect(ds.map((d) => d.message)).toEqual([
      "a step must have exactly one of 'operationId', 'operationPath' or 'workflowId'",
    ]);
    expect(ds[0]?.range.start.line).toBe(14);
  });

  it("leaves a missing 'in' on operation-step parameters to lint's parameter-invalid (CONTRACT.md)", () => {
    expect(find('/workflows/0/steps/2/parameters/0')).toEqual([]);
  });

  it('asks goto for a target, and checks retryLimit', () => {
    expect(find('/workflows/0/steps/2/onSuccess/0')[0]?.message).toMatch(/goto action must name exactly one/);
    expect(find('/workflows/0/steps/2/onFailure/0/retryLimit')[0]?.message).toBe('must be >= 0');
    expect(find('/workflows/0/steps/2/onFailure/0/retryLimit')[0]?.range.start.line).toBe(28);
  });

  it("checks only the shape of a criterion type: which names exist is the criterion registry's (lint criterion-invalid)", () => {
    expect(find('/workflows/0/steps/2/successCriteria/0/type')).toEqual([]);
  });

  it('gives no more than one message per node and cause', () => {
    const keys = diagnostics.map((d) => `${d.pointer} ${d.message}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(diagnostics).toHaveLength(5);
  });
});

describe('unsupported-version', () => {
  for (const version of ['1.2.0', '2.0.0', '0.9.0', '1.1', 'v1.1.0']) {
    it(`reports arazzo ${version} once, at the version, without schema noise (§Versions)`, () => {
      const ds = lint(
        `arazzo: '${version}'\ninfo: {title: t, version: "1"}\nsourceDescriptions: []\nworkflows: []\n$self: x\n`,
      );
      expect(ds).toHaveLength(1);
      expect(ds[0]).toMatchObject({ code: 'unsupported-version', pointer: '/arazzo' });
      expect(ds[0]?.message).toMatch(/telaio supports 1\.0\.x and 1\.1\.x/);
      expect(ds[0]?.range.start).toMatchObject({ line: 1, column: 9 });
    });
  }

  it('keeps schema errors for a missing version', () => {
    const ds = lint('info: {title: t, version: "1"}\n');
    expect(ds.map((d) => d.code)).toEqual(['schema', 'schema', 'schema']);
    expect(ds[0]?.message).toMatch(/missing required property/);
  });

  it('reports a non-object document without crashing', () => {
    expect(lint('- 1\n- 2\n')[0]?.message).toBe('must be an object, not an array');
    expect(lint('')[0]?.code).toBe('schema');
  });
});

describe('uniqueItems stays out of the schema on arrays of objects', () => {
  it('has uniqueItems only on arrays of strings (ajv compares object items pairwise: quadratic)', () => {
    const found: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.uniqueItems === true && (record.items as { type?: unknown } | undefined)?.type !== 'string')
        found.push(at);
      for (const [key, value] of Object.entries(record)) walk(value, `${at}/${key}`);
    };
    walk(arazzoSchema, '');
    expect(found).toEqual([]);
  });
});
