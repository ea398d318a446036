/** Options of {@link basicAuthHeader}. */
export interface BasicAuthHeaderOptions {
  readonly username: string;
  readonly password: string;
}

/**
 * The `Authorization` header value for HTTP Basic (RFC 7617): `Basic ` + base64 of
 * `username:password` in UTF-8.
 */
export function basicAuthHeader(options: BasicAuthHeaderOptions): string {
  const token = Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64');
  return `Basic ${token}`;
}
