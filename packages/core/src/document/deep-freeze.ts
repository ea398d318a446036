/**
 * Recursively freeze a parsed JSON-like value so a loaded document can be shared by many runs.
 * Objects already frozen are not walked again (shared subtrees, aliases).
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
