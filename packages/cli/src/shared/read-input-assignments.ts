import { parseAssignment, parseInputValue } from './parse-assignment.js';

/** The `--input NAME=VALUE` flags of a command that starts runs, parsed once for run, test, mcp and submit. */
export interface InputAssignments {
  /** Each value as JSON when it parses as JSON, else the string as typed. */
  readonly inputs: Record<string, unknown>;
  /** Each value exactly as typed (a declared string input keeps `007` as `007`). */
  readonly rawInputs: Record<string, string>;
}

/** Splits `--input NAME=VALUE` flags (UsageError, exit 2, on one without `=`). */
export function readInputAssignments(texts: readonly string[]): InputAssignments {
  const inputs: Record<string, unknown> = {};
  const rawInputs: Record<string, string> = {};
  for (const text of texts) {
    const { name, value } = parseAssignment(text, '--input');
    inputs[name] = parseInputValue(value);
    rawInputs[name] = value;
  }
  return { inputs, rawInputs };
}
