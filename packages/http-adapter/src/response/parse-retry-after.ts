/**
 * Converts a `Retry-After` header (delta-seconds, or an HTTP-date) into milliseconds from `now`.
 * A date in the past gives 0; an unparseable or missing value gives undefined.
 */
export function parseRetryAfter(options: {
  readonly value: string | undefined;
  readonly now?: number;
}): number | undefined {
  const value = options.value?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (/^\d+\.\d+$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - (options.now ?? Date.now()));
}
