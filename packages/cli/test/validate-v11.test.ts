import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * `telaio validate` on Arazzo 1.1 documents with one defect each: the project's own 1.1 fixture
 * (every field 1.1 adds, an OpenAPI 3.2 and an AsyncAPI 3.0 source) with one edit per case, all
 * validated in one run; each case's file must give exactly the expected code(s) at the line(s).
 */
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
const fixtures = path.join(repoRoot, 'packages/core/test/fixtures/v11');
const BASE = readFileSync(path.join(fixtures, 'everything.arazzo.yaml'), 'utf8');

type Expected = readonly [code: string, line: number, severity?: 'warning' | 'any'];
type Case = readonly [
  name: string,
  edits: readonly (readonly [string, string])[],
  expected: readonly Expected[],
];

const CASES: readonly Case[] = [
  [
    '§Versions: an unknown minor is unsupported-version',
    [['arazzo: 1.1.0', 'arazzo: 1.2.0']],
    [['unsupported-version', 1]],
  ],
  [
    '§Arazzo Specification Object: $self MUST NOT contain a fragment',
    [['everything.arazzo.yaml\n', 'everything.arazzo.yaml#me\n']],
    [['schema', 2]],
  ],
  [
    '§Arazzo Specification Object: sourceDescriptions MUST have at least one entry',
    [['sourceDescriptions:\n', 'sourceDescriptions: []\nx-sources:\n']],
    // What names the sources is then unknown, as in 1.0.
    [
      ['schema', 6],
      ['operation-unknown', 23],
      ['operation-unknown', 43],
      ['channel-unknown', 58],
      ['operation-unknown', 83],
    ],
  ],
  [
    '§Step Object: channelPath is mutually exclusive with operationId',
    [
      [
        '        action: receive\n',
        '        action: receive\n        operationId: $sourceDescriptions.orders.confirmOrder\n',
      ],
    ],
    [['schema', 56]],
  ],
  [
    '§Step Object channelPath: names no channel',
    [['channels/orderConfirmed', 'channels/orderConfirmd']],
    [['channel-unknown', 57]],
  ],
  [
    '§Step Object channelPath: needs an AsyncAPI source',
    [['{$sourceDescriptions.orders.url}#/channels', '{$sourceDescriptions.pets.url}#/channels']],
    [['channel-unknown', 57]],
  ],
  [
    '§Step Object channelPath: a runtime expression names the source',
    [["'{$sourceDescriptions.orders.url}#/channels", "'./orders.asyncapi.yaml#/channels"]],
    [['channel-unknown', 57]],
  ],
  [
    '§Step Object action: send on a receive operation',
    [['        action: send\n', '        action: receive\n']],
    // And a step that receives has nothing to send: its requestBody is ignored.
    [
      ['action-mismatch', 43],
      ['action-not-applicable', 45, 'warning'],
    ],
  ],
  [
    '§Step Object action: a channelPath step needs one',
    [['        action: receive\n', '        x-action: receive\n']],
    [['action-missing', 57]],
  ],
  [
    '§Step Object action: only applicable for asyncapi steps',
    [['        timeout: 5000\n', '        action: send\n']],
    [['action-not-applicable', 23, 'warning']],
  ],
  [
    '§Step Object correlationId: only for steps with action receive',
    [['        dependsOn: [search]\n', '        correlationId: $inputs.correlation\n']],
    [['action-not-applicable', 44, 'warning']],
  ],
  ['§Step Object timeout: a positive integer', [['timeout: 6000', 'timeout: -1']], [['schema', 60]]],
  [
    '§Runtime Expressions $message: outside a message step',
    [['whole: $response.body', 'whole: $message.payload']],
    [['reference-unknown', 40]],
  ],
  [
    '§Runtime Expressions $message: in the request of a message step',
    [['petId: $steps.search.outputs.firstId', 'petId: $message.payload#/petId']],
    [['reference-unknown', 48]],
  ],
  [
    '§Runtime Expressions $self: needs a $self field',
    [
      ['$self: https://example.test/workflows/everything.arazzo.yaml', 'x-self: none'],
      ['whole: $response.body', 'whole: $self'],
    ],
    [['reference-unknown', 40]],
  ],
  [
    '§Step Object dependsOn: names no step',
    [['dependsOn: [search]', 'dependsOn: [serch]']],
    [['step-unknown', 44]],
  ],
  [
    '§Step Object dependsOn: $workflows.<id>.steps.<id> names no step',
    [['dependsOn: [search]', 'dependsOn: [$workflows.cancel.steps.nope]']],
    [['step-unknown', 44]],
  ],
  [
    '§Step Object dependsOn: names no workflow',
    [['dependsOn: [search]', 'dependsOn: [$workflows.nope.steps.x]']],
    [['workflow-unknown', 44]],
  ],
  [
    '§Step Dependencies: dependsOn and output references form a cycle',
    [['        timeout: 5000\n', '        dependsOn: [place]\n']],
    [['dependency-cycle', 44]],
  ],
  [
    '§Step Dependencies, Validation Recommendations: a forward reference without dependsOn',
    [
      ['        dependsOn: [search]\n', '        x-after: search\n'],
      ["value: 'status=available&{$inputs.filter}'", "value: 'id={$steps.confirm.outputs.orderId}'"],
    ],
    [['forward-reference', 27]],
  ],
  [
    '§Selector Object: a JSONPath selector that does not compile',
    [['selector: $[0].id', 'selector: $[0.id']],
    [['selector-invalid', 38]],
  ],
  [
    '§Selector Object: a JSON Pointer selector that is not RFC 6901',
    [['selector: /0/id', 'selector: 0/id']],
    [['selector-invalid', 54]],
  ],
  [
    '§Payload Replacement Object: a target that is not its targetSelectorType',
    [['target: $.petId', 'target: $.[petId']],
    [['selector-invalid', 50]],
  ],
  [
    '§Expression Type Object: a version its type does not have',
    [['version: rfc9535', 'version: xpath-30']],
    // And the criterion cannot compile under that version.
    [
      ['criterion-invalid', 31],
      ['schema', 34],
    ],
  ],
  [
    '§Parameter Object querystring: the value MUST be a string',
    [["value: 'status=available&{$inputs.filter}'", 'value: 42']],
    [['parameter-invalid', 27]],
  ],
  [
    '§Parameter Object querystring: cannot coexist with query parameters',
    [
      [
        "            value: 'status=available&{$inputs.filter}'\n",
        "            value: 'status=available'\n          - name: limit\n            in: query\n            value: 1\n",
      ],
    ],
    [
      ['parameter-invalid', 25],
      // lint's parameter rule: searchPets defines no query 'limit' (its severity is the table's)
      ['parameter-invalid', 28, 'any'],
    ],
  ],
  [
    '§Failure Action Object parameters: the in field MUST NOT be used',
    [['                value: timeout\n', '                in: query\n                value: timeout\n']],
    [['schema', 66]],
  ],
  [
    '§Failure Action Object parameters: passed only to a workflowId',
    [['            workflowId: cancel\n', '            stepId: confirm\n']],
    [['action-parameters-ignored', 66, 'warning']],
  ],
  [
    '§Failure Action Object parameters: no duplicates',
    [['- reference: $components.parameters.who', '- name: reason\n                value: again']],
    [['duplicate-id', 68]],
  ],
  [
    '§Expression Type Object: xpath-31 is an XPath version of 1.1 (valid)',
    [
      ['            condition: $[?@.id]\n', '            condition: count(/a) >= 0\n'],
      [
        '              type: jsonpath\n              version: rfc9535\n',
        '              type: xpath\n              version: xpath-31\n',
      ],
    ],
    [],
  ],
  [
    '§Step Object operationId: names no operation of the AsyncAPI source',
    [['orders.placeOrder', 'orders.placeOrdr']],
    [['operation-unknown', 42]],
  ],
  [
    '§Failure Action Object parameters: their runtime expressions name what exists',
    [['                value: timeout\n', '                value: $inputs.nope\n']],
    [['reference-unknown', 67, 'warning']],
  ],
  [
    '§Payload Replacement Object targetSelectorType: xpath cannot resolve against a JSON payload',
    [['targetSelectorType: jsonpath', 'targetSelectorType: xpath']],
    [['selector-invalid', 51]],
  ],
  [
    '§Source Description Expression Resolution: neither an operationId nor a field of the source',
    [['whole: $response.body', 'whole: $sourceDescriptions.pets.nope']],
    [['reference-unknown', 40]],
  ],
  [
    '§Step Object requestBody: a receiving message step has nothing to send',
    [
      [
        '        correlationId: $inputs.correlation\n',
        '        correlationId: $inputs.correlation\n        requestBody: { payload: { a: 1 } }\n',
      ],
    ],
    [['action-not-applicable', 60, 'warning']],
  ],
  [
    '§Criterion Object context: a runtime expression, not a Selector Object',
    [
      [
        '          - context: $response.body\n            condition: $[?@.id]',
        '          - context: { context: $response.body, selector: $.id, type: jsonpath }\n            condition: $[?@.id]',
      ],
    ],
    [
      ['schema', 30],
      ['criterion-invalid', 30],
    ],
  ],
  ['§Source Description Object: type asyncapi only in 1.1', [['arazzo: 1.1.0', 'arazzo: 1.0.1']], []],
];

