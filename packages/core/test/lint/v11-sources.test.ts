import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintDocument } from '../../src/lint/lint-document.js';
import { resolveDocument } from '../../src/sources/resolve-document.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';

const users = fileURLToPath(new URL('../fixtures/sources/async/users-asyncapi-2.6.yaml', import.meta.url));
const pets = fileURLToPath(new URL('../fixtures/sources/pets-3.0.yaml', import.meta.url));

let dir: string;
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const lint = async (root: string) =>
  lintDocument(await resolveDocument(root, { cache: false })).map((d) => ({
    code: d.code,
    line: d.range.start.line,
    message: d.message,
  }));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telaio-v11-lint-'));
  clearSourceCache();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const usersDoc = (action: string) => `arazzo: 1.1.0
info: {title: t, version: '1'}
sourceDescriptions:
  - {name: users, url: '${users}', type: asyncapi}
workflows:
  - workflowId: w
    steps:
      - stepId: signUp
        operationId: $sourceDescriptions.users.signUpUser
        action: ${action}
`;

describe('Arazzo 1.1.0 §Step Object action against an AsyncAPI 2.6 source', () => {
  it('a 2.x publish operation is what a step sends: action send is right', async () => {
    expect(await lint(write('a.arazzo.yaml', usersDoc('send')))).toEqual([]);
  });

  it('action receive on a publish operation is action-mismatch, the 2.x verb named', async () => {
    const found = await lint(write('a.arazzo.yaml', usersDoc('receive')));
    expect(found.map((d) => [d.code, d.line])).toEqual([['action-mismatch', 10]]);
    expect(found[0]?.message).toMatch(/is send \(AsyncAPI publish\)/);
  });
});

describe('Arazzo 1.1.0 §Step Object dependsOn into another Arazzo document', () => {
  const child = `arazzo: 1.0.1
info: {title: child, version: '1'}
sourceDescriptions:
  - {name: pets, url: '${pets}', type: openapi}
workflows:
  - workflowId: prepare
    steps:
      - {stepId: fetch, operationId: getPet, parameters: [{name: petId, in: path, value: 1}, {name: X-Trace, in: header, value: t}]}
`;
  const root = (entry: string) => `arazzo: 1.1.0
info: {title: root, version: '1'}
sourceDescriptions:
  - {name: pets, url: '${pets}', type: openapi}
  - {name: child, url: ./child.arazzo.yaml, type: arazzo}
workflows:
  - workflowId: w
    steps:
      - stepId: s
        operationId: getPet
        parameters: [{name: petId, in: path, value: 1}, {name: X-Trace, in: header, value: t}]
        dependsOn: ['${entry}']
`;
  const cases: readonly [string, string, string | undefined][] = [
    [
      'names a step of a workflow of an Arazzo source',
      '$sourceDescriptions.child.prepare.steps.fetch',
      undefined,
    ],
    [
      'a step that workflow does not have is step-unknown',
      '$sourceDescriptions.child.prepare.steps.fetsh',
      'step-unknown',
    ],
    [
      'a workflow the source does not have is workflow-unknown',
      '$sourceDescriptions.child.nope.steps.fetch',
      'workflow-unknown',
    ],
    [
      'an undeclared source is workflow-unknown',
      '$sourceDescriptions.nope.prepare.steps.fetch',
      'workflow-unknown',
    ],
  ];
  for (const [name, entry, code] of cases)
    it(name, async () => {
      write('child.arazzo.yaml', child);
      const found = await lint(write('root.arazzo.yaml', root(entry)));
      expect(found.map((d) => [d.code, d.line])).toEqual(code === undefined ? [] : [[code, 12]]);
    });
});
