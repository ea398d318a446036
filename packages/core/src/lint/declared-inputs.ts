import type { LintContext } from './lint-context.js';
import { asRecord, asString } from './read-node.js';

const COMPONENT_INPUT = '#/components/inputs/';

/**
 * The input names a workflow declares: the `properties` of its `inputs` schema, following one
 * `$ref` to `#/components/inputs/x` and merging `allOf` branches. Undefined when the schema is too
 * open to tell (composition other than allOf, patternProperties, a `$ref` elsewhere), so lint never
 * reports a name the schema may well allow.
 */
export function declaredInputs(context: LintContext, workflow: unknown): ReadonlySet<string> | undefined {
  const names = new Set<string>();
  const schema = asRecord(workflow)?.inputs;
  if (schema === undefined) return names;
  return collect(context, schema, names, 0) ? names : undefined;
}

function collect(context: LintContext, schema: unknown, names: Set<string>, depth: number): boolean {
  if (depth > 8) return false;
  const node = asRecord(schema);
  if (node === undefined) return schema === false;
  const ref = asString(node.$ref);
  if (ref !== undefined) {
    if (!ref.startsWith(COMPONENT_INPUT)) return false;
    const target = asRecord(asRecord(context.root.components)?.inputs)?.[
      decode(ref.slice(COMPONENT_INPUT.length))
    ];
    if (target === undefined || !collect(context, target, names, depth + 1)) return false;
  }
  if (
    'anyOf' in node ||
    'oneOf' in node ||
    'patternProperties' in node ||
    'if' in node ||
    '$dynamicRef' in node
  )
    return false;
  const extra = node.additionalProperties;
  if (extra !== undefined && extra !== false) return false;
  for (const name of Object.keys(asRecord(node.properties) ?? {})) names.add(name);
  if (Array.isArray(node.allOf)) {
    for (const branch of node.allOf) if (!collect(context, branch, names, depth + 1)) return false;
  }
  return true;
}

function decode(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
