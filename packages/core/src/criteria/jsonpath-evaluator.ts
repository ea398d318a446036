/**
 * The `jsonpath` criterion type (Arazzo 1.0.1 §4.6.10 and §4.6.11): RFC 9535 by default (version
 * `rfc9535`, through json-p3, each query compiled once), or `draft-goessner-dispatch-jsonpath-00`
 * (jsonpath-plus with its safe evaluator, never native eval). The criterion holds when the query
 * selects at least one node of the value `context` yields.
 */
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
        try {
          select = compileRfc9535(condition);
        } catch (e) {
          const compat = compileCompat(condition);
          if (compat === undefined) throw e;
          ({ select, warning } = compat);
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

function compileCompat(condition: string): { select: Select; warning: string } | undefined {
  try {
    return compileComparisonQuery(condition, compileRfc9535);
  } catch {
    return undefined;
  }
}
