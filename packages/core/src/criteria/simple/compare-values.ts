/**
 * Loose comparison of `simple` conditions (Arazzo 1.0.1 §4.6.10: "String comparisons MUST be case
 * insensitive"; numbers compare as numbers, and a numeric string compared with a number is taken as
 * a number). A missing value is treated as `null`: `null` equals only `null`, and every ordering
 * with `null` is false, so `$response.body.data != null` fails when there is no data.
 */
import type { ComparisonOperator } from './condition-ast.js';

const NUMERIC = /^\s*-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*$/;

/** A number for numbers and numeric strings, else undefined. */
function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
  return undefined;
}

/** Equality: numbers with numeric strings as numbers, strings case-insensitively, JSON deeply. */
export function looseEquals(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'number' || typeof b === 'number') {
    const x = asNumber(a);
    const y = asNumber(b);
    return x !== undefined && y !== undefined && x === y;
  }
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    if (typeof a === typeof b) return a === b;
    const text = typeof a === 'string' ? a : typeof b === 'string' ? b : undefined;
    return text !== undefined && text.toLowerCase() === String(typeof a === 'boolean' ? a : b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => looseEquals(item, b[i]))
    );
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && looseEquals((a as never)[k], (b as never)[k]))
    );
  }
  return false;
}

/** Apply a comparison operator with the loose rules above. */
export function compareValues(op: ComparisonOperator, a: unknown, b: unknown): boolean {
  if (op === '==') return looseEquals(a, b);
  if (op === '!=') return !looseEquals(a, b);
  if (a === null || a === undefined || b === null || b === undefined) return false;
  let order: number | undefined;
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) order = x - y;
  else if (typeof a === 'string' && typeof b === 'string') {
    const p = a.toLowerCase();
    const q = b.toLowerCase();
    order = p < q ? -1 : p > q ? 1 : 0;
  }
  if (order === undefined) return false;
  switch (op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    default:
      return order >= 0;
  }
}

/** Whether a condition's value passes: `true`; non-zero numbers, non-empty strings, objects. Never `null`. */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value.length > 0;
  return value !== false;
}
