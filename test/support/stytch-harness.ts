/**
 * One Stytch sandbox, the real HTTP adapter, stytch-auth credentials and an engine, wired the way
 * an embedding program would, plus a record of every response for assertions on Stytch's errors.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine, EngineHooks, InputProvider, RunResult, WorkflowDocument } from '@telaio/core';
import { createEngine } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { createStytchCredentials } from '@telaio/stytch-auth';
import { type Sandbox, startSandbox } from '@telaio/stytch-sandbox';

/** The repository root (this file is test/support/stytch-harness.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A response as the tests see it. */
export interface SeenResponse {
  readonly stepId: string;
  readonly statusCode: number;
  readonly body: unknown;
}

/** A running harness. */
export interface StytchHarness {
  readonly sandbox: Sandbox;
  readonly engine: Engine;
  /** Every response of every run, in order. */
  readonly responses: SeenResponse[];
  /** Load a document by path: relative to the repository root, or absolute. */
  load(relativePath: string): Promise<WorkflowDocument>;
  /** Run a workflow of a loaded document. */
  run(options: {
    document: WorkflowDocument;
    workflowId?: string;
    inputs?: Record<string, unknown>;
    inputProviders?: Record<string, InputProvider>;
    /** More hooks for this run, called after the harness's own. */
    hooks?: EngineHooks;
  }): Promise<RunResult>;
  close(): Promise<void>;
}

/** Options of {@link startStytchHarness}. */
export interface StytchHarnessOptions {
  /** Use this secret instead of the sandbox's (to test wrong credentials). */
  readonly secret?: string;
}

/** Starts a fresh sandbox (its seeds untouched) and an engine pointed at it through stytch-auth. */
export async function startStytchHarness(options: StytchHarnessOptions = {}): Promise<StytchHarness> {
  const sandbox = await startSandbox();
  const transport = createHttpTransport();
  const credentials = createStytchCredentials({
    projectId: sandbox.projectId,
    secret: options.secret ?? sandbox.secret,
    baseUrl: sandbox.url,
    env: {},
  });
  const engine = createEngine({ transport, credentials });
  const responses: SeenResponse[] = [];
  const hooks: EngineHooks = {
    onResponse: (e) =>
      responses.push({ stepId: e.stepId, statusCode: e.response.statusCode, body: e.response.body }),
  };
  return {
    sandbox,
    engine,
    responses,
    load: (relativePath) => engine.load(path.resolve(repoRoot, relativePath)),
    run: ({ hooks: extra, ...run }) =>
      engine.run({ ...run, hooks: extra === undefined ? hooks : both(hooks, extra) }),
    async close() {
      transport.close();
      await sandbox.close();
    },
  };
}

/** Hooks that call `first`, then `second`. */
function both(first: EngineHooks, second: EngineHooks): EngineHooks {
  const names = new Set([...Object.keys(first), ...Object.keys(second)]) as Set<keyof EngineHooks>;
  const merged: Record<string, (event: never) => void> = {};
  for (const name of names) {
    merged[name] = (event: never) => {
      (first[name] as ((e: never) => void) | undefined)?.(event);
      (second[name] as ((e: never) => void) | undefined)?.(event);
    };
  }
  return merged as EngineHooks;
}

/** The last response a step got. */
export function lastResponseOf(harness: StytchHarness, stepId: string): SeenResponse | undefined {
  return harness.responses.filter((r) => r.stepId === stepId).at(-1);
}
