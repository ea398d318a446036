/**
 * A problem with how the command was called, or with what it was given before anything ran (unknown
 * flag, unreadable inputs file, invalid document, inputs that break the schema): exit code 2.
 * Every command reports it the same way (commands/report-usage-error.ts).
 */
export class UsageError extends Error {
  /** Extra text printed after the message (diagnostics, a hint). */
  readonly detail: string | undefined;
  /** True for a malformed command line: the command's usage line and a pointer to --help follow. */
  readonly showUsage: boolean;
  constructor(message: string, detail?: string, options: { readonly showUsage?: boolean } = {}) {
    super(message);
    this.name = 'UsageError';
    this.detail = detail;
    this.showUsage = options.showUsage === true;
  }
}
