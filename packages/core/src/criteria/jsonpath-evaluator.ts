/**
 * The `jsonpath` criterion type (Arazzo 1.0.1 §4.6.10 and §4.6.11): RFC 9535 by default (version
 * `rfc9535`, through json-p3, each query compiled once), or `draft-goessner-dispatch-jsonpath-00`
 * (jsonpath-plus with its safe evaluator, never native eval). The criterion holds when the query
 * selects at least one node of the value `context` yields.
 */

import { compileMemberPath } from './compile-member-path.js';
import { readContext } from './context-value.js';
import { compileComparisonQuery } from './jsonpath-comparison.js';
import { compileGoessner } from './jsonpath-goessner.js';
import { compileRfc9535, type Select } from './jsonpath-rfc9535.js';
import type { CompiledCriterion, CriterionEvaluator } from './types.js';

/** JSONPath versions; `rfc9535` (the default named by the spec) first. */
export const JSONPATH_VERSIONS = ['rfc9535', 'draft-goessner-dispatch-jsonpath-00'] as const;

/** Create the `jsonpath` evaluator. */
export function createJsonpathEvaluator(): CriterionEvaluator {
  return {
    type: 'jsonpath',
    versions: JSONPATH_VERSIONS,
    requiresContext: true,
    compile({ condition, context, version }): CompiledCriterion {
      let warning: string | undefined;
      let select: Select;
      if (version === 'draft-goessner-dispatch-jsonpath-00') select = compileGoessner(condition);
      else {
        // Member paths, and member paths compared to a literal, need no json-p3 (compile-member-path.ts).
        const member = compileMemberPath(condition);
        const compared = member === undefined ? compileMemberComparison(condition) : undefined;
        if (member !== undefined) select = member;
        else if (compared !== undefined) ({ select, warning } = compared);
        else {
          try {
            select = compileRfc9535(condition);
          } catch (e) {
            const compat = compileCompat(condition);
            if (compat === undefined) throw e;
            ({ select, warning } = compat);
          }
        }
      }
      return {
        ...(warning === undefined ? {} : { warnings: [warning] }),
        test(ctx, onMissing) {
          const value = readContext(context, ctx, onMissing);
          if (value === undefined || value === null) return false;
          try {
            return select(value).length > 0;
          } catch {
            return false;
          }
        },
      };
    },
  };
}

/** Thrown by the member-path-only compiler below at a query that is not a member path. */
const NOT_MEMBER_PATH = Symbol('not a member path');

/**
 * The compatibility reading of `<member path> <op> <literal>` (`$.results.length > 0`), made without
 * json-p3: RFC 9535 has no comparison outside a filter, so json-p3 would refuse such a condition and
 * the compatibility reading would follow, with the same queries. Undefined for any other condition.
 */
function compileMemberComparison(condition: string): { select: Select; warning: string } | undefined {
  try {
    return compileComparisonQuery(condition, (query) => {
      const select = compileMemberPath(query);
      if (select === undefined) throw NOT_MEMBER_PATH;
      return select;
    });
  } catch (e) {
    if (e === NOT_MEMBER_PATH) return undefined;
    throw e;
  }
}

function compileCompat(condition: string): { select: Select; warning: string } | undefined {
  try {
    return compileComparisonQuery(condition, compileRfc9535);
  } catch {
    return undefined;
  }
}
