import { giveUp } from './give-up.js';
import type { ScanState } from './scan-state.js';

/**
 * Store `value` under `key` in a mapping as js-yaml's storeMappingPair does for plain objects: the key
 * becomes a string (`String(key)`), `__proto__` an own property, a duplicate key replaces the value
 * in place when `json` is on (else the reader gives up: js-yaml throws). Gives up on merge keys
 * (a plain `<<` with DEFAULT_SCHEMA) and on collections as keys.
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
  if (name === '__proto__') {
    Object.defineProperty(mapping, name, { configurable: true, enumerable: true, writable: true, value });
  } else {
    mapping[name] = value;
  }
}
