import { UsageError } from './usage-error.js';

/** `NAME=VALUE` split at the first `=`; `flag` names the option in the error message. */
export function parseAssignment(text: string, flag: string): { name: string; value: string } {
  const at = text.indexOf('=');
  if (at <= 0) throw new UsageError(`${flag} expects NAME=VALUE, got '${text}'`);
  return { name: text.slice(0, at), value: text.slice(at + 1) };
}

/** A `--input` value: JSON when it parses as JSON, else the string as typed. */
export function parseInputValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
