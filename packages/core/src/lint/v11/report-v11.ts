import type { LintContext } from '../lint-context.js';
import type { RuleId } from '../rules/rule-table.js';

/** Report a lint/v11 finding under its row of the severity table (rules/rows-v11.ts). */
export function reportV11(
  context: LintContext,
  rule: RuleId,
  finding: { readonly message: string; readonly pointer: string; readonly atKey?: boolean },
): void {
  context.report({ rule, ...finding });
}

/** True when the linted document is Arazzo 1.1.x (patch ignored). */
export function isArazzo11(context: LintContext): boolean {
  const version = context.root.arazzo;
  return typeof version === 'string' && /^1\.1\.\d+(?:-.+)?$/.test(version);
}
