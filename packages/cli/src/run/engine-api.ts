import type { createEngine } from '@telaio/core';

/** core's Engine. */
export type CliEngine = ReturnType<typeof createEngine>;
/** core's EngineOptions. */
export type CliEngineOptions = Parameters<typeof createEngine>[0];
/** core's WorkflowDocument: a document resolved, linted and compiled by `engine.load`. */
export type LoadedDocument = Awaited<ReturnType<CliEngine['load']>>;

/** Imports core only when a run needs it (ajv, swagger-parser, fontoxpath...) and builds an engine. */
export async function createCliEngine(options: CliEngineOptions): Promise<CliEngine> {
  const { createEngine: create } = await import('@telaio/core');
  return create(options);
}
