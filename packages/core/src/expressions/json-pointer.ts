/**
 * Navigation inside JSON values: JSON Pointer (RFC 6901) resolution and single member access, shared
 * by expression evaluation and the `simple` criterion. A miss is reported, never thrown.
 */
import type { PointerTokens } from './ast.js';

/** Result of a navigation: found with a value, or a miss with the reason. */
export type Lookup =
  | { readonly found: true; readonly value: unknown }
  | { readonly found: false; readonly reason: string };

const INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * One step into a value: an own member of an object; an index (`0`, no leading zeros) of an array;
 * `length` of an array or string. `-`, out-of-range and non-numeric indices on arrays are misses.
 */
export function getMember(value: unknown, key: string): Lookup {
  if (Array.isArray(value)) {
    if (INDEX.test(key)) {
      const index = Number(key);
      return index < value.length
        ? { found: true, value: value[index] }
        : { found: false, reason: `index ${key} is out of range (length ${value.length})` };
    }
    if (key === 'length') return { found: true, value: value.length };
    return { found: false, reason: `'${key}' is not an array index` };
  }
  if (typeof value === 'object' && value !== null) {
    return Object.hasOwn(value, key)
      ? { found: true, value: (value as Record<string, unknown>)[key] }
      : { found: false, reason: `no member '${key}'` };
  }
  if (typeof value === 'string' && key === 'length') return { found: true, value: value.length };
  return { found: false, reason: `cannot read '${key}' of ${value === null ? 'null' : typeof value}` };
}

/** Resolve decoded pointer tokens against `value` (RFC 6901 §4). An empty pointer is the value. */
export function resolvePointer(value: unknown, pointer: PointerTokens): Lookup {
  let current = value;
  for (const token of pointer) {
    if (Array.isArray(current) && token === 'length')
      return { found: false, reason: `'length' is not an array index` };
    const next = getMember(current, token);
    if (!next.found) return next;
    current = next.value;
  }
  return { found: true, value: current };
}

/**
 * Look a name up in a record (inputs, outputs, step outputs). The exact name wins; otherwise a
 * dotted name (`user.email`) falls back to the longest existing prefix followed by member access.
 */
export function lookupName(record: Readonly<Record<string, unknown>> | undefined, name: string): Lookup {
  if (record === undefined) return { found: false, reason: 'nothing recorded yet' };
  if (Object.hasOwn(record, name)) return { found: true, value: record[name] };
  const parts = name.split('.');
  for (let i = parts.length - 1; i >= 1; i--) {
    const key = parts.slice(0, i).join('.');
    if (!Object.hasOwn(record, key)) continue;
    let current: Lookup = { found: true, value: record[key] };
    for (const part of parts.slice(i)) {
      if (!current.found) break;
      current = getMember(current.value, part);
    }
    return current;
  }
  return { found: false, reason: `'${name}' is not defined` };
}
