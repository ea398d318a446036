/**
 * Which workflow inputs a piece of a step reads, known statically from the plan, so inputs with a
 * provider are resolved just before the first step that reads them (and never earlier).
 */
import type { CompiledValue } from '../../expressions/compile-value.js';

const INPUT_IN_TEXT = /\$inputs\.([^\s()<>=!&|[\],#}{'"]+)/g;

/** Input names read by compiled values (whole or embedded expressions). */
export function inputsOfValues(options: { values: readonly (CompiledValue | undefined)[] }): string[] {
  const names: string[] = [];
  for (const value of options.values) {
    for (const { expression } of value?.expressions ?? [])
      if (expression.kind === 'inputs') names.push(expression.name);
  }
  return names;
}

/** Input names mentioned in free text (a criterion's condition and context). */
export function inputsOfText(options: { text: string }): string[] {
  return [...options.text.matchAll(INPUT_IN_TEXT)].map((m) => m[1] ?? '');
}

/** True when `reads` covers input `name` (`$inputs.a` or a dotted/pointer read below it). */
export function readsInput(options: { reads: readonly string[]; name: string }): boolean {
  const { name } = options;
  return options.reads.some((r) => r === name || r.startsWith(`${name}.`));
}
