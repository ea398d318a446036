/**
 * Keeps credentials with their origin when got follows a redirect. got itself drops `authorization`
 * and `cookie` when the host or port changes, but not an API key in another header or in the query,
 * and not on a change of scheme alone. This `beforeRedirect` hook drops every credential the
 * security seam applied (its headers, the cookie header, its query parameters) as soon as a redirect
 * leaves the origin (scheme, host, port) of the first request, and refuses an `https` → `http`
 * redirect unless it is allowed.
 */
import { TelaioError } from '@telaio/core';
import type { AppliedSecurity } from '../security/apply-security.js';

/** got's view of the next request in a `beforeRedirect` hook (the part this hook changes). */
export interface RedirectOptions {
  url: URL | string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** The URL of the response that redirects. */
export interface RedirectResponse {
  readonly url: string;
}

/** A `beforeRedirect` hook for a request first sent to `url` with `security` applied. */
export function guardRedirect(options: {
  readonly url: string;
  readonly security: AppliedSecurity;
  /** Follow `https` → `http` redirects (credentials are still dropped, the origin changes). */
  readonly allowInsecure: boolean;
}): (next: RedirectOptions, response: RedirectResponse) => void {
  const origin = new URL(options.url).origin;
  const { security } = options;
  const queryNames = security.query.map((pair) => decodeURIComponent(pair.split('=', 1)[0] ?? ''));
  return (next, response) => {
    const to = typeof next.url === 'string' ? new URL(next.url) : next.url;
    if (to === undefined) return;
    if (new URL(response.url).protocol === 'https:' && to.protocol === 'http:' && !options.allowInsecure)
      throw new TelaioError(
        'redirect-insecure',
        `refused a redirect from https to ${to.origin}: it would send the request unencrypted ` +
          '(allow it with --allow-insecure-redirects)',
        { details: { location: to.origin } },
      );
    if (to.origin === origin) return;
    for (const name of Object.keys(security.headers)) delete next.headers[name];
    delete next.headers.cookie;
    delete next.headers.authorization;
    const kept = queryNames.filter((name) => to.searchParams.has(name));
    if (kept.length > 0) {
      for (const name of kept) to.searchParams.delete(name);
      next.url = to;
    }
  };
}
