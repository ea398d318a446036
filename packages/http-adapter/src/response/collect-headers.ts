/**
 * Folds Node's `rawHeaders` ([name, value, name, value, ...]) into one record with lower-case
 * names: repeated headers are joined with `, `, except `set-cookie`, joined with a newline (cookies
 * may contain commas).
 */
export function collectHeaders(options: { readonly rawHeaders: readonly string[] }): Record<string, string> {
  const { rawHeaders } = options;
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] as string).toLowerCase();
    const value = rawHeaders[i + 1] as string;
    const previous = headers[name];
    headers[name] =
      previous === undefined ? value : `${previous}${name === 'set-cookie' ? '\n' : ', '}${value}`;
  }
  return headers;
}
