/**
 * The shapes @telaio/mcp is built from: the catalogue of workflow tools, the plugins that mark
 * inputs for the person, the masker that keeps secrets out of tool results, and the options.
 */
import type { Engine, EngineHooks, InputProvider, Workflow, WorkflowDocument } from '@telaio/core';

/** One workflow served as one MCP tool. */
export interface WorkflowTool {
  /** The tool name: the workflowId, made valid and unique across the served documents. */
  readonly name: string;
  /** A human title (the workflow's summary, else the document's title). */
  readonly title?: string;
  /** What the agent reads to choose the tool: summary and description, and which inputs the person gives. */
  readonly description: string;
  /** JSON Schema of the arguments: the workflow's inputs, `$ref`s inlined, the person's inputs left out. */
  readonly inputSchema: Readonly<Record<string, unknown>>;
  /** JSON Schema of the structured result: status, outputs (typed where derivable), failed step and reason. */
  readonly outputSchema: Readonly<Record<string, unknown>>;
  /** The loaded document the workflow belongs to. */
  readonly document: WorkflowDocument;
  /** The workflow's id in its document. */
  readonly workflowId: string;
  /** Inputs asked of the person (through elicitation), with why: `format: password`, `--input-from`, a plugin. */
  readonly personInputs: ReadonlyMap<string, string>;
  /** The workflow's step count (progress total when no step repeats). */
  readonly stepCount: number;
}

/** What a person-input plugin sees of one declared input. */
export interface InputClaimContext {
  readonly document: WorkflowDocument;
  readonly workflow: Workflow;
  readonly name: string;
  /** The input's schema, `$ref`s resolved. */
  readonly schema: Readonly<Record<string, unknown>>;
}

/** Watches one run and says what the person should know when asked for an input. */
export interface RunObserver {
  /** Hooks added to the run. */
  readonly hooks: EngineHooks;
  /** Text shown to the person with the question for `name`, or undefined. */
  note(name: string): string | undefined;
}

/**
 * Marks inputs the agent must not invent as the person's (asked through MCP elicitation when the
 * workflow first reads them), and may add what the person needs to answer (an enrolment QR URI).
 */
export interface PersonInputPlugin {
  /** A short reason when this input is the person's (`a TOTP code from the authenticator app`), else undefined. */
  claim(context: InputClaimContext): string | undefined;
  /** Per run: hooks that watch it and notes shown with the elicitation. */
  observe?(): RunObserver;
}

/** Keeps secrets out of what the server returns (the CLI's Masker fits). */
export interface ResultMasker {
  /** A deep copy of `value` with secrets (known values, secret-looking keys) masked. */
  value<T>(value: T): T;
  /** `text` with every known secret masked. */
  text(text: string): string;
  /** Marks every string leaf of `value` as secret (an answer the person gave). */
  add(value: unknown): void;
  /** Whether values stored under `name` are secret-looking. */
  isSecretName(name: string): boolean;
}

/** One tool call, as seen by WorkflowToolsOptions.inputProviders. */
export interface ProviderCall {
  readonly tool: WorkflowTool;
  readonly given: Readonly<Record<string, unknown>>;
  onError(name: string, error: unknown): void;
}

/** Everything a workflow tool server is built from. */
export interface WorkflowToolsOptions {
  /** The engine the documents were loaded with. */
  readonly engine: Engine;
  /** The tools to serve (buildToolCatalog). */
  readonly tools: readonly WorkflowTool[];
  readonly masker: ResultMasker;
  /** Hooks for every run (e.g. the masker learning secrets), made fresh per run. */
  readonly runHooks?: () => EngineHooks | undefined;
  /**
   * Input providers the server owns (`--input-from NAME=env:VAR`, `totp:EXPR`), made per call:
   * `given` are the agent's arguments; a provider that fails reports it through `onError` (its
   * message then explains the run's `input-missing`).
   */
  readonly inputProviders?: (call: ProviderCall) => Promise<Readonly<Record<string, InputProvider>>>;
  /** The plugins whose observers watch each run (those that marked the person's inputs). */
  readonly plugins?: readonly PersonInputPlugin[];
  /** True when output `name` of `workflowId` may be shown unmasked (`--reveal-output`). */
  readonly revealOutput?: (workflowId: string, name: string) => boolean;
  /** How long the person may take to answer one question; default 10 minutes. */
  readonly elicitationTimeoutMs?: number;
  /** Called with one line (masked) for the server's log: start, each call, its outcome. */
  readonly log?: (line: string) => void;
  /** Server name and version announced to clients. */
  readonly serverInfo?: { readonly name: string; readonly version: string };
}
