/**
 * RFC 9535 queries made of the root and member-name shorthands alone (`$`, `$.results`,
 * `$.organization.organization_id`), selected without json-p3: most published `jsonpath` criteria
 * are such paths (or such a path compared to a literal, jsonpath-comparison.ts), and json-p3 is
 * 150 KB of JavaScript to load and compile in every `telaio validate` and `telaio run` that meets one.
 * RFC 9535 §2.5.1.2: a child segment with a name selector selects the member of that name of an
 * object (§2.3.1.2), and nothing of an array or a primitive value; the member must be the object's
 * own (json-p3 reads own properties only, `constructor` and `__proto__` included). Anything else
 * (non-ASCII names, brackets, wildcards, filters, whitespace) is left to json-p3.
 */
import type { Select } from './jsonpath-rfc9535.js';

/** `$` followed by `.name` segments whose names are ASCII member-name shorthands (RFC 9535 §2.5.1.1). */
const MEMBER_PATH = /^\$(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The selector of `query` when it is a member path; undefined for any other query (valid or not). */
export function compileMemberPath(query: string): Select | undefined {
  if (!MEMBER_PATH.test(query)) return undefined;
  const names = query === '$' ? [] : query.slice(2).split('.');
  return (value) => {
    let current = value;
    for (const name of names) {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return [];
      if (!Object.hasOwn(current, name)) return [];
      current = (current as Record<string, unknown>)[name];
    }
    return [current];
  };
}
