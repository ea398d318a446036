/**
 * The Host contract: one vitest suite every host (the in-memory host, `@telaio/dbos`, later Temporal
 * or Restate adapters) runs to prove the same durability. Against a loopback HTTP API that counts
 * what it receives, one workflow with every kind of journal point (see host-contract-documents.ts)
 * runs uninterrupted, then is cut after each of its journal points in turn and resumed from its
 * journal: the resumed run must re-send nothing that completed and end with exactly the result of the
 * uninterrupted run (durations aside). Sleeps and external waits must go through the host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputProvider } from '../../adapters/inputs.js';
import { createEngine } from '../../engine/create-engine.js';
import type { Engine, WorkflowDocument } from '../../engine/engine-types.js';
import type { RunResult } from '../../engine/types.js';
import { externalInput } from '../../host/external-input.js';
import type { Host } from '../../host/host-types.js';
import type { JournalValue } from '../../host/journal-value.js';
import { createFetchTransport } from './create-fetch-transport.js';
import { HOST_CONTRACT_ARAZZO, HOST_CONTRACT_URI, hostContractLoader } from './host-contract-documents.js';
import { type InstrumentOptions, instrumentHost, type JournalPoint, RunCut } from './instrument-host.js';
import {
  HOST_CONTRACT_CODE,
  type HostContractServer,
  startHostContractServer,
} from './start-host-contract-server.js';

/** A host under test, as the suite drives it. */
export interface HostContractSubject {
  /**
   * Execute one run the way this host executes runs (in this process; inside a DBOS workflow whose
   * id is `runId`...): call `run` with the host, once, and settle as it settles. After `run` rejected
   * (a cut), a later `execute` with the same `runId` must resume that run from its journal.
   */
  execute(options: {
    readonly runId: string;
    readonly run: (host: Host) => Promise<RunResult>;
  }): Promise<RunResult>;
  /** Send run `runId` the value named `name` (`telaio resolve`), before or while it waits for it. */
  send(runId: string, name: string, value: JournalValue): void | Promise<void>;
  /** Release what the subject holds (connections, workers). */
  close?(): void | Promise<void>;
}

/** Builds the host under test (once per suite). */
export type HostFactory = () => HostContractSubject | Promise<HostContractSubject>;

/** A result without what differs between any two runs (durations) and with the run's key masked. */
export function comparableResult(result: RunResult, runKey: string): unknown {
  const text = JSON.stringify(result, (key, value) => (key === 'durationMs' ? undefined : value));
  return JSON.parse(text.split(runKey).join('<runKey>'));
}

