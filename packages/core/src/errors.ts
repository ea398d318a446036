/**
 * Errors telaio throws for misconfiguration or bugs. Workflow failures are never thrown: they are
 * data in a RunResult. Every thrown error carries a stable machine-readable `code`.
 */
export class TelaioError extends Error {
  /** Stable code, e.g. `source-unresolved`, `workflow-unknown`, `input-invalid`. */
  readonly code: string;
  /** Optional structured details (never secrets). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: string,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TelaioError';
    this.code = code;
    this.details = options?.details;
  }
}
