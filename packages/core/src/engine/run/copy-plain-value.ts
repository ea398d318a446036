/**
 * A deep copy of a run's inputs, as structuredClone makes it but without its serialisation: plain
 * objects and arrays are copied member by member (own enumerable string keys, as structuredClone
 * takes them), primitives are themselves, and anything else (a Date, a Map, a typed array; a
 * function or symbol, which then throws as structuredClone does) goes through structuredClone. A
 * value nested deeper than 64 levels (or holding a cycle) is copied by structuredClone as a whole.
 * For the small JSON values runs take, several times cheaper than structuredClone.
 */
import { setOwn } from '../../document/set-own.js';

const MAX_DEPTH = 64;
const TOO_DEEP = Symbol('too deep');

/** A deep copy of `value` (see the file's comment). */
export function copyPlainValue<T>(value: T): T {
  try {
    return copy(value, 0) as T;
  } catch (error) {
    if (error === TOO_DEEP) return structuredClone(value);
    throw error;
  }
}

function copy(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object')
    return typeof value === 'function' || typeof value === 'symbol' ? structuredClone(value) : value;
  if (depth > MAX_DEPTH) throw TOO_DEEP;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return structuredClone(value);
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i += 1) out[i] = copy(value[i], depth + 1);
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) setOwn(out, key, copy(record[key], depth + 1));
  return out;
}
