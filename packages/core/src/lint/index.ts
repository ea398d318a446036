/**
 * `@telaio/core/lint`: what `telaio validate` needs and nothing more (resolve a document, lint it),
 * so a validate run never loads the engine. Also exported from the package root.
 */

// The loader resolveDocument uses by default (a caller may wrap it, e.g. to note what was read).
export { createDefaultLoader } from '../sources/create-default-loader.js';
// Sources: resolve a document and its sourceDescriptions.
export { resolveDocument } from '../sources/resolve-document.js';
export type { ResolveDocumentOptions, ResolvedDocument, SourceLoader } from '../sources/types.js';
// The severity table (docs/rules.md) and user overrides of it.
export { applySeverityOverrides, parseSeverityOverrides, type SeverityOverrides } from './apply-severity.js';
// Lint: schema and semantic checks, reported as diagnostics.
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostic.js';
export { type LintOptions, lintDocument } from './lint-document.js';
export { renderRuleTable } from './rules/render-rule-table.js';
export {
  RULE_IDS,
  RULE_TABLE,
  type RuleBasis,
  type RuleId,
  type RuleRow,
  ruleRow,
  type SeverityOverride,
} from './rules/rule-table.js';
