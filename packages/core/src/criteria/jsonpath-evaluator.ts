/**
 * The `jsonpath` criterion type (Arazzo 1.0.1 §4.6.10 and §4.6.11): RFC 9535 by default (version
 * `rfc9535`, through jsonpath-rfc9535), or `draft-goessner-dispatch-jsonpath-00` (jsonpath-plus
 * with its safe evaluator, never native eval). The criterion holds when the query selects at least
 * one node of the value `context` yields.
 */
import { query } from 'jsonpath-rfc9535';
import parseRfc9535 from 'jsonpath-rfc9535/parser';
import { readContext } from './context-value.js';
import { compileComparisonQuery } from './jsonpath-comparison.js';
import { compileGoessner } from './jsonpath-goessner.js';
import { type CompiledCriterion, type CriterionEvaluator, CriterionSyntaxError } from './types.js';

/** JSONPath versions; `rfc9535` (the default named by the spec) first. */
export const JSONPATH_VERSIONS = ['rfc9535', 'draft-goessner-dispatch-jsonpath-00'] as const;

type Select = (value: unknown) => readonly unknown[];

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
          select = selectRfc9535(condition);
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
    return compileComparisonQuery(condition, selectRfc9535);
  } catch {
    return undefined;
  }
}

/**
 * An RFC 9535 selector. The query is parsed now to reject bad syntax; the library parses again per
 * call (it exposes no compiled form). Spec examples such as `$[?count(@.pets) > 0]` and
 * `$[?@.access_token != null]` (context `$response.body`) mean a filter on the body itself, while
 * RFC 9535 applies `$[?...]` to the root's children: when the strict reading selects nothing and
 * the root is an object, the filter is also tried on the root as the single element of an array.
 */
function selectRfc9535(condition: string): Select {
  try {
    parseRfc9535(condition);
  } catch (e) {
    throw new CriterionSyntaxError(`bad JSONPath (RFC 9535): ${(e as Error).message}`);
  }
  const rootFilter = /^\$\s*\[\s*\?/.test(condition);
  return (value) => {
    const strict = query(value as never, condition);
    if (
      strict.length > 0 ||
      !rootFilter ||
      typeof value !== 'object' ||
      value === null ||
      Array.isArray(value)
    )
      return strict;
    return query([value] as never, condition);
  };
}
