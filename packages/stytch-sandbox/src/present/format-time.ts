/** Formats milliseconds since the epoch as Stytch's RFC 3339 UTC timestamps (`2021-12-29T12:33:09Z`). */
export function formatTime(options: { ms: number }): string {
  return new Date(options.ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
