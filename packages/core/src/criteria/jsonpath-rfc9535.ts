/**
 * JSONPath as in RFC 9535, through json-p3: the query is compiled once (`compile` → JSONPathQuery)
 * and applied per test without parsing again. json-p3 is loaded on the first compile.
 */
import type { JSONPathQuery } from 'json-p3';
import { loadJsonP3 } from './lazy-library.js';
import { CriterionSyntaxError } from './types.js';

/** Selects the values a query finds in a value; an empty array when it finds none. */
export type Select = (value: unknown) => readonly unknown[];

/**
 * An RFC 9535 selector, compiled now (bad syntax and ill-typed function calls throw
 * CriterionSyntaxError). Spec examples such as `$[?count(@.pets) > 0]` and
 * `$[?@.access_token != null]` (context `$response.body`) mean a filter on the body itself, while
 * RFC 9535 applies `$[?...]` to the root's children: when the strict reading selects nothing and
 * the root is an object, the filter is also tried on the root as the single element of an array.
 */
export function compileRfc9535(condition: string): Select {
  let compiled: JSONPathQuery;
  try {
    compiled = loadJsonP3().compile(condition);
  } catch (e) {
    throw new CriterionSyntaxError(`bad JSONPath (RFC 9535): ${(e as Error).message}`);
  }
  const rootFilter = /^\$\s*\[\s*\?/.test(condition);
  return (value) => {
    const strict = compiled.query(value as never).values();
    if (
      strict.length > 0 ||
      !rootFilter ||
      typeof value !== 'object' ||
      value === null ||
      Array.isArray(value)
    )
      return strict;
    return compiled.query([value] as never).values();
  };
}
