/**
 * `@telaio/core/lint`: what `telaio validate` needs and nothing more (resolve a document, lint it),
 * so a validate run never loads the engine. Also exported from the package root.
 */

// Sources: resolve a document and its sourceDescriptions.
export { resolveDocument } from '../sources/resolve-document.js';
export type { ResolveDocumentOptions, ResolvedDocument } from '../sources/types.js';

// Lint: schema and semantic checks, reported as diagnostics.
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostic.js';
export { type LintOptions, lintDocument } from './lint-document.js';
