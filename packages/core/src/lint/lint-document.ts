import { type CriterionRegistry, createCriterionRegistry } from '../criteria/registry.js';
import { createOperationIndex } from '../sources/create-operation-index.js';
import { nestedArazzoSources } from '../sources/nested-diagnostics.js';
import type { ResolvedDocument } from '../sources/types.js';
import { applySeverityOverrides, type SeverityOverrides } from './apply-severity.js';
import { checkCriteria } from './check-criteria.js';
import { checkDependencyCycles } from './check-dependency-cycles.js';
import { checkDuplicateIds } from './check-duplicate-ids.js';
import { checkExpressions } from './check-expressions.js';
import { checkOutputNames, checkPortableIds } from './check-names.js';
import { checkOperations } from './check-operations.js';
import { checkParameters } from './check-parameters.js';
import { checkResponsePointers } from './check-response-pointers.js';
import { checkSourceCycles } from './check-source-cycles.js';
import { checkStepRefs } from './check-step-refs.js';
import { checkUniqueItems } from './check-unique-items.js';
import { checkWorkflowRefs } from './check-workflow-refs.js';
import { checkXmlReplacements } from './check-xml-replacements.js';
import type { Diagnostic } from './diagnostic.js';
import { createLintContext, type LintContext, type LintRule } from './lint-context.js';
import { V11_RULES } from './v11/v11-rules.js';

/** Options of lintDocument. */
export interface LintOptions {
  /** Criterion languages to check conditions with (default: simple, regex, jsonpath, xpath). */
  readonly criteria?: CriterionRegistry;
  /** Severity overrides by rule id or code (`parseSeverityOverrides`); `off` drops a rule's findings. */
  readonly severity?: SeverityOverrides;
}

/** The semantic rules, in the order their findings are most useful to read. */
const RULES: readonly (readonly [string, LintRule])[] = [
  ['duplicate-id', checkDuplicateIds],
  ['unique-items', checkUniqueItems],
  ['portable-ids', checkPortableIds],
  ['output-names', checkOutputNames],
  ['operations', checkOperations],
  ['workflow-refs', checkWorkflowRefs],
  ['step-refs', checkStepRefs],
  ['expressions', checkExpressions],
  ['criteria', checkCriteria],
  ['parameters', checkParameters],
  ['response-pointers', checkResponsePointers],
  ['replacement-targets', checkXmlReplacements],
  ['dependency-cycles', checkDependencyCycles],
  ['source-cycles', checkSourceCycles],
  ...V11_RULES,
];

let defaultRegistry: CriterionRegistry | undefined;

/**
 * Every finding about a resolved document: the resolver's own (yaml-syntax, schema,
 * unsupported-version, source-unresolved) and the semantic rules' (CONTRACT.md's codes), the latter
 * also run on every nested Arazzo source (each once, findings in that file), sorted by
 * file and position. Each carries its `rule` (a row of the severity table, docs/rules.md) and the
 * severity the table gives it, or `options.severity` overrides. Never throws: a rule that fails on
 * a strange document yields a `lint-internal` warning instead of taking the others down.
 */
export function lintDocument(resolved: ResolvedDocument, options: LintOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = resolved.diagnostics.map((d) =>
    d.rule === undefined ? { ...d, rule: d.code } : d,
  );
  const file = resolved.file;
  if (file !== undefined) {
    if (options.criteria === undefined && defaultRegistry === undefined)
      defaultRegistry = createCriterionRegistry();
    const criteria = options.criteria ?? (defaultRegistry as CriterionRegistry);
    runRules(createLintContext({ resolved, file, criteria, out }));
    // Nested Arazzo sources, each once: their semantic findings too (`file` is that document).
    for (const nested of nestedArazzoSources(file.uri, resolved.sources)) {
      if (nested.kind === 'unparsable') continue;
      const { sources } = nested;
      // Resolver findings of the nested file are already in `resolved.diagnostics` (and mark its broken nodes).
      const inner = {
        file: nested.file,
        sources,
        index: createOperationIndex(sources),
        diagnostics: resolved.diagnostics,
      };
      runRules(createLintContext({ resolved: inner, file: nested.file, criteria, out }));
    }
  }
  return sortDiagnostics(applySeverityOverrides(out, options.severity));
}

function runRules(context: LintContext): void {
  for (const [name, rule] of RULES) {
    try {
      rule(context);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      context.report({
        rule: 'lint-internal',
        message: `the ${name} checks stopped early: ${reason}`,
        pointer: '',
      });
    }
  }
}

/** Stable order: by file, then by position in it. */
function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      if (a.d.file !== b.d.file) return a.d.file < b.d.file ? -1 : 1;
      return a.d.range.start.offset - b.d.range.start.offset || a.i - b.i;
    })
    .map(({ d }) => d);
}
