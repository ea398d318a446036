import type { CriterionRegistry } from '../criteria/registry.js';
import type { ArazzoFile, ResolvedDocument, ResolvedSource } from '../sources/types.js';
import type { Diagnostic } from './diagnostic.js';
import { asRecord } from './read-node.js';
import { RULE_TABLE, type RuleId } from './rules/rule-table.js';

/** One finding as a rule reports it; the context adds file, range, and code and severity from the table. */
export interface Finding {
  /** The row of the severity table (its code and severity go on the diagnostic). */
  readonly rule: RuleId;
  readonly message: string;
  /** JSON Pointer of the offending node in the linted file. */
  readonly pointer: string;
  /** Point at the key of the property rather than its value (unknown names). */
  readonly atKey?: boolean;
  /** Report even under a node the schema rejected (a repeated id is wrong whatever else is). */
  readonly despiteSchema?: boolean;
}

/** What every lint rule reads: the document (as untrusted data), its sources, and a reporter. */
export interface LintContext {
  readonly file: ArazzoFile;
  /** The document root; `{}` when it is not an object. */
  readonly root: Readonly<Record<string, unknown>>;
  readonly sources: readonly ResolvedSource[];
  readonly resolved: ResolvedDocument;
  readonly criteria: CriterionRegistry;
  /** Record a finding (dropped when the schema already failed at or above that node, unless `despiteSchema`). */
  report(finding: Finding): void;
}

/** A semantic check: reads the context, reports findings, never throws on its own account. */
export type LintRule = (context: LintContext) => void;

/**
 * Build the context the rules share. Findings under a node the schema rejected are dropped: the
 * schema diagnostic already says what is wrong there, and a second message would only be noise.
 */
export function createLintContext(options: {
  resolved: ResolvedDocument;
  file: ArazzoFile;
  criteria: CriterionRegistry;
  out: Diagnostic[];
}): LintContext {
  const { resolved, file, criteria, out } = options;
  const broken = resolved.diagnostics
    .filter((d) => d.code === 'schema' && d.file === file.uri && d.pointer !== '')
    .map((d) => d.pointer);
  const isBroken = (pointer: string): boolean =>
    broken.some((b) => pointer === b || pointer.startsWith(`${b}/`));
  return {
    file,
    root: asRecord(file.document) ?? {},
    sources: resolved.sources,
    resolved,
    criteria,
    report(finding) {
      if (finding.despiteSchema !== true && isBroken(finding.pointer)) return;
      const key = finding.atKey === true ? file.positions.keyRangeOf(finding.pointer) : undefined;
      const row = RULE_TABLE[finding.rule];
      out.push({
        file: file.uri,
        code: row.code,
        rule: finding.rule,
        severity: row.severity,
        message: finding.message,
        range: key ?? file.positions.rangeOf(finding.pointer),
        pointer: finding.pointer,
      });
    },
  };
}
