import type { CredentialProvider, PreparedRequest, SentRequest, SourceDescription } from '@telaio/core';
import { serializeParameter } from '@telaio/http-adapter';

/**
 * The request `--dry-run` shows for a PreparedRequest: method, URL (server, path parameters, query),
 * headers (parameters, content type, and the credentials the provider would apply) and body, as far
 * as the values are known. Placeholders stay readable (not percent-encoded). Nothing is sent.
 */
export async function resolveDryRunRequest(options: {
  readonly request: PreparedRequest;
  readonly credentials?: CredentialProvider;
}): Promise<SentRequest> {
  const { request } = options;
  const { operation } = request;
  const definitions = new Map(operation.parameters.map((p) => [`${p.in}:${p.name.toLowerCase()}`, p]));
  let path = operation.path;
  const query: string[] = [];
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const parameter of request.parameters) {
    if (parameter.value === undefined) continue;
    const definition = definitions.get(`${parameter.in}:${parameter.name.toLowerCase()}`);
    const out = serializeParameter({
      name: parameter.name,
      in: parameter.in,
      value: parameter.value,
      style: definition?.style,
      explode: definition?.explode,
    });
    if (parameter.in === 'path') path = path.split(`{${parameter.name}}`).join(out.text ?? '');
    else if (parameter.in === 'query') query.push(...(out.pairs ?? []));
    else if (parameter.in === 'header') headers[parameter.name.toLowerCase()] = out.text ?? '';
    else cookies.push(...(out.pairs ?? []));
  }
  const base = serverOf(request);
  let url =
    (base.endsWith('/') && path.startsWith('/') ? base + path.slice(1) : base + path) +
    (query.length > 0 ? `?${query.join('&')}` : '');
  url = url.replace(/%3C(.*?)%3E/gi, (match) => safeDecode(match));
  await applyCredentials({
    request,
    headers,
    cookies,
    credentials: options.credentials,
    addQuery: (pair) => (url += `${url.includes('?') ? '&' : '?'}${pair}`),
  });
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  let body: string | undefined;
  if (request.body !== undefined) {
    const type =
      request.body.contentType ?? Object.keys(operation.requestBody?.content ?? {})[0] ?? 'application/json';
    headers['content-type'] = type;
    const value = request.body.value;
    body =
      typeof value === 'string'
        ? value
        : value instanceof Uint8Array
          ? `<${value.length} bytes>`
          : JSON.stringify(value, null, 2);
  }
  return { method: operation.method.toUpperCase(), url, headers, ...(body === undefined ? {} : { body }) };
}

function serverOf(request: PreparedRequest): string {
  let url = request.serverUrl;
  if (url === undefined || url === '') {
    const server = request.operation.servers[0];
    url = server?.url ?? '/';
    for (const [name, variable] of Object.entries(server?.variables ?? {}))
      url = url.split(`{${name}}`).join(variable.default);
  }
  const sourceUrl = request.source?.url;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && sourceUrl !== undefined && /^https?:\/\//i.test(sourceUrl))
    return new URL(url, sourceUrl).href;
  return url;
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

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
