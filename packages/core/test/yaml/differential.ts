/**
 * The yardstick of the fast YAML reader: js-yaml itself. `compareWithJsYaml` parses a text with both
 * (in one of the two ways telaio calls js-yaml) and says whether the fast reader gave up, agreed
 * exactly (same key order, same number types incl. -0 and NaN, Dates equal), or differed.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { type FastYamlOptions, type FastYamlResult, parseYamlFast } from '../../src/yaml/parse-yaml-fast.js';

/** The two ways telaio calls js-yaml: sources (DEFAULT_SCHEMA, json) and Arazzo documents (CORE_SCHEMA). */
export const MODES: readonly (FastYamlOptions & { readonly name: string })[] = [
  { name: 'sources (default schema, json)', schema: 'default', json: true },
  { name: 'arazzo (core schema)', schema: 'core', json: false },
];

/** What js-yaml makes of `text`: its value, or its error message. */
export function loadWithJsYaml(
  text: string,
  mode: FastYamlOptions,
): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    const value =
      mode.schema === 'core'
        ? load(text, { schema: CORE_SCHEMA, json: mode.json })
        : load(text, { json: mode.json });
    return { ok: true, value };
  } catch (error) {
    return { ok: false, message: (error as Error).message.split('\n')[0] ?? '' };
  }
}

/** The outcome of one comparison. */
export type Verdict =
  | { readonly kind: 'same'; readonly value: unknown }
  | { readonly kind: 'gave-up'; readonly reason: string; readonly jsYaml: 'accepted' | 'rejected' }
  | { readonly kind: 'different'; readonly detail: string };

/**
 * Parse `text` both ways; `different` when the fast reader accepted what js-yaml rejects or differs.
 * The fast reader's lazy parse (every value on lines of its own deferred: `lazyMinLength` 1) must
 * give up exactly when the eager one does, and otherwise give the same value once read (key order,
 * JSON text): `different` too when it does not.
 */
export function compareWithJsYaml(text: string, mode: FastYamlOptions): Verdict {
  const reference = loadWithJsYaml(text, mode);
  const fast = parseYamlFast(text, { schema: mode.schema, json: mode.json });
  const lazy = lazyDifference(text, mode, fast);
  if (lazy !== undefined) return { kind: 'different', detail: `lazy parse: ${lazy}` };
  if (!fast.ok)
    return { kind: 'gave-up', reason: fast.reason, jsYaml: reference.ok ? 'accepted' : 'rejected' };
  if (!reference.ok) return { kind: 'different', detail: `js-yaml rejects it (${reference.message})` };
  const difference = firstDifference(fast.value, reference.value, '');
  return difference === undefined
    ? { kind: 'same', value: fast.value }
    : { kind: 'different', detail: difference };
}

/** How a lazy parse of `text` differs from the eager one (`eager`), or undefined. */
function lazyDifference(text: string, mode: FastYamlOptions, eager: FastYamlResult): string | undefined {
  const lazy = parseYamlFast(text, { schema: mode.schema, json: mode.json, lazy: true, lazyMinLength: 1 });
  if (lazy.ok !== eager.ok)
    return lazy.ok
      ? `accepted what the eager parse gave up on (${(eager as { reason: string }).reason})`
      : `gave up (${lazy.reason})`;
  if (!lazy.ok || !eager.ok) return undefined;
  // JSON text first (reads every deferred value through JSON.stringify), then a walk by keys.
  const json = JSON.stringify(lazy.value);
  if (json !== JSON.stringify(eager.value)) return 'JSON text differs';
  return firstDifference(lazy.value, eager.value, '');
}

/** The first place where `a` (fast) and `b` (js-yaml) differ, or undefined when they are identical. */
export function firstDifference(a: unknown, b: unknown, at: string): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime())
      ? undefined
      : `${at || '/'}: ${describe(a)} vs ${describe(b)}`;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${at || '/'}: ${describe(a)} vs ${describe(b)}`;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b))
    return `${at || '/'}: different kinds`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join('\u0000') !== keysB.join('\u0000'))
    return `${at || '/'}: keys [${keysA.join(', ')}] vs [${keysB.join(', ')}]`;
  for (const key of keysA) {
    const difference = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${at}/${key}`,
    );
    if (difference !== undefined) return difference;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value instanceof Date) return `Date(${value.getTime()})`;
  if (typeof value === 'number') return `number ${Object.is(value, -0) ? '-0' : String(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
