import type { PreparedRequest } from '@telaio/core';
import { TransportError } from '@telaio/core';

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The base URL of a request: `request.serverUrl` when the engine chose one (`--server`, a
 * credential provider), else the operation's first server with its variables set to their
 * defaults. A relative server URL is resolved against the source's own http(s) URL when that is
 * known; otherwise there is no way to know the host, so this throws a TransportError
 * `ERR_NO_SERVER` that says how to fix it.
 */
export function selectServer(options: { readonly request: PreparedRequest }): string {
  const { request } = options;
  // an absolute serverUrl (what the engine usually passes) decides alone; otherwise the source URL counts too
  const server = request.serverUrl ?? '';
  const key =
    request.source === undefined || ABSOLUTE.test(server) ? server : `${server}\u0000${request.source.url}`;
  let perOperation = cache.get(request.operation);
  const cached = perOperation?.get(key);
  if (cached !== undefined) return cached;
  const base = resolveServer(request);
  if (perOperation === undefined) {
    perOperation = new Map();
    cache.set(request.operation, perOperation);
  }
  if (perOperation.size < 16) perOperation.set(key, base);
  return base;
}

/** Base URLs per operation, keyed by the serverUrl and source URL they came from. */
const cache = new WeakMap<object, Map<string, string>>();

function resolveServer(request: PreparedRequest): string {
  const { operation } = request;
  let url = request.serverUrl;
  if (url === undefined || url === '') {
    const server = operation.servers[0];
    url = server?.url ?? '/';
    for (const [name, variable] of Object.entries(server?.variables ?? {})) {
      url = url.split(`{${name}}`).join(variable.default);
    }
  }
  if (ABSOLUTE.test(url)) return url;
  const sourceUrl = request.source?.url;
  if (sourceUrl !== undefined && /^https?:\/\//i.test(sourceUrl)) return new URL(url, sourceUrl).href;
  const method = operation.method.toUpperCase();
  throw new TransportError(
    'ERR_NO_SERVER',
    `${method} ${operation.path}: the server URL "${url}" of source "${operation.sourceName}" is relative and the ` +
      `source was not loaded over http(s); give a base URL (telaio run --server ${operation.sourceName}=https://...)`,
  );
}
