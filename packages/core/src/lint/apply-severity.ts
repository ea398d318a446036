import { TelaioError } from '../errors.js';
import type { Diagnostic } from './diagnostic.js';
import { RULE_TABLE, type SeverityOverride } from './rules/rule-table.js';

/** User overrides of the severity table: rule id (or diagnostic code, for all its rules) → severity. */
export type SeverityOverrides = Readonly<Record<string, SeverityOverride>>;

const LEVELS: Readonly<Record<string, SeverityOverride>> = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  off: 'off',
};

/**
 * Re-grade diagnostics: a rule's own override wins over its code's; `off` drops the finding.
 * Diagnostics without `rule` are looked up by `code`.
 */
export function applySeverityOverrides(
  diagnostics: readonly Diagnostic[],
  overrides: SeverityOverrides | undefined,
): Diagnostic[] {
  if (overrides === undefined || Object.keys(overrides).length === 0) return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const rule = d.rule ?? d.code;
    const level =
      (Object.hasOwn(overrides, rule) ? overrides[rule] : undefined) ??
      (Object.hasOwn(overrides, d.code) ? overrides[d.code] : undefined);
    if (level === 'off') continue;
    out.push(level === undefined || level === d.severity ? d : { ...d, severity: level });
  }
  return out;
}

/**
 * Read `RULE=LEVEL[,RULE=LEVEL...]` (each argument may hold several, comma-separated) into
 * overrides. RULE is a rule id of the severity table or a diagnostic code; LEVEL is `error`,
 * `warning` (or `warn`) or `off`. Throws TelaioError `usage` naming what is unknown.
 */
export function parseSeverityOverrides(specs: string | readonly string[]): Record<string, SeverityOverride> {
  const known = new Set<string>([
    ...Object.keys(RULE_TABLE),
    ...Object.values(RULE_TABLE).map((r) => r.code),
  ]);
  const out: Record<string, SeverityOverride> = {};
  for (const spec of typeof specs === 'string' ? [specs] : specs) {
    for (const part of spec.split(',')) {
      const item = part.trim();
      if (item === '') continue;
      const at = item.indexOf('=');
      const name = at < 0 ? item : item.slice(0, at).trim();
      const level =
        at < 0
          ? undefined
          : LEVELS[
              item
                .slice(at + 1)
                .trim()
                .toLowerCase()
            ];
      if (!known.has(name))
        throw new TelaioError(
          'usage',
          `unknown rule '${name}' in --severity (see docs/rules.md for the rule ids)`,
        );
      if (level === undefined)
        throw new TelaioError(
          'usage',
          `--severity ${item}: give ${name}=error, ${name}=warning or ${name}=off`,
        );
      out[name] = level;
    }
  }
  return out;
}
