/**
 * Defensive readers over a parsed document. Lint runs on documents the schema may have rejected,
 * so every rule reads nodes through these instead of trusting the typed AST.
 */

/** A plain JSON object, or undefined when `value` is anything else. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Readonly<Record<string, unknown>>)
    : undefined;
}

/** The items of an array, or an empty list when `value` is not one. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `value` when it is a string, else undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string property of an object node, or undefined. */
export function stringAt(node: unknown, key: string): string | undefined {
  return asString(asRecord(node)?.[key]);
}

/** The own entries of an object node (none when it is not an object). */
export function entriesOf(value: unknown): readonly [string, unknown][] {
  const record = asRecord(value);
  return record === undefined ? [] : Object.entries(record);
}
