import type { Diagnostic } from '@telaio/core/lint';

/** A diagnostic together with the command-line FILE whose validation produced it. */
export interface ReportedDiagnostic extends Diagnostic {
  /** Absolute path (or URL) of the FILE argument; `file` may differ (a nested Arazzo source). */
  readonly input: string;
  /** The FILE argument as typed on the command line (reports name the file this way). */
  readonly given?: string;
}

/** What every diagnostic formatter is told besides the diagnostics. */
export interface FormatOptions {
  /** The FILE arguments, absolute, in argument order. */
  readonly files: readonly string[];
  /** The FILE arguments as typed, parallel to `files` (junit names its testsuites with them). */
  readonly given?: readonly string[];
  /** Files not named as typed (nested sources of relative arguments, SARIF uris) are shown relative to this directory. */
  readonly cwd: string;
  /** ANSI colours (stylish only). */
  readonly color?: boolean;
  /** Version of telaio, for SARIF's tool.driver. */
  readonly toolVersion?: string;
}

/** A pure function from diagnostics to the text to print. */
export type DiagnosticFormatter = (
  diagnostics: readonly ReportedDiagnostic[],
  options: FormatOptions,
) => string;
