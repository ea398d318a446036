import { createEngine } from '@telaio/core';

/** core's Engine. */
export type CliEngine = ReturnType<typeof createEngine>;
/** core's EngineOptions. */
export type CliEngineOptions = Parameters<typeof createEngine>[0];
/** core's WorkflowDocument: a document resolved, linted and compiled by `engine.load`. */
export type LoadedDocument = Awaited<ReturnType<CliEngine['load']>>;

/**
 * Builds an engine. A static, named import of core (not `await import('@telaio/core')`): a dynamic
 * import needs the package's whole namespace, so the bundle loaded every module core exports (lint,
 * graph rendering...) at every run; named, only what the engine reaches is loaded.
 */
export async function createCliEngine(options: CliEngineOptions): Promise<CliEngine> {
  return createEngine(options);
}
