/** Lint: semantic checks of resolved Arazzo documents, as diagnostics. */
export { lintDocument, type LintOptions } from './lint-document.js';
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostic.js';
