/** RFC 3986 unreserved characters: never encoded. */
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const ALL_UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
/** RFC 3986 reserved characters: kept as they are only when `allowReserved` is set. */
const RESERVED = /[:/?#[\]@!$&'()*+,;=]/;

/**
 * Percent-encodes a value for a URL component (path segment, query name or value, cookie value)
 * the strict RFC 3986 way (`!'()*|[]` and space encoded too, UTF-8 bytes), as the OpenAPI 3.1.1
 * style examples do. With `allowReserved` the reserved characters pass through unchanged, as
 * OpenAPI's `allowReserved: true` asks.
 */
export function percentEncode(options: { readonly value: string; readonly allowReserved?: boolean }): string {
  const { value, allowReserved = false } = options;
  if (ALL_UNRESERVED.test(value)) return value;
  let out = '';
  for (const ch of value) {
    if (UNRESERVED.test(ch) || (allowReserved && RESERVED.test(ch))) {
      out += ch;
    } else {
      for (const byte of Buffer.from(ch, 'utf8'))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}
