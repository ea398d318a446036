import type { DeclaredInputsView } from '@telaio/core';
import { suggestCommand as closestName } from '../commands/suggest-flag.js';
import { UsageError } from '../shared/usage-error.js';

/**
 * An input given (`--input NAME=...` or a key of `--inputs FILE`) that the workflow does not
 * declare is most likely a typo: a warning naming the declared inputs (and the closest one), sent
 * anyway; under `--strict` an error (exit 2). A schema that forbids additional properties makes the
 * engine refuse it anyway (input-invalid). Schemas whose names cannot all be known (patternProperties,
 * anyOf...) are not second-guessed. Returns the warning lines to print.
 */
export function checkUndeclaredInputs(options: {
  readonly workflowId: string;
  readonly given: Readonly<Record<string, unknown>>;
  readonly fromFlags: ReadonlySet<string>;
  readonly schema: DeclaredInputsView;
  readonly strict: boolean;
}): string[] {
  const { schema, workflowId } = options;
  if (!schema.complete) return [];
  const declared = Object.keys(schema.properties);
  const lines: string[] = [];
  for (const name of Object.keys(options.given)) {
    if (declared.includes(name)) continue;
    const how = options.fromFlags.has(name) ? `--input ${name}` : `--inputs: '${name}'`;
    const list = declared.length === 0 ? 'it declares none' : `its inputs: ${declared.join(', ')}`;
    const hint = closestName(name, declared);
    const message = `${how}: workflow '${workflowId}' declares no input '${name}' (${list})${hint === undefined ? '' : `; did you mean '${hint}'?`}`;
    if (options.strict) throw new UsageError(`${message} (an error under --strict)`);
    lines.push(`warning: ${message}; given anyway`);
  }
  return lines;
}
