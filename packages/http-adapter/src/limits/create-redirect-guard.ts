/**
 * Keeps credentials with their origin when a request follows a redirect. The client itself drops
 * `authorization` and `cookie` when the origin changes, but knows nothing of an API key in another
 * header or in the query. This guard drops every credential the security seam applied (its headers,
 * the cookie header, its query parameters) as soon as a redirect leaves the origin (scheme, host,
 * port) of the first request, and refuses an `https` → `http` redirect unless it is allowed.
 */
import { TelaioError } from '@telaio/core';
import type { RedirectStep } from '../client/exchange-types.js';
import type { AppliedSecurity } from '../security/apply-security.js';

/**
 * The guard of a transport's redirects, made once per transport: each call gets the next step and
 * the security its request applied; nothing is parsed unless a redirect happens.
 */
export function createRedirectGuard(options: {
  /** Follow `https` → `http` redirects (credentials are still dropped, the origin changes). */
  readonly allowInsecure: boolean;
}): (step: RedirectStep, security: AppliedSecurity) => void {
  const { allowInsecure } = options;
  return (step, security) => {
    const to = step.url;
    if (step.from.protocol === 'https:' && to.protocol === 'http:' && !allowInsecure)
      throw new TelaioError(
        'redirect-insecure',
        `refused a redirect from https to ${to.origin}: it would send the request unencrypted ` +
          '(allow it with --allow-insecure-redirects)',
        { details: { location: to.origin } },
      );
    if (to.origin === step.first.origin) return;
    for (const name of Object.keys(security.headers)) delete step.headers[name.toLowerCase()];
    delete step.headers.cookie;
    delete step.headers.authorization;
    if (security.query.length === 0) return;
    const kept = security.query
      .map((pair) => decodeURIComponent(pair.split('=', 1)[0] ?? ''))
      .filter((name) => to.searchParams.has(name));
    if (kept.length > 0) {
      const next = new URL(to);
      for (const name of kept) next.searchParams.delete(name);
      step.url = next;
    }
  };
}
