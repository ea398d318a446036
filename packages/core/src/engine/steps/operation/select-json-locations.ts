/**
 * The locations a JSONPath replacement target selects in a JSON payload, as JSON Pointer token
 * lists: RFC 9535 through json-p3 (each node's normalized path), draft-goessner through
 * jsonpath-plus (`resultType: 'pointer'`, safe evaluator). Both libraries load on first use.
 */

import { loadJsonP3, loadJsonpathPlus } from '../../../criteria/lazy-library.js';
import { splitPointer } from '../../../document/json-pointer.js';

/** Every location `target` (JSONPath of `version`) selects in `root`; throws on a target that does not compile. */
export function selectJsonLocations(root: unknown, target: string, version: string): string[][] {
  if (version === 'rfc9535') {
    const nodes = loadJsonP3()
      .compile(target)
      .query(root as never).nodes;
    return nodes.map((node) => node.location.map(String));
  }
  const { JSONPath } = loadJsonpathPlus();
  const pointers = JSONPath({
    path: target,
    json: root as never,
    resultType: 'pointer',
    eval: 'safe',
    wrap: true,
    ignoreEvalErrors: true,
  }) as unknown;
  return Array.isArray(pointers) ? pointers.map((p) => splitPointer(String(p))) : [];
}
