import { parseDuration } from '../shared/parse-duration.js';
import { UsageError } from '../shared/usage-error.js';
import type { FlagSpec } from './command-spec.js';

/*
 * One flag value, read by the flag's kind: a `choice` must be one of its choices, an `integer` a
 * whole number (at least `min`), a `duration` `500ms`/`30s`/`2m` (to milliseconds), a `string` is
 * kept as given. `label` names where the value came from (`--format`, `TELAIO_FORMAT (for --format)`).
 * Throws a UsageError shown with the usage line.
 */
/** `an integer`, `an integer >= 0`, `an integer from 0 to 65535`. */
export function integerRange(flag: FlagSpec): string {
  if (flag.min !== undefined && flag.max !== undefined) return `an integer from ${flag.min} to ${flag.max}`;
  if (flag.min !== undefined) return `an integer >= ${flag.min}`;
  if (flag.max !== undefined) return `an integer <= ${flag.max}`;
  return 'an integer';
}

/**
 * One flag value, read by its kind (see the module comment).
 */
export function readFlagValue(label: string, flag: FlagSpec, text: string): string | number {
  const bad = (what: string): UsageError =>
    new UsageError(`${label} must be ${what}, got '${text}'`, undefined, { showUsage: true });
  switch (flag.kind) {
    case 'choice':
      if (!(flag.choices ?? []).includes(text)) throw bad(`one of ${(flag.choices ?? []).join(', ')}`);
      return text;
    case 'integer': {
      const min = flag.min ?? Number.MIN_SAFE_INTEGER;
      const max = flag.max ?? Number.MAX_SAFE_INTEGER;
      const what = integerRange(flag);
      if (!/^-?\d+$/.test(text.trim())) throw bad(what);
      const value = Number(text.trim());
      if (!Number.isSafeInteger(value) || value < min || value > max) throw bad(what);
      return value;
    }
    case 'duration':
      try {
        return parseDuration(text, label);
      } catch (error) {
        throw new UsageError((error as Error).message, undefined, { showUsage: true });
      }
    default:
      return text;
  }
}
