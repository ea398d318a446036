/**
 * The HTML report's timeline keeps the time a step waited for a lazily provided input (Arazzo 1.0.1
 * §4.6.4 workflow `inputs`, resolved by `--input-from NAME=prompt|env:|totp:` when first read) apart
 * from the step's own time: the real engine runs the fixture's `totp` workflow over an in-memory
 * transport, its `code` provider takes 4 s on the recorder's clock (a person typing it at a prompt),
 * and the row of the step that read it shows its own time, a hatched wait over its bar and the wait.
 */
import { createEngine } from '@telaio/core';
import { createMemoryTransport } from '@telaio/core/testing';
import { describe, expect, it } from 'vitest';
import { createRunRecorder } from '../src/report/html-record-run.js';
import { renderStepRow } from '../src/report/html-render-step.js';
import { fixture } from './fixtures/run/fixture-server.js';

describe('input waits in the HTML timeline (§4.6.4 inputs provided when first read)', () => {
  it('the step that read the input: its own time, the wait hatched on its bar and named', async () => {
    let clock = 0;
    const transport = createMemoryTransport(() => {
      clock += 30;
      return { status: 200, body: { secret: 'JBSWY3DPEHPK3PXP', session_jwt: 'jwt' } };
    });
    const engine = createEngine({ transport, cache: false });
    const document = await engine.load(fixture('fixture.arazzo.yml'));
    const recorder = createRunRecorder({ now: () => clock });
    const result = await engine.run({
      document,
      workflowId: 'totp',
      inputs: {},
      hooks: recorder.hooks,
      inputProviders: recorder.watchInputs({
        code: {
          resolve: async () => {
            clock += 4000;
            return '123456';
          },
        },
      }),
    });
    expect(result.status).toBe('success');
    const [create, verify] = recorder.executions();
    expect(create?.attempts[0]?.waits).toBeUndefined();
    expect(verify?.attempts[0]?.waits).toEqual([{ name: 'code', startMs: 30, endMs: 4030 }]);
    const row = renderStepRow(
      {
        index: 1,
        workflowId: 'totp',
        stepId: 'verify',
        depth: 0,
        startMs: verify?.startMs ?? 0,
        endMs: verify?.endMs ?? 0,
        status: 'success',
        line: 0,
        outputs: {},
        attempts: verify?.attempts ?? [],
        actions: [],
      },
      { totalMs: 4060, file: 'f', failedHere: false, run: 0 },
    );
    expect(row).toContain('<span class="ms">30 ms</span>');
    expect(row).toMatch(/<span class="seg wait" style="left:0\.74%;width:98\.52%"><\/span>/);
    expect(row).toContain('⏸ waited 4 s for code');
    expect(row).toContain('waited 4 s for input <code>code</code>');
  });
});
