/**
 * `@telaio/core/lint`: what `telaio validate` needs and nothing more (resolve a document, lint it),
 * so a validate run never loads the engine. Also exported from the package root.
 */
export { lintDocument, type LintOptions } from './lint-document.js';
export { resolveDocument } from '../sources/resolve-document.js';
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostic.js';
export type { ResolvedDocument, ResolveDocumentOptions } from '../sources/types.js';
