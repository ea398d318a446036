import { resolve } from 'node:path';
import type { DeclaredInputsView } from '@telaio/core';

/**
 * The inputs one workflow starts with: the flat part of `--inputs` (keys that are not workflowIds),
 * overlaid by its own entry (`{checkout: {petId: 7}}`), overlaid by an entry naming its file too
 * (`{"orders.arazzo.yaml#checkout": {...}}`: the file as a path from the cwd or any tail of its
 * path, so two files with the same workflowId get different values), overlaid by each `--input`. When the
 * workflow's schema declares properties, only those are passed (a flat map serves workflows with
 * different inputs). As in `run`, where the schema asks for a string a number or boolean from the
 * file becomes its text and a `--input` keeps the text as typed (`code=012345`).
 */
export function inputsForWorkflow(options: {
  readonly workflowId: string;
  /** The document's absolute path or URL (for `FILE#workflowId` keys). */
  readonly documentUri: string;
  /** Every workflowId of the document (to tell per-workflow entries from flat inputs). */
  readonly workflowIds: ReadonlySet<string>;
  readonly file: Readonly<Record<string, unknown>>;
  readonly flags: Readonly<Record<string, unknown>>;
  readonly rawFlags: Readonly<Record<string, string>>;
  readonly schema: DeclaredInputsView;
}): Record<string, unknown> {
  const { workflowId, workflowIds, file, schema } = options;
  const merged: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(file))
    if (!((workflowIds.has(name) || name.includes('#')) && isObject(value)))
      merged[name] = coerce(value, schema, name);
  const own = [
    file[workflowId],
    ...Object.entries(file)
      .filter(([key]) => namesWorkflow(key, workflowId, options.documentUri))
      .map(([, value]) => value),
  ];
  for (const entry of own)
    if (isObject(entry))
      for (const [name, value] of Object.entries(entry)) merged[name] = coerce(value, schema, name);
  for (const [name, value] of Object.entries(options.flags))
    merged[name] = wantsString(schema.properties[name]?.type, value) ? options.rawFlags[name] : value;
  const declared = Object.keys(schema.properties);
  if (declared.length === 0) return merged;
  return Object.fromEntries(Object.entries(merged).filter(([name]) => declared.includes(name)));
}

/** True when `key` is `FILE#workflowId` with FILE the document (from the cwd, or a tail of its path). */
function namesWorkflow(key: string, workflowId: string, documentUri: string): boolean {
  const hash = key.lastIndexOf('#');
  if (hash <= 0 || key.slice(hash + 1) !== workflowId) return false;
  const path = key.slice(0, hash).replaceAll('\\', '/');
  const uri = documentUri.replaceAll('\\', '/');
  return uri === resolve(path).replaceAll('\\', '/') || uri.endsWith(`/${path.replace(/^\.\//, '')}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function coerce(value: unknown, schema: DeclaredInputsView, name: string): unknown {
  return (typeof value === 'number' || typeof value === 'boolean') &&
    wantsString(schema.properties[name]?.type, value)
    ? String(value)
    : value;
}

/** True when the input's schema type asks for a string and does not also accept `value` as it is. */
function wantsString(type: unknown, value: unknown): boolean {
  if (typeof value === 'string') return false;
  if (type === 'string') return true;
  if (!Array.isArray(type) || !type.includes('string')) return false;
  const actual =
    typeof value === 'number' && Number.isInteger(value) ? ['integer', 'number'] : [typeof value];
  return !actual.some((t) => type.includes(t));
}
