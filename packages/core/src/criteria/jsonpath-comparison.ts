/**
 * A compatibility reading of JSONPath criteria shaped `<query> <op> <literal>` (`$.results.length
 * > 0`), which RFC 9535 does not allow outside a filter but which published workflows (and other
 * Arazzo tools) use. The query is evaluated, `length` of an array or string is its size, and the
 * criterion holds when a selected value satisfies the comparison with the `simple` rules. Compiled
 * criteria of this form carry a warning so lint can say it is not RFC 9535.
 */
import { compareValues } from './simple/compare-values.js';
import type { ComparisonOperator } from './simple/condition-ast.js';
import { lexCondition } from './simple/lex-condition.js';
import { CriterionSyntaxError } from './types.js';

const SHAPE = /^\s*(\$[^<>=!]*?)\s*(==|!=|<=|>=|<|>)\s*(.+?)\s*$/s;

type Select = (value: unknown) => readonly unknown[];

/** The compatibility selector, or undefined when `condition` is not of that shape (or is valid RFC 9535). */
export function compileComparisonQuery(
  condition: string,
  compileQuery: (query: string) => Select,
): { select: Select; warning: string } | undefined {
  const match = SHAPE.exec(condition);
  if (match === null) return undefined;
  const [, path = '', op = '==', literalText = ''] = match;
  let literal: unknown;
  try {
    const tokens = lexCondition(literalText);
    const token = tokens[0];
    if (tokens.length !== 2 || token === undefined) return undefined;
    if (token.type === 'number' || token.type === 'string') literal = token.value;
    else if (token.type === 'name' && ['true', 'false', 'null'].includes(token.value))
      literal = JSON.parse(token.value);
    else return undefined;
  } catch (e) {
    if (e instanceof CriterionSyntaxError) return undefined;
    throw e;
  }
  const lengthOf = /\.length$/.test(path) ? compileQuery(path.slice(0, -'.length'.length)) : undefined;
  const selectPath = compileQuery(path);
  const select: Select = (value) => {
    let selected = selectPath(value);
    if (selected.length === 0 && lengthOf !== undefined) {
      selected = lengthOf(value).flatMap((v) =>
        Array.isArray(v) || typeof v === 'string' ? [v.length] : [],
      );
    }
    return selected.filter((v) => compareValues(op as ComparisonOperator, v, literal));
  };
  return {
    select,
    warning: `'${condition}' is not an RFC 9535 query; read as the query '${path}' compared ${op} ${literalText}`,
  };
}
