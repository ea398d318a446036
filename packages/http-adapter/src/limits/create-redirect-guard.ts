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

/** The key of a request's got `context` under which the security it applied reaches the guard. */
export const APPLIED_SECURITY = 'telaioAppliedSecurity';

/** got's view of the next request in a `beforeRedirect` hook (the part this hook reads and changes). */
export interface RedirectOptions {
  url: URL | string | undefined;
  headers: Record<string, string | string[] | undefined>;
  readonly context: Record<string, unknown>;
}

/** The response that redirects: its own URL, and the URL the request was first sent to. */
export interface RedirectResponse {
  readonly url: string;
  readonly requestUrl: URL;
}

/**
 * The `beforeRedirect` hook of a transport's redirect-following got instance, installed once when
 * the instance is made: a request's applied security travels in its got `context`
 * (`APPLIED_SECURITY`, only when it put credentials in a header or the query), so a GET sends no
 * per-request hook for got to merge, and nothing is parsed unless a redirect happens.
 */
export function createRedirectGuard(options: {
  /** Follow `https` → `http` redirects (credentials are still dropped, the origin changes). */
  readonly allowInsecure: boolean;
}): (next: RedirectOptions, response: RedirectResponse) => void {
  const { allowInsecure } = options;
  return (next, response) => {
    const to = typeof next.url === 'string' ? new URL(next.url) : next.url;
    if (to === undefined) return;
    if (new URL(response.url).protocol === 'https:' && to.protocol === 'http:' && !allowInsecure)
      throw new TelaioError(
        'redirect-insecure',
        `refused a redirect from https to ${to.origin}: it would send the request unencrypted ` +
          '(allow it with --allow-insecure-redirects)',
        { details: { location: to.origin } },
      );
    if (to.origin === response.requestUrl.origin) return;
    const security = next.context[APPLIED_SECURITY] as AppliedSecurity | undefined;
    if (security !== undefined) for (const name of Object.keys(security.headers)) delete next.headers[name];
    delete next.headers.cookie;
    delete next.headers.authorization;
    if (security === undefined || security.query.length === 0) return;
    const kept = security.query
      .map((pair) => decodeURIComponent(pair.split('=', 1)[0] ?? ''))
      .filter((name) => to.searchParams.has(name));
    if (kept.length > 0) {
      for (const name of kept) to.searchParams.delete(name);
      next.url = to;
    }
  };
}
