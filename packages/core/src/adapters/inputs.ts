import type { ExpressionContext } from '../expressions/context.js';

/** What an input provider may look at when asked for a value. */
export interface InputRequest {
  /** Input name (`code`). */
  readonly name: string;
  /** The workflow whose input it is. */
  readonly workflowId: string;
  /** The input's JSON schema from the workflow, if declared. */
  readonly schema?: unknown;
  /** The run as it stands (steps done so far), for providers such as `totp:$steps.x.outputs.secret`. */
  readonly context: ExpressionContext;
  /** Aborts when the run is cancelled: stop waiting (a prompt, a request) and reject or return undefined. */
  readonly signal: AbortSignal;
}

/**
 * Supplies one input lazily: asked only when the workflow first reads that input (before the step
 * that reads it is built), never before. Returning undefined means "no value".
 */
export interface InputProvider {
  /**
   * The input's value (sync or async), or undefined for none: a required input then fails the run
   * with `input-missing`. The value is validated against the input's schema (`input-invalid`).
   */
  resolve(request: InputRequest): unknown | Promise<unknown>;
  /** True when the value it returns must be masked in outputs. */
  readonly secret?: boolean;
}
