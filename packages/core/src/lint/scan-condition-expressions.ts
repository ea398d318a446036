import type { ExpressionSyntaxError, RuntimeExpression } from '../expressions/ast.js';
import type { DeclaredNames } from '../expressions/declared-names.js';
import { scanExpression } from '../expressions/scan-expression.js';

/** The runtime expressions inside a `simple` condition, or the first one that is malformed. */
export type ConditionScan =
  | { readonly ok: true; readonly expressions: readonly RuntimeExpression[] }
  | { readonly ok: false; readonly error: ExpressionSyntaxError };

/**
 * Find every `$...` runtime expression of a `simple` criterion condition (`$statusCode == 200 &&
 * $response.body#/ok`), skipping quoted string literals. `names`: see DeclaredNames. Never throws.
 */
export function scanConditionExpressions(condition: string, names?: DeclaredNames): ConditionScan {
  const expressions: RuntimeExpression[] = [];
  let quote: string | undefined;
  for (let i = 0; i < condition.length; i++) {
    const c = condition[i]!;
    if (quote !== undefined) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      continue;
    }
    if (c !== '$') continue;
    const scanned = scanExpression(condition, i, 'condition', names);
    if (!scanned.ok) return scanned;
    expressions.push(scanned.expression);
    i = Math.max(i, scanned.end - 1);
  }
  return { ok: true, expressions };
}
