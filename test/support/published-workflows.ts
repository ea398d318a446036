/**
 * Helpers for running the published Stytch workflows (../shared/stytch/arazzo, read in place,
 * their sources Stytch's full OpenAPI files) unchanged against a fresh sandbox.
 */
import type { EngineHooks, RunResult, WorkflowDocument } from '@telaio/core';
import { afterEach } from 'vitest';
import { corpusPath } from './shared-corpus.js';
import { type StytchHarness, startStytchHarness } from './stytch-harness.js';

/** The published workflows (reference corpus), absolute; tests that use them are declared with describeCorpus. */
export const SHARED_ARAZZO = corpusPath('stytch', 'arazzo');

/**
 * Registers an afterEach that closes the harness, and returns `published(file)`: a fresh harness
 * (sandbox, HTTP adapter, stytch-auth) with `file` of the published workflows loaded.
 */
export function usePublishedWorkflows(): (
  file: string,
  options?: { secret?: string },
) => Promise<{ h: StytchHarness; document: WorkflowDocument }> {
  let harness: StytchHarness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  return async (file, options = {}) => {
    harness = await startStytchHarness(options);
    return { h: harness, document: await harness.load(`${SHARED_ARAZZO}/${file}`) };
  };
}

/** Hooks that record the goto/end actions taken and the JSON request bodies sent, by step. */
export function recorder(): { actions: string[]; bodies: Map<string, string>; hooks: EngineHooks } {
  const actions: string[] = [];
  const bodies = new Map<string, string>();
  const hooks: EngineHooks = {
    onAction: (e) => actions.push(`${e.stepId}:${e.type}:${e.name}`),
    onRequest: (e) => bodies.set(e.stepId, JSON.stringify(e.request.body?.value)),
  };
  return { actions, bodies, hooks };
}

/** `[stepId, statusCode]` of every step execution, in order (steps never reached, `skipped`, left out). */
export function stepsOf(result: RunResult): [string, number | undefined][] {
  return result.steps.filter((s) => s.status !== 'skipped').map((s) => [s.stepId, s.statusCode]);
}
