import { UsageError } from './usage-error.js';

/** A duration flag's value to milliseconds: `500ms`, `30s`, `2m`, `1h`, or a bare number of seconds. */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (match === null)
    throw new UsageError(`${flag} expects a duration such as 30s, 500ms or 2m, got '${text}'`);
  const amount = Number(match[1]);
  const unit = match[2] ?? 's';
  const ms = amount * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit] ?? 1000);
  if (ms <= 0) throw new UsageError(`${flag} must be greater than zero`);
  return Math.round(ms);
}
