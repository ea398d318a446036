import type {
  ArazzoDocument,
  CredentialProvider,
  Diagnostic,
  EngineHooks,
  InputProvider,
  RunResult,
  Transport,
} from '@telaio/core';

/** The part of a loaded document the CLI reads (core's WorkflowDocument). */
export interface LoadedDocument {
  readonly uri: string;
  readonly document: ArazzoDocument;
  readonly diagnostics: readonly Diagnostic[];
  readonly workflows: readonly { readonly workflowId: string; readonly summary?: string; readonly inputs?: unknown }[];
}

/** The engine options the CLI sets (core's EngineOptions). */
export interface CliEngineOptions {
  readonly transport: Transport;
  readonly credentials?: CredentialProvider;
  readonly servers?: Readonly<Record<string, string>>;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The engine as the CLI uses it (core's Engine). */
export interface CliEngine {
  load(uri: string): Promise<LoadedDocument>;
  run(options: {
    readonly document: LoadedDocument;
    readonly workflowId?: string;
    readonly inputs?: Readonly<Record<string, unknown>>;
    readonly signal?: AbortSignal;
    readonly hooks?: EngineHooks;
    readonly inputProviders?: Readonly<Record<string, InputProvider>>;
  }): Promise<RunResult>;
}

/** Imports core lazily and builds an engine (core's createEngine). */
export async function createCliEngine(options: CliEngineOptions): Promise<CliEngine> {
  const core = (await import('@telaio/core')) as unknown as { createEngine?: (o: CliEngineOptions) => CliEngine };
  if (core.createEngine === undefined) throw new Error('this build of @telaio/core has no createEngine yet');
  return core.createEngine(options);
}
