import { describe, expect, it } from 'vitest';
import { fixture, telaio } from './fixtures/run/fixture-server.js';
import { writeProject } from './support/run.js';

describe('telaio list', () => {
  it('shows each workflow with summary, inputs (name, type, required) and outputs', async () => {
    const r = await telaio(['list', fixture('fixture.arazzo.yml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/login-and-fetch\s+Log in, then fetch/);
    expect(r.stdout).toMatch(/itemId\s+integer\s+required/);
    expect(r.stdout).toMatch(/itemName\s+\$steps\.getItem\.outputs\.name/);
    expect(r.stdout).toMatch(/retry-and-goto/);
  });

  it('--format json', async () => {
    const r = await telaio(['list', '--format', 'json', fixture('fixture.arazzo.yml')]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    const flow = list.workflows.find((w: { workflowId: string }) => w.workflowId === 'login-and-fetch');
    expect(flow.inputs).toContainEqual({ name: 'password', type: 'string', required: true });
    expect(flow.outputs.map((o: { name: string }) => o.name)).toEqual(['sessionToken', 'itemName', 'secret']);
  });

  it('exit 2 for a missing file or no FILE; --help has examples', async () => {
    expect((await telaio(['list', fixture('nope.yml')])).code).toBe(2);
    expect((await telaio(['list'])).code).toBe(2);
    const help = await telaio(['list', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
  });

  it('keeps its columns with multi-line descriptions: the first line, marked as cut (JSON keeps them whole)', async () => {
    const dir = await writeProject('telaio-list-', {
      'flow.arazzo.yaml': [
        'arazzo: 1.0.1',
        'info: { title: multi, version: "1" }',
        'sourceDescriptions: [{ name: api, url: ./api.yaml, type: openapi }]',
        'workflows:',
        '  - workflowId: multi',
        '    summary: |',
        '      First line of the summary.',
        '      Second line that would break the columns.',
        '    inputs:',
        '      type: object',
        '      properties:',
        '        a: { type: string, description: "one\\ntwo" }',
        '        longer_name: { type: integer }',
        '    steps:',
        '      - { stepId: s, operationId: op }',
      ],
    });
    const r = await telaio(['list', 'flow.arazzo.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('▶ multi  First line of the summary. …\n');
    expect(r.stdout).toMatch(
      /\n {6}a {12}string {3}optional {2}one …\n {6}longer_name {2}integer {2}optional\n/,
    );
    expect(r.stdout).not.toContain('Second line');
    const json = JSON.parse(
      (await telaio(['list', '--format', 'json', 'flow.arazzo.yaml'], { cwd: dir })).stdout,
    );
    expect(json.workflows[0].summary).toBe(
      'First line of the summary.\nSecond line that would break the columns.\n',
    );
  });

  it('names a missing FILE relative to the working directory, in the words every command uses', async () => {
    const r = await telaio(['list', 'nope.yml'], { cwd: fixture('.') });
    expect(r.stderr).toBe('telaio list: cannot read nope.yml: no such file\n');
  });
});
