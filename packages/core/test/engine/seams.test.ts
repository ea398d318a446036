import type { CredentialProvider, TransportContext } from '@telaio/core';
import { createEngine } from '@telaio/core';
import { createMemoryTransport } from '@telaio/core/testing';
import { describe, expect, it } from 'vitest';
import { loadInline, PRELUDE } from './helpers.js';

const DOC = `${PRELUDE}workflows:
  - workflowId: w
    steps:
      - { stepId: a, operationId: listPets }
`;

describe('seams', () => {
  it('the CredentialProvider reaches every send, and its serverFor picks the base URL unless a servers override is given', async () => {
    const contexts: TransportContext[] = [];
    const credentials: CredentialProvider = {
      credentialFor: () => ({ type: 'bearer', token: 't' }),
      serverFor: (source) => (source.name === 'pets' ? 'http://127.0.0.1:7/sandbox' : undefined),
    };
    const transport = createMemoryTransport(() => ({ status: 200 }));
    const spy = {
      send: (r: Parameters<typeof transport.send>[0], c: TransportContext) => {
        contexts.push(c);
        return transport.send(r, c);
      },
    };
    const engine = createEngine({ transport: spy, credentials, cache: false });
    const doc = await loadInline(engine, DOC);
    await engine.run({ document: doc });
    expect(contexts[0]?.credentials).toBe(credentials);
    expect(transport.sent[0]?.url).toBe('http://127.0.0.1:7/sandbox/pets');
    expect(transport.prepared[0]?.source?.name).toBe('pets');
    const overridden = createEngine({
      transport,
      credentials,
      cache: false,
      servers: { pets: 'http://127.0.0.1:8' },
    });
    await overridden.run({ document: await loadInline(overridden, DOC) });
    expect(transport.sent[1]?.url).toBe('http://127.0.0.1:8/pets');
  });

  it('engine hooks and run hooks are both called, engine hooks first; events carry the run id and depth', async () => {
    const calls: string[] = [];
    const runIds = new Set<string>();
    const engine = createEngine({
      transport: createMemoryTransport(() => ({ status: 200 })),
      cache: false,
      hooks: {
        onStepEnd: (e) => {
          calls.push('engine');
          runIds.add(e.runId);
        },
      },
    });
    const doc = await loadInline(engine, DOC);
    await engine.run({ document: doc, hooks: { onStepEnd: (e) => calls.push(`run:${e.depth}`) } });
    await engine.run({ document: doc });
    expect(calls).toEqual(['engine', 'run:0', 'engine']);
    expect(runIds.size).toBe(2);
  });

  it('a hook that throws rejects the run (never a throw from run() itself), whether the steps run in order or by their dependsOn', async () => {
    const CONCURRENT = `${PRELUDE.replace('arazzo: 1.0.1', 'arazzo: 1.1.0')}workflows:
  - workflowId: w
    steps:
      - { stepId: a, operationId: listPets }
      - { stepId: b, operationId: listPets, dependsOn: [a] }
`;
    for (const text of [DOC, CONCURRENT]) {
      const engine = createEngine({
        transport: createMemoryTransport(() => ({ status: 200 })),
        cache: false,
        hooks: {
          onStepStart: () => {
            throw new Error('hook broke');
          },
        },
      });
      const doc = await loadInline(engine, text);
      let running: Promise<unknown> | undefined;
      expect(() => {
        running = engine.run({ document: doc });
      }).not.toThrow();
      await expect(running).rejects.toThrow('hook broke');
    }
  });
});
