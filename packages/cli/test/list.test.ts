import { describe, expect, it } from 'vitest';
import { fixture, telaio } from './fixtures/run/fixture-server.js';

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
});
