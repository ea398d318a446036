import { isSelectorObject } from '../../document/is-selector-object.js';
import type { LintContext } from '../lint-context.js';
import { asArray, asRecord, asString } from '../read-node.js';
import { isArazzo11, reportV11 } from './report-v11.js';

/** A parameter as a step sends it: where it was written, its name, location and value. */
interface Placed {
  readonly pointer: string;
  readonly name?: string;
  readonly in?: string;
  readonly value: unknown;
}

const COMPONENT = /^\$components\.parameters\.(.+)$/;

/**
 * Arazzo 1.1.0 §Parameter Object, `querystring`: a step sends at most one, never with `query`
 * parameters ("cannot coexist", counting the workflow's parameters it inherits), and a literal
 * value must be a string, the whole query string (`parameter-invalid`).
 */
export function checkQuerystring(context: LintContext): void {
  if (!isArazzo11(context)) return;
  asArray(context.root.workflows).forEach((workflow, w) => {
    const inherited = placeAll(context, asRecord(workflow)?.parameters, `/workflows/${w}/parameters`);
    asArray(asRecord(workflow)?.steps).forEach((step, s) => {
      if (asString(asRecord(step)?.workflowId) !== undefined) return;
      const own = placeAll(context, asRecord(step)?.parameters, `/workflows/${w}/steps/${s}/parameters`);
      const key = (p: Placed) => `${p.in}\u0000${p.name}`;
      const overridden = new Set(own.map(key));
      const all = [...inherited.filter((p) => !overridden.has(key(p))), ...own];
      const querystrings = all.filter((p) => p.in === 'querystring');
      if (querystrings.length === 0) return;
      const query = all.find((p) => p.in === 'query');
      querystrings.forEach((p, i) => {
        if (query !== undefined || i > 0)
          reportV11(context, 'querystring-with-query', {
            message:
              i > 0
                ? `a second querystring parameter '${p.name}': the querystring is the whole query string, one per request`
                : `querystring parameter '${p.name}' with query parameter '${query?.name}': the querystring is the whole query string and cannot coexist with query parameters`,
            pointer: p.pointer,
          });
        if (p.value !== undefined && typeof p.value !== 'string' && !isSelectorObject(p.value))
          reportV11(context, 'querystring-not-string', {
            message: `querystring parameter '${p.name}' has a ${p.value === null ? 'null' : Array.isArray(p.value) ? 'list' : typeof p.value} value; it must be the complete query string as a string (e.g. 'a=1&b=2')`,
            pointer: `${p.pointer}/value`,
          });
      });
    });
  });
}

/** The parameters of a list, Reusable Objects replaced by the component (their `value` winning). */
function placeAll(context: LintContext, list: unknown, base: string): Placed[] {
  const components = asRecord(asRecord(context.root.components)?.parameters);
  return asArray(list).flatMap((item, i): Placed[] => {
    const node = asRecord(item);
    const pointer = `${base}/${i}`;
    const reference = asString(node?.reference);
    if (reference === undefined)
      return node === undefined
        ? []
        : [{ pointer, name: asString(node.name), in: asString(node.in), value: node.value }];
    const target = asRecord(components?.[COMPONENT.exec(reference)?.[1] ?? '']);
    if (target === undefined) return [];
    const value = node !== undefined && 'value' in node ? node.value : target.value;
    return [{ pointer, name: asString(target.name), in: asString(target.in), value }];
  });
}
