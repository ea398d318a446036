import type { CredentialProvider, PreparedRequest, SentRequest, SourceDescription } from '@telaio/core';
import { buildUrl, type EncodedBody, encodeBody } from '@telaio/http-adapter';
import { unresolvedMarker } from './create-unresolved-markers.js';

/**
 * The request `--dry-run` shows for a PreparedRequest: method, URL (server, path parameters, query)
 * and body built by @telaio/http-adapter's own `buildUrl` / `encodeBody` (so a form body shows as
 * the url-encoded text the transport would send), headers (parameters, content type, and the
 * credentials the provider would apply). JSON bodies are shown indented. Placeholders and
 * `<unresolved ...>` markers are encoded exactly as real values would be (in a path or a form body,
 * percent-encoded), so what is shown is what would go on the wire. Nothing is sent.
 */
export async function resolveDryRunRequest(options: {
  readonly request: PreparedRequest;
  readonly credentials?: CredentialProvider;
  /** Told about a gap the request shows as a marker (a base URL that cannot be known). */
  readonly onUnresolved?: (expression: string, reason: string) => void;
}): Promise<SentRequest> {
  const { request } = options;
  const { operation } = request;
  // The transport's own URL builder and body encoder (pure; got stays unloaded), so what is shown
  // is what would be sent.
  const target = buildTarget(request, options.onUnresolved);
  let url = target.url;
  const headers: Record<string, string> = {};
  const cookies = [...target.cookies];
  const encoded = request.body === undefined ? undefined : await encodeBody({ request });
  if (encoded !== undefined) headers['content-type'] = encoded.contentType;
  Object.assign(headers, target.headers);
  await applyCredentials({
    request,
    headers,
    cookies,
    credentials: options.credentials,
    addQuery: (pair) => (url += `${url.includes('?') ? '&' : '?'}${pair}`),
  });
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  const body = encoded === undefined ? undefined : showBody(encoded);
  return { method: operation.method.toUpperCase(), url, headers, ...(body === undefined ? {} : { body }) };
}

/** A host that cannot exist (RFC 2606), standing in for a base URL while the URL is built. */
const NO_HOST = 'http://base-url.invalid';

/**
 * buildUrl, except that a relative server with no http(s) source to resolve it against (where a real
 * run stops with ERR_NO_SERVER) becomes a visible marker in place of the base URL.
 */
function buildTarget(
  request: PreparedRequest,
  onUnresolved: ((expression: string, reason: string) => void) | undefined,
): ReturnType<typeof buildUrl> {
  try {
    return buildUrl({ request });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_NO_SERVER') throw error;
    const source = request.operation.sourceName;
    const reason = `the server URL is relative and the source was not loaded over http(s); give --server ${source}=URL`;
    onUnresolved?.(`base URL of ${source}`, reason);
    const built = buildUrl({ request: { ...request, serverUrl: NO_HOST } });
    return {
      ...built,
      url: `${unresolvedMarker(`base URL of ${source}`, reason)}${built.url.slice(NO_HOST.length)}`,
    };
  }
}

/** The encoded body as text: JSON re-indented (same value), binary as a byte count, the rest as encoded. */
function showBody(encoded: EncodedBody): string {
  if (encoded.text === undefined) return `<${Buffer.byteLength(encoded.payload)} bytes>`;
  if (/json/i.test(encoded.contentType)) {
    try {
      return JSON.stringify(JSON.parse(encoded.text), null, 2);
    } catch {
      return encoded.text;
    }
  }
  return encoded.text;
}

async function applyCredentials(options: {
  request: PreparedRequest;
  headers: Record<string, string>;
  cookies: string[];
  credentials: CredentialProvider | undefined;
  addQuery: (pair: string) => void;
}): Promise<void> {
  const { request, headers, credentials } = options;
  if (credentials === undefined) return;
  const source: SourceDescription = request.source ?? { name: request.operation.sourceName, url: '' };
  const requirement = request.operation.security[0] ?? {};
  for (const schemeName of Object.keys(requirement)) {
    const scheme = request.operation.securitySchemes[schemeName];
    if (scheme === undefined) continue;
    let credential: Awaited<ReturnType<CredentialProvider['credentialFor']>>;
    try {
      credential = await credentials.credentialFor({ source, schemeName, scheme, required: true });
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error';
      headers[
        scheme.in === 'header' && scheme.name !== undefined ? scheme.name.toLowerCase() : 'authorization'
      ] = `<${schemeName}: no credentials (${code})>`;
      continue;
    }
    if (credential === undefined) continue;
    if (credential.type === 'basic')
      headers.authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
    else if (credential.type === 'bearer') headers.authorization = `Bearer ${credential.token}`;
    else if (credential.type === 'oauth2-client-credentials')
      headers.authorization = `Bearer <token from ${credential.tokenUrl ?? scheme.flows?.clientCredentials?.tokenUrl ?? 'tokenUrl'}>`;
    else if (scheme.in === 'query')
      options.addQuery(
        `${encodeURIComponent(scheme.name ?? schemeName)}=${encodeURIComponent(credential.value)}`,
      );
    else if (scheme.in === 'cookie') options.cookies.push(`${scheme.name ?? schemeName}=${credential.value}`);
    else headers[(scheme.name ?? schemeName).toLowerCase()] = credential.value;
  }
}
