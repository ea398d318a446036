/**
 * The body of telaio's DBOS run workflow: load the document (cached per engine and URI), build the
 * inputs the run waits for from outside, and run it on the DBOS host under the workflow's id.
 */
import {
  type Engine,
  externalInput,
  type Host,
  type InputProvider,
  type RunResult,
  type WorkflowDocument,
} from '@telaio/core';
import type { DurableRunRequest } from './run-request.js';

/** How a worker builds what a request needs (the CLI's worker: HTTP transport, Stytch credentials...). */
export interface RunPreparation {
  /** The engine for this request (it may be shared by requests with the same servers). */
  engine(request: DurableRunRequest): Engine | Promise<Engine>;
  /** Worker-side input providers for `request.inputFrom` (default: none). */
  inputProviders?(
    request: DurableRunRequest,
  ): Readonly<Record<string, InputProvider>> | Promise<Readonly<Record<string, InputProvider>>>;
}

/** Runs requests inside DBOS workflows; one per worker process. */
export function createRunExecutor(options: { readonly prepare: RunPreparation; readonly host: Host }) {
  const documents = new WeakMap<Engine, Map<string, Promise<WorkflowDocument>>>();
  const load = (engine: Engine, uri: string): Promise<WorkflowDocument> => {
    const byUri = documents.get(engine) ?? new Map<string, Promise<WorkflowDocument>>();
    documents.set(engine, byUri);
    let loading = byUri.get(uri);
    if (loading === undefined) {
      loading = engine.load(uri);
      loading.catch(() => byUri.delete(uri));
      byUri.set(uri, loading);
    }
    return loading;
  };
  return async function execute(
    request: DurableRunRequest,
    runId: string,
    signal: AbortSignal,
  ): Promise<RunResult> {
    const engine = await options.prepare.engine(request);
    const document = await load(engine, request.document);
    const external: Record<string, InputProvider> = {};
    for (const [name, wait] of Object.entries(request.externalInputs ?? {}))
      external[name] = externalInput({
        ...(wait.timeoutMs === undefined ? {} : { timeoutMs: wait.timeoutMs }),
        secret: wait.secret ?? true,
      });
    const provided = (await options.prepare.inputProviders?.(request)) ?? {};
    return engine.run({
      document,
      workflowId: request.workflowId,
      inputs: request.inputs ?? {},
      runId,
      host: options.host,
      signal,
      inputProviders: { ...provided, ...external },
    });
  };
}