let results: Map<string, { code: string; line: number; severity: string }[]>;

beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'telaio-validate-v11-'));
  for (const source of ['pets.openapi.yaml', 'orders.asyncapi.yaml'])
    copyFileSync(path.join(fixtures, source), path.join(dir, source));
  const files = CASES.map(([, edits], i) => {
    let text = BASE;
    for (const [from, to] of edits) {
      if (text.split(from).length !== 2)
        throw new Error(`case ${i}: '${from}' is not in the fixture exactly once`);
      text = text.replace(from, to);
    }
    const file = path.join(dir, `case-${i}.arazzo.yaml`);
    writeFileSync(file, text);
    return file;
  });
  const r = spawnSync(process.execPath, [bin, 'validate', '--no-cache', '--format', 'json', ...files], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const report = JSON.parse(r.stdout) as {
    diagnostics: { file: string; code: string; line: number; severity: string }[];
  };
  results = new Map(files.map((_, i) => [String(i), []]));
  for (const d of report.diagnostics) results.get(String(files.indexOf(path.resolve(dir, d.file))))?.push(d);
});

describe('telaio validate on Arazzo 1.1 documents, one defect each (code and line)', () => {
  it('the fixture itself validates with no finding', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'telaio-validate-v11-ok-'));
    const r = spawnSync(
      process.execPath,
      [bin, 'validate', '--no-cache', path.join(fixtures, 'everything.arazzo.yaml')],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(r.stdout).toMatch(/no problems/);
    expect(r.status).toBe(0);
  });

  CASES.forEach(([name, , expected], i) => {
    if (i === CASES.length - 1) return;
    it(name, () => {
      const found = (results.get(String(i)) ?? []).map((d) => [d.code, d.line, d.severity] as const);
      const severityOf = (severity: string | undefined, j: number) =>
        severity === 'any' ? found[j]?.[2] : (severity ?? 'error');
      expect(found).toEqual(
        expected.map(([code, line, severity], j) => [code, line, severityOf(severity, j)]),
      );
    });
  });

  it("§Identity-Based Referencing: FILE arguments are provided together, so a source url naming one file's $self finds it (no fetch); alone it is fetched and unreachable", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'telaio-validate-identity-'));
    copyFileSync(path.join(fixtures, 'pets.openapi.yaml'), path.join(dir, 'pets.openapi.yaml'));
    // A port nothing listens on: fetching the identity as a location fails at once.
    const identity = 'http://127.0.0.1:9/canonical/flows.arazzo.yaml';
    writeFileSync(
      path.join(dir, 'flows.arazzo.yaml'),
      `arazzo: 1.1.0\n$self: ${identity}\ninfo: { title: flows, version: 1.0.0 }\nsourceDescriptions:\n  - { name: pets, url: ${path.join(dir, 'pets.openapi.yaml')}, type: openapi }\nworkflows:\n  - workflowId: list\n    steps:\n      - { stepId: one, operationId: searchPets, parameters: [{ name: q, in: querystring, value: a }] }\n`,
    );
    writeFileSync(
      path.join(dir, 'main.arazzo.yaml'),
      `arazzo: 1.1.0\ninfo: { title: main, version: 1.0.0 }\nsourceDescriptions:\n  - { name: flows, url: '${identity}', type: arazzo }\nworkflows:\n  - workflowId: main\n    steps:\n      - { stepId: run, workflowId: $sourceDescriptions.flows.list }\n`,
    );
    const validate = (...files: string[]) =>
      spawnSync(process.execPath, [bin, 'validate', '--no-cache', ...files], { cwd: dir, encoding: 'utf8' });
    const together = validate('main.arazzo.yaml', 'flows.arazzo.yaml');
    expect(together.stdout).toMatch(/no problems/);
    expect(together.status).toBe(0);
    const alone = validate('main.arazzo.yaml');
    expect(alone.stdout).toMatch(/main\.arazzo\.yaml:4:\d+\s+error\s+source-unresolved/);
    expect(alone.status).toBe(1);
  });

  it('§Versions: the same document read as 1.0.1 is judged by the 1.0 schema (every 1.1 field a schema error)', () => {
    const found = results.get(String(CASES.length - 1)) ?? [];
    expect(found.length).toBeGreaterThan(5);
    expect(found.every((d) => d.code === 'schema')).toBe(true);
    expect(found.map((d) => d.line)).toEqual(expect.arrayContaining([2, 12, 23, 44, 57]));
  });
});
