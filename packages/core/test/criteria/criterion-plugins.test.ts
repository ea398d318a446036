import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type CriterionEvaluator,
  CriterionSyntaxError,
  createEngine,
  evaluateExpression,
  TelaioError,
} from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../engine/helpers.js';

/** A plugin criterion language: `condition: '>=1.2.0'` against a semantic version in `context`. */
function semverPlugin(): CriterionEvaluator {
  const parse = (text: string): number[] | undefined => {
    const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(text.trim());
    return m === null ? undefined : [Number(m[1]), Number(m[2]), Number(m[3])];
  };
  const compare = (a: number[], b: number[]): number =>
    a.reduce((order, n, i) => (order !== 0 ? order : n - (b[i] as number)), 0);
  return {
    type: 'semver',
    versions: ['2.0.0'],
    requiresContext: true,
    compile({ condition, context }) {
      const m = /^(>=|<=|==|>|<)\s*(.+)$/.exec(condition.trim());
      const wanted = m === null ? undefined : parse(m[2] as string);
      if (m === null || wanted === undefined)
        throw new CriterionSyntaxError(`'${condition}' is not <op> <major.minor.patch>`);
      const op = m[1] as string;
      return {
        test(ctx, onMissing) {
          const value = context === undefined ? undefined : evaluateExpression(context, ctx, onMissing);
          const got = typeof value === 'string' ? parse(value) : undefined;
          if (got === undefined) return false;
          const order = compare(got, wanted);
          return op === '>='
            ? order >= 0
            : op === '<='
              ? order <= 0
              : op === '>'
                ? order > 0
                : op === '<'
                  ? order < 0
                  : order === 0;
        },
      };
    },
  };
}

const doc = (type: string, condition = '>=1.2.0', arazzo = '1.0.1') => `arazzo: ${arazzo}
info: { title: plugin criteria, version: 1.0.0 }
sourceDescriptions:
  - { name: pets, url: ./pets.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: version
        operationId: getPet
        parameters: [{ name: petId, in: path, value: p1 }]
        successCriteria:
          - condition: $statusCode == 200
          - context: $response.body#/version
            condition: '${condition}'
            type: ${type}
        outputs: { version: $response.body#/version }
`;

describe('§Criterion Object type: plugin criterion languages end to end (createEngine({criteria}))', () => {
  let server: Server;
  let baseUrl = '';
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ version: '1.4.2' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const engineWith = (criteria: CriterionEvaluator[]) =>
    createEngine({ transport: createHttpTransport(), cache: false, servers: { pets: baseUrl }, criteria });
  const load = (engine: ReturnType<typeof createEngine>, text: string) =>
    engine.load({ uri: fixture('plugin-criteria.arazzo.yaml'), text });

  it('loads a document whose criterion names a plugin type, and the plugin decides the step over HTTP', async () => {
    const engine = engineWith([semverPlugin()]);
    const passing = await engine.run({ document: await load(engine, doc('semver')) });
    expect(passing.status).toBe('success');
    expect(passing.outputs).toEqual({});
    expect(passing.steps[0]?.outputs).toEqual({ version: '1.4.2' });
    const failing = await engine.run({ document: await load(engine, doc('semver', '>=2.0.0')) });
    expect(failing.status).toBe('failure');
    expect(failing.error).toMatchObject({
      code: 'criteria-failed',
      failedCriterion: { condition: '>=2.0.0', type: 'semver', context: '$response.body#/version' },
    });
  });

  it('accepts the plugin type as an Expression Type Object with one of its versions, in 1.0 and 1.1 documents', async () => {
    const engine = engineWith([semverPlugin()]);
    for (const arazzo of ['1.0.1', '1.1.0']) {
      const text = doc('{ type: semver, version: 2.0.0 }', '>=1.0.0', arazzo);
      const result = await engine.run({ document: await load(engine, text) });
      expect(result.status, arazzo).toBe('success');
    }
  });

  it('refuses the same document without the plugin: criterion-invalid at the type, not a schema error', async () => {
    const error = await load(engineWith([]), doc('semver')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelaioError);
    const diagnostics = (error as TelaioError).details?.diagnostics as {
      code: string;
      severity: string;
      message: string;
      range: { start: { line: number } };
    }[];
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['criterion-invalid']);
    expect(errors[0]?.message).toMatch(
      /unknown criterion type 'semver' \(known: simple, regex, jsonpath, xpath/,
    );
    expect(errors[0]?.range.start.line).toBe(15);
  });

  it('refuses a plugin version the plugin does not list, and a plugin condition that does not compile', async () => {
    const engine = engineWith([semverPlugin()]);
    const badVersion = await load(engine, doc("{ type: semver, version: '9.9' }")).catch((e: unknown) => e);
    expect((badVersion as TelaioError).message).toMatch(/criterion-invalid .*unknown semver version '9.9'/);
    const badCondition = await load(engine, doc('semver', '~1.2')).catch((e: unknown) => e);
    expect((badCondition as TelaioError).message).toMatch(
      /criterion-invalid .*is not <op> <major.minor.patch>/,
    );
  });

  it('1.1.0 §Criterion Object: jsonpointer is a selector type, not a criterion type ("simple, regex, jsonpath or xpath")', async () => {
    const text = doc('{ type: jsonpointer, version: rfc6901 }', '/version', '1.1.0');
    const error = await load(engineWith([]), text).catch((e: unknown) => e);
    expect((error as TelaioError).message).toMatch(
      /criterion-invalid at 15:\d+ unknown criterion type 'jsonpointer'/,
    );
  });
});
