/**
 * The yardstick of the fast reader's positions mode: the `yaml`-based PositionMap that was the only
 * one before. For a text js-yaml loads (CORE_SCHEMA, as loadArazzoText does), every JSON Pointer
 * of its value (and a child of each that does not exist, which falls back to the nearest parent)
 * must get the same rangeOf and keyRangeOf from both maps.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { createLazyPositionMap } from '../../src/document/build-position-map.js';
import { escapePointerToken } from '../../src/document/json-pointer.js';
import { parseYamlFast } from '../../src/yaml/parse-yaml-fast.js';

/** Every JSON Pointer of `value` (containers and leaves), root first. */
export function pointersOf(value: unknown, at = '', out: string[] = []): string[] {
  out.push(at);
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      pointersOf(child, `${at}/${Array.isArray(value) ? key : escapePointerToken(key)}`, out);
  }
  return out;
}

/** Whether the fast reader's positions mode reads `text` itself (rather than leaving it to `yaml`). */
export function fastPositionsRead(text: string): boolean {
  return parseYamlFast(text, { schema: 'core', json: false, spans: new Map() }).ok;
}

/** The first pointer whose ranges differ between the two maps, described; undefined when none does. */
export function firstPositionDifference(text: string): string | undefined {
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined; // loadArazzoText takes the `yaml` path for it: no lazy map
  }
  const fast = createLazyPositionMap(text);
  const reference = createLazyPositionMap(text, { fastReader: false });
  for (const pointer of pointersOf(value ?? null)) {
    for (const p of [pointer, `${pointer}/~missing`]) {
      const a = JSON.stringify({ range: fast.rangeOf(p), key: fast.keyRangeOf(p) });
      const b = JSON.stringify({ range: reference.rangeOf(p), key: reference.keyRangeOf(p) });
      if (a !== b) return `${p || '/'}: fast ${a} vs yaml ${b}`;
    }
  }
  return undefined;
}