/** Register the contract suite for one host under `describe(name)`. */
export function runHostContract(name: string, factory: HostFactory): void {
  describe(`Host contract: ${name}`, () => {
    let server: HostContractServer;
    let subject: HostContractSubject;
    let engine: Engine;
    let document: WorkflowDocument;
    let keys = 0;
    const hintCalls = new Map<string, number>();
    const hint: InputProvider = {
      resolve({ context }) {
        const runKey = String(context.inputs.runKey);
        hintCalls.set(runKey, (hintCalls.get(runKey) ?? 0) + 1);
        return `hint for ${runKey}`;
      },
    };
    beforeAll(async () => {
      server = await startHostContractServer();
      subject = await factory();
      const transport = createFetchTransport();
      engine = createEngine({
        transport,
        loader: hostContractLoader,
        cache: false,
        servers: { api: server.baseUrl },
      });
      document = await engine.load({ uri: HOST_CONTRACT_URI, text: HOST_CONTRACT_ARAZZO });
    });
    afterAll(async () => {
      await subject?.close?.();
      await server?.close();
    });

    const fresh = () => {
      keys += 1;
      return { runId: crypto.randomUUID(), runKey: `run-${keys}-${Math.random().toString(36).slice(2, 8)}` };
    };
    const execute = (
      ids: { runId: string; runKey: string },
      watch: InstrumentOptions = {},
      more: { code?: InputProvider; signal?: AbortSignal } = {},
    ) =>
      subject.execute({
        runId: ids.runId,
        run: (host) =>
          engine.run({
            document,
            workflowId: 'enroll',
            runId: ids.runId,
            host: instrumentHost(host, watch),
            inputs: { runKey: ids.runKey },
            inputProviders: { code: more.code ?? externalInput({ timeoutMs: 30_000, secret: true }), hint },
            ...(more.signal === undefined ? {} : { signal: more.signal }),
          }),
      });

    let baseline: { result: unknown; counts: Readonly<Record<string, number>>; points: JournalPoint[] };

    it('an uninterrupted run: every step, a retry sleep and an external wait through the host', async () => {
      const ids = fresh();
      const points: JournalPoint[] = [];
      const sleeps: number[] = [];
      const waits: string[] = [];
      await subject.send(ids.runId, 'code', HOST_CONTRACT_CODE);
      const onSleep = (r: { ms: number }) => sleeps.push(r.ms);
      const result = await execute(ids, { points, onSleep, onWait: (r) => waits.push(r.name) });
      expect(result.error).toBeUndefined();
      expect(result.outputs).toEqual({
        accountId: 'acct-1',
        calls: 2,
        ticks: 3,
        name: 'Ada',
        blobType: 'application/octet-stream',
        verified: true,
        hint: `hint for ${ids.runKey}`,
      });
      const counts = server.counts(ids.runKey);
      expect(counts).toEqual({
        'POST /accounts': 1,
        'GET /flaky': 2,
        'POST /ticks': 3,
        'GET /accounts/acct-1': 1,
        'GET /blob': 1,
        'POST /verify': 1,
      });
      expect(sleeps).toEqual([20]);
      expect(waits).toEqual(['code']);
      expect(hintCalls.get(ids.runKey)).toBe(1);
      expect(points.map((p) => p.kind)).toEqual([
        'effect',
        'effect',
        'sleep',
        ...Array(6).fill('effect'),
        'wait',
        'effect',
        'effect',
      ]);
      expect(new Set(points.map((p) => p.id)).size).toBe(points.length);
      baseline = { result: comparableResult(result, ids.runKey), counts, points };
    });

    it('a run cut after each journal point and resumed re-sends nothing that completed and ends as the uninterrupted run', async () => {
      expect(baseline, 'the uninterrupted run must pass first').toBeDefined();
      for (let k = 1; k <= baseline.points.length; k++) {
        const at = `cut after point ${k} (${baseline.points[k - 1]?.id})`;
        const ids = fresh();
        await subject.send(ids.runId, 'code', HOST_CONTRACT_CODE);
        const cut = await execute(ids, { cutAfter: k }).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(cut, at).toBeInstanceOf(Error);
        expect((cut as Error).message, at).toContain(new RunCut(k, '').message.split('(')[0]);
        const resumed = await execute(ids);
        expect(comparableResult(resumed, ids.runKey), at).toEqual(baseline.result);
        expect(server.counts(ids.runKey), at).toEqual(baseline.counts);
        expect(hintCalls.get(ids.runKey), `${at}: the provider is asked once`).toBe(1);
      }
    }, 300_000);

    it('a finished run executed again replays its journal: nothing is sent, the result is the same', async () => {
      const ids = fresh();
      await subject.send(ids.runId, 'code', HOST_CONTRACT_CODE);
      const first = await execute(ids);
      const again = await execute(ids);
      expect(comparableResult(again, ids.runKey)).toEqual(comparableResult(first, ids.runKey));
      expect(server.counts(ids.runKey)).toEqual(baseline.counts);
    });

    it('an external input sent while the run waits for it resolves the wait', async () => {
      const ids = fresh();
      const onWait = () => setTimeout(() => void subject.send(ids.runId, 'code', HOST_CONTRACT_CODE), 10);
      const result = await execute(ids, { onWait });
      expect(result.status).toBe('success');
      expect(server.counts(ids.runKey)['POST /verify']).toBe(1);
    });

    it('an external input that never comes fails the run with input-missing when the wait times out, sending nothing more', async () => {
      const ids = fresh();
      const result = await execute(ids, {}, { code: externalInput({ timeoutMs: 50 }) });
      expect(result.error).toMatchObject({ code: 'input-missing', stepId: 'verify' });
      expect(server.counts(ids.runKey)['POST /verify']).toBeUndefined();
    });

    it('a run cancelled as it starts its retry sleep ends aborted and sends nothing after it', async () => {
      const ids = fresh();
      const controller = new AbortController();
      const result = await execute(ids, { onSleep: () => controller.abort() }, { signal: controller.signal });
      expect(result.error).toMatchObject({ code: 'aborted', stepId: 'flaky' });
      expect(server.counts(ids.runKey)).toEqual({ 'POST /accounts': 1, 'GET /flaky': 1 });
    });
  });
}
