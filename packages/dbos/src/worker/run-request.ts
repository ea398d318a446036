/**
 * What a durable run is asked to do, as it is stored (encrypted) as the DBOS workflow's input: plain
 * JSON, so a client in any process can enqueue it and any worker can execute it.
 */

/** An input the run waits for from outside (`telaio resolve RUN NAME=VALUE`, `client.resolve`). */
export interface ExternalInputRequest {
  /** How long the run waits for it (default: DEFAULT_WAIT_MS). */
  readonly timeoutMs?: number;
  /** Mask it wherever it is shown (TOTP codes: default true). */
  readonly secret?: boolean;
}

/** One Arazzo run to execute durably. */
export interface DurableRunRequest {
  /**
   * The Arazzo document: an absolute path or URL that every worker can read (workers load it and
   * its sources themselves; a run resumed elsewhere loads it again).
   */
  readonly document: string;
  /** The workflow to run. */
  readonly workflowId: string;
  /** The run's inputs as given. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** Base URL per source description (`--server SOURCE=URL`). */
  readonly servers?: Readonly<Record<string, string>>;
  /** Inputs resolved from outside while the run waits for them, by name. */
  readonly externalInputs?: Readonly<Record<string, ExternalInputRequest>>;
  /** Inputs a worker-side provider resolves when first read (`totp:EXPR`, `env:VAR`), by name. */
  readonly inputFrom?: Readonly<Record<string, string>>;
}
