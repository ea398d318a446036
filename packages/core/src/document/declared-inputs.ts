/**
 * The inputs a workflow declares, read from its `inputs` JSON Schema the one way engine, lint and
 * CLI share: local `$ref`s followed anywhere in the document (`#/components/inputs/x` and others),
 * `allOf` branches merged, each property's schema resolved through its own `$ref`s.
 */
import { resolveLocalRef } from './json-pointer.js';

/** What a workflow's inputs schema declares at its top level. */
export interface DeclaredInputsView {
  /** Each declared input's schema (local `$ref`s followed; `{}` when unresolvable), in order. */
  readonly properties: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Input names listed as `required` (in `allOf` branches and referenced schemas too). */
  readonly required: readonly string[];
  /**
   * False when the schema admits names it does not list in a way no reader can pin down: anyOf,
   * oneOf, if, patternProperties, $dynamicRef, additionalProperties other than false, a `$ref`
   * out of the document or reaching nothing, or `$ref`s nested too deep.
   */
  readonly complete: boolean;
}

const MAX_DEPTH = 16;
const OPEN_KEYWORDS = ['anyOf', 'oneOf', 'patternProperties', 'if', '$dynamicRef'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Follow `$ref`s at the top of `node` (a property's schema) within `document`. */
function followRefs(document: unknown, node: unknown): unknown {
  let current = node;
  for (let hops = 0; hops < MAX_DEPTH && isRecord(current) && typeof current.$ref === 'string'; hops++)
    current = resolveLocalRef(document, current.$ref);
  return current;
}

/** Read the `inputs` schema of `workflow` (a Workflow Object, typed or not) inside `document`. */
export function readDeclaredInputs(options: { document: unknown; workflow: unknown }): DeclaredInputsView {
  const { document } = options;
  const properties: Record<string, Record<string, unknown>> = {};
  const required = new Set<string>();
  let complete = true;
  const visit = (schema: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) {
      complete = false;
      return;
    }
    if (!isRecord(schema)) {
      if (schema !== false && schema !== undefined) complete = false;
      return;
    }
    if (typeof schema.$ref === 'string') {
      const target = resolveLocalRef(document, schema.$ref);
      if (target === undefined) complete = false;
      else visit(target, depth + 1);
    }
    if (OPEN_KEYWORDS.some((k) => k in schema)) complete = false;
    if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) complete = false;
    if (isRecord(schema.properties)) {
      for (const [name, child] of Object.entries(schema.properties)) {
        const resolved = followRefs(document, child);
        properties[name] = isRecord(resolved) ? resolved : {};
      }
    }
    if (Array.isArray(schema.required))
      for (const name of schema.required) if (typeof name === 'string') required.add(name);
    if (Array.isArray(schema.allOf)) for (const branch of schema.allOf) visit(branch, depth + 1);
  };
  visit(isRecord(options.workflow) ? options.workflow.inputs : undefined, 0);
  return { properties, required: [...required], complete };
}

/**
 * The input names a workflow declares (empty when it has no `inputs`), or undefined when its
 * schema is too open to tell (see DeclaredInputsView.complete), so no caller rejects or drops a
 * name the schema may well allow.
 */
export function declaredInputs(options: {
  document: unknown;
  workflow: unknown;
}): ReadonlySet<string> | undefined {
  const view = readDeclaredInputs(options);
  return view.complete ? new Set(Object.keys(view.properties)) : undefined;
}
