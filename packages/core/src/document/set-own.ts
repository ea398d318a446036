/**
 * Writing a key of parsed data as data. `record[key] = value` with the key `__proto__` does not add
 * a property: it replaces the record's prototype (or is ignored), so a response or payload key named
 * `__proto__` would be lost, and a JSON pointer walk through it would reach Object.prototype.
 * These helpers keep every key (`__proto__`, `constructor`, `prototype`) as an own data property.
 */

/** Set `key` on `record` as an own, enumerable, writable data property, whatever its name. */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** `record[key]` when `key` is an own property, else undefined (never an inherited member). */
export function getOwn(record: unknown, key: string): unknown {
  return record !== null && typeof record === 'object' && Object.hasOwn(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined;
}
