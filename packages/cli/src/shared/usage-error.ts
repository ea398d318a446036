/**
 * A problem with how the command was called, or with what it was given before anything ran (unknown
 * flag, unreadable inputs file, invalid document, inputs that break the schema): exit code 2.
 */
export class UsageError extends Error {
  /** Extra text printed after the message (diagnostics, a hint). */
  readonly detail: string | undefined;
  constructor(message: string, detail?: string) {
    super(message);
    this.name = 'UsageError';
    this.detail = detail;
  }
}
