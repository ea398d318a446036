import type { LintContext } from '../lint-context.js';
import { V11_ROWS, type V11RuleId } from './v11-rows.js';

/** Report a lint/v11 finding with the code and severity its row gives (so they cannot disagree). */
export function reportV11(
  context: LintContext,
  rule: V11RuleId,
  finding: { readonly message: string; readonly pointer: string; readonly atKey?: boolean },
): void {
  const row = V11_ROWS[rule];
  context.report({ code: row.code, severity: row.severity, ...finding });
}

/** True when the linted document is Arazzo 1.1.x (patch ignored). */
export function isArazzo11(context: LintContext): boolean {
  const version = context.root.arazzo;
  return typeof version === 'string' && /^1\.1\.\d+(?:-.+)?$/.test(version);
}
