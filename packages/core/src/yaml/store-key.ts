import { giveUp } from './give-up.js';
import { defineLazyValue, LazyRegion } from './lazy-region.js';
import type { ScanState } from './scan-state.js';

/**
 * Store `value` under `key` in a mapping as js-yaml's storeMappingPair does for plain objects: the key
 * becomes a string (`String(key)`), `__proto__` an own property, a duplicate key replaces the value
 * in place when `json` is on (else the reader gives up: js-yaml throws). Gives up on merge keys
 * (a plain `<<` with DEFAULT_SCHEMA) and on collections as keys. A LazyRegion value (lazy parses)
 * becomes a property built on first read.
 */
export function storeKey(
  s: ScanState,
  mapping: Record<string, unknown>,
  key: unknown,
  plain: boolean,
  value: unknown,
): void {
  let name: string;
  if (typeof key === 'string') {
    if (plain && s.extended && key === '<<') giveUp('merge key');
    name = key;
  } else if (key !== null && typeof key === 'object' && !(key instanceof Date)) {
    giveUp('collection as a key');
  } else {
    name = String(key);
  }
  if (!s.json && Object.hasOwn(mapping, name)) giveUp('duplicate key');
  if (value instanceof LazyRegion) {
    // A deferred value replaces a duplicate in place too (defineProperty keeps the key's position).
    defineLazyValue(mapping, name, value);
  } else if (name === '__proto__') {
    Object.defineProperty(mapping, name, { configurable: true, enumerable: true, writable: true, value });
  } else {
    mapping[name] = value;
  }
}

/**
 * In the checking pass of a lazy parse (no mapping is built): give up where storeKey would, on a
 * merge key, or on a duplicate key (`names`: the keys seen so far in the mapping, when `json` is off).
 */
export function checkKey(s: ScanState, names: Set<string> | undefined, key: unknown, plain: boolean): void {
  if (typeof key === 'string' && plain && s.extended && key === '<<') giveUp('merge key');
  if (names === undefined) return;
  const name = String(key);
  if (names.has(name)) giveUp('duplicate key');
  names.add(name);
}
