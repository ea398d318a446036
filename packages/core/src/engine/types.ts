import type { SentRequest } from '../adapters/transport.js';

/** Outcome of one step execution (a step reached twice via goto appears twice). */
export interface StepResult {
  readonly stepId: string;
  readonly workflowId: string;
  readonly status: 'success' | 'failure' | 'skipped';
  /** HTTP status of the last attempt, for operation steps that got a response. */
  readonly statusCode?: number;
  /** 1 + number of retries. */
  readonly attempts: number;
  readonly durationMs: number;
  readonly outputs: Readonly<Record<string, unknown>>;
  /** The last request sent, if any. */
  readonly request?: SentRequest;
  /** Why it failed, in words. */
  readonly reason?: string;
}

/** Why a run failed. */
export interface RunError {
  /** `criteria-failed`, `transport-error`, `input-invalid`, `input-missing`, `max-steps-exceeded`, `aborted`, `workflow-failed`, ... */
  readonly code: string;
  readonly message: string;
  readonly stepId?: string;
}

/** The result of running one workflow (CONTRACT.md `--format json` is this, serialised). */
export interface RunResult {
  readonly workflowId: string;
  readonly status: 'success' | 'failure';
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly outputs: Readonly<Record<string, unknown>>;
  /** In the order they ran. */
  readonly steps: readonly StepResult[];
  readonly error?: RunError;
  readonly durationMs: number;
}

/** Public options and handles of the engine (see create-engine.ts). */
export type {
  Engine,
  EngineOptions,
  LoadTarget,
  RunOptions,
  SleepFunction,
  WorkflowDocument,
  WorkflowSummary,
} from './engine-types.js';
