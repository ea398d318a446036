import { createEngine, createProcessHost, externalInput, type Host, TelaioError } from '@telaio/core';
import { createMemoryTransport } from '@telaio/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { loadInline, PRELUDE } from '../engine/helpers.js';

const DOC = `${PRELUDE}workflows:
  - workflowId: w
    inputs:
      type: object
      required: [code]
      properties:
        code: { type: string, pattern: '^[0-9]{6}$' }
    steps:
      - stepId: login
        operationId: login
        requestBody: { payload: { code: $inputs.code } }
        successCriteria: [{ condition: $statusCode == 200 }]
`;

const engineOn = (host?: Host) => {
  const transport = createMemoryTransport(() => ({ status: 200, body: { ok: true } }));
  const engine = createEngine({ transport, cache: false, ...(host === undefined ? {} : { host }) });
  return { engine, transport };
};

describe('the process host (the default: nothing journaled)', () => {
  it('§Workflow Object inputs: an external input waits until a value is sent to the run, then the step sends it', async () => {
    const host = createProcessHost();
    const { engine, transport } = engineOn(host);
    const document = await loadInline(engine, DOC);
    const waiting: string[] = [];
    setTimeout(() => host.send('run-1', 'code', '123456'), 20);
    const result = await engine.run({
      document,
      runId: 'run-1',
      inputProviders: { code: externalInput() },
      hooks: { onStepStart: (e) => waiting.push(e.runId) },
    });
    expect(result.status).toBe('success');
    expect(waiting).toEqual(['run-1']);
    expect(transport.sent[0]?.body).toBe('{"code":"123456"}');
  });

  it('§Workflow Object inputs: a value sent to the run is still validated against the input schema', async () => {
    const host = createProcessHost();
    const { engine, transport } = engineOn(host);
    const document = await loadInline(engine, DOC);
    host.send('run-2', 'code', 'abc');
    const result = await engine.run({ document, runId: 'run-2', inputProviders: { code: externalInput() } });
    expect(result.error).toMatchObject({ code: 'input-invalid', stepId: 'login' });
    expect(transport.sent).toHaveLength(0);
  });

  it('an external input no value reaches in time is input-missing, naming the wait', async () => {
    const { engine, transport } = engineOn();
    const document = await loadInline(engine, DOC);
    const result = await engine.run({ document, inputProviders: { code: externalInput({ timeoutMs: 20 }) } });
    expect(result.error?.code).toBe('input-missing');
    expect(result.error?.message).toContain('no value was sent to the run within 20 ms');
    expect(transport.sent).toHaveLength(0);
  });

  it('a host and the process-host options sleep/now together are refused as misconfiguration', () => {
    const transport = createMemoryTransport(() => ({ status: 200 }));
    const make = () => createEngine({ transport, host: createProcessHost(), sleep: async () => {} });
    expect(make).toThrow(TelaioError);
    expect(make).toThrow(/host or sleep\/now/);
  });

  it('the resolve() of an external input is never the way its value comes (it says so if called)', () => {
    const provider = externalInput({ timeoutMs: 5 });
    expect(provider.external).toEqual({ timeoutMs: 5 });
    expect(() => provider.resolve({ name: 'code' } as never)).toThrow(/through the host's waitFor/);
  });

  it('a run nobody asks about draws no random run id; once read, every event of the run carries the same one', async () => {
    const crypto = process.getBuiltinModule('node:crypto');
    const draw = vi.spyOn(crypto, 'randomUUID');
    try {
      const { engine } = engineOn();
      const document = await loadInline(engine, DOC);
      const quiet = await engine.run({ document, inputs: { code: '123456' } });
      expect(quiet.status).toBe('success');
      expect(draw).not.toHaveBeenCalled();
      const ids: string[] = [];
      const heard = await engine.run({
        document,
        inputs: { code: '123456' },
        hooks: {
          onWorkflowStart: (e) => ids.push(e.runId),
          onStepStart: (e) => ids.push(e.runId),
          onStepEnd: (e) => ids.push(e.runId),
          onWorkflowEnd: (e) => ids.push(e.runId),
        },
      });
      expect(heard.status).toBe('success');
      expect(draw).toHaveBeenCalledTimes(1);
      expect(ids).toHaveLength(4);
      expect(new Set(ids).size).toBe(1);
      expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    } finally {
      draw.mockRestore();
    }
  });

  it("a host's newRunId is still asked once as each run begins, read or not (its ids may count runs)", async () => {
    let count = 0;
    const host = createProcessHost({ newRunId: () => `run-${++count}` });
    const { engine } = engineOn(host);
    const document = await loadInline(engine, DOC);
    await engine.run({ document, inputs: { code: '123456' } });
    const ids: string[] = [];
    await engine.run({
      document,
      inputs: { code: '123456' },
      hooks: { onStepStart: (e) => ids.push(e.runId) },
    });
    expect(ids).toEqual(['run-2']);
  });
});
