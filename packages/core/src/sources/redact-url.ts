/**
 * URLs as they may appear in messages: validate output, SARIF and logs carry source-unresolved
 * messages, and a source URL may hold credentials in its userinfo (`https://user:token@host/`) or
 * its query string (`?api_key=...`). Both are replaced by `***`; scheme, host, path and fragment
 * stay, so the message still says which source failed.
 */

const MASK = '***';

/**
 * `uri` with its userinfo password (or a lone user name, often a token) and its query string
 * masked: `https://user:pw@host/p?k=v` → `https://user:***@host/p?***`. Text that does not parse
 * as a URL with an authority (a file path, a relative reference) is returned unchanged.
 */
export function redactUrl(uri: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(uri);
  if (match === null) return uri;
  const [, scheme = '', authority = '', path = '', query, fragment = ''] = match;
  const at = authority.lastIndexOf('@');
  let host = authority;
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    const user = colon >= 0 ? `${userinfo.slice(0, colon)}:${MASK}` : MASK;
    host = `${user}@${authority.slice(at + 1)}`;
  }
  const masked = query === undefined || query === '?' ? (query ?? '') : `?${MASK}`;
  return `${scheme}${host}${path}${masked}${fragment}`;
}

/** `text` with every `http(s)://` URL in it passed through redactUrl (for third-party error messages). */
export function redactUrlsIn(text: string): string {
  return text.replace(/\bhttps?:\/\/[^\s'"<>`]+/gi, (url) => redactUrl(url));
}
