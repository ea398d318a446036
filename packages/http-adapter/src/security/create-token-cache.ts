import type { FetchedToken, TokenRequest } from './fetch-client-credentials-token.js';

/** Caches client-credentials tokens per token URL + client id + scopes. */
export interface TokenCache {
  /** A valid access token: cached, or fetched now (concurrent callers share one fetch). */
  get(request: TokenRequest): Promise<string>;
  /** Forgets every token. */
  clear(): void;
}

/**
 * A token cache in front of a fetch function. A token is reused until `expires_in` minus
 * `marginMs` (default 30 s, or a tenth of the lifetime for short-lived tokens); one without
 * `expires_in` is kept for `defaultTtlMs` (default 5 min). Failed fetches are not cached.
 */
export function createTokenCache(options: {
  readonly fetch: (request: TokenRequest) => Promise<FetchedToken>;
  readonly marginMs?: number;
  readonly defaultTtlMs?: number;
  readonly now?: () => number;
}): TokenCache {
  const { fetch, marginMs = 30_000, defaultTtlMs = 300_000, now = Date.now } = options;
  const entries = new Map<string, { token: Promise<string>; expiresAt: number }>();
  return {
    get(request) {
      const key = JSON.stringify([request.tokenUrl, request.clientId, [...request.scopes].sort()]);
      const cached = entries.get(key);
      if (cached !== undefined && cached.expiresAt > now()) return cached.token;
      const entry = { token: Promise.resolve(''), expiresAt: Number.POSITIVE_INFINITY };
      entry.token = fetch(request).then(
        (fetched) => {
          const lifetime =
            fetched.expiresInSeconds === undefined ? defaultTtlMs : fetched.expiresInSeconds * 1000;
          entry.expiresAt = now() + lifetime - Math.min(marginMs, lifetime / 10);
          return fetched.accessToken;
        },
        (error: unknown) => {
          if (entries.get(key) === entry) entries.delete(key);
          throw error;
        },
      );
      entries.set(key, entry);
      return entry.token;
    },
    clear() {
      entries.clear();
    },
  };
}
